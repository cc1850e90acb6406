package com.sovera.console.sandbox;

import java.util.Random;

/** Random texts for the tests that compare the sandbox's text searches with SQL's. */
final class RandomTexts {

    private RandomTexts() {
    }

    /** {@code n} characters drawn from {@code alphabet}. */
    static String of(Random random, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
