package com.sovera.console.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Removes secrets from text bound for a log: credential headers, the JSON fields that carry secrets, and every
 * secret value this console has seen (so a secret echoed anywhere is still caught, even in a line logged after its
 * session closed). It keeps no secret itself, only a keyed hash of each: a rolling fingerprint per length finds
 * the places a secret could be, and a keyed SHA-256 of the text there decides.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "██";

    private static final Pattern HEADER = Pattern.compile(
            "(?im)^((?:authorization|x-api-key|proxy-authorization|cookie|set-cookie)\\s*:\\s*).+$");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"(?:password|customer_secret|token|secret|api_key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);
    private static final int SHORTEST_SECRET = 6;

    private static final Redactor PROCESS = new Redactor();

    /** Arithmetic modulo the Mersenne prime 2^61 - 1, for the rolling fingerprints. */
    private static final long PRIME = (1L << 61) - 1;

    private final byte[] hashKey = new byte[32];
    private final long base;
    private final Map<Integer, Set<Long>> fingerprints = new ConcurrentHashMap<>();
    private final Set<String> digests = ConcurrentHashMap.newKeySet();

    public Redactor() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(hashKey);
        base = (1L << 20) + Math.floorMod(random.nextLong(), PRIME - (1L << 21));
    }

    /**
     * The redactor every client of this process remembers its secrets in, and every log line passes through
     * (see {@link RedactingMessageConverter}).
     */
    public static Redactor forProcess() {
        return PROCESS;
    }

    /** Adds a value to scrub wherever it appears, such as a password just typed or a key just minted. */
    public void remember(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            digests.add(digest(secret));
            fingerprints.computeIfAbsent(secret.length(), n -> ConcurrentHashMap.newKeySet())
                    .add(fingerprint(secret, 0, secret.length()));
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = HEADER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        return maskRemembered(out);
    }

    private String maskRemembered(String text) {
        boolean[] masked = null;
        for (Map.Entry<Integer, Set<Long>> byLength : fingerprints.entrySet()) {
            int n = byLength.getKey();
            if (n > text.length()) {
                continue;
            }
            Set<Long> wanted = byLength.getValue();
            long top = power(n - 1);
            long h = fingerprint(text, 0, n);
            for (int i = 0; ; i++) {
                if (wanted.contains(h) && digests.contains(digest(text.substring(i, i + n)))) {
                    if (masked == null) {
                        masked = new boolean[text.length()];
                    }
                    java.util.Arrays.fill(masked, i, i + n, true);
                }
                if (i + n >= text.length()) {
                    break;
                }
                h = (h + PRIME - mulMod(text.charAt(i), top)) % PRIME;
                h = (mulMod(h, base) + text.charAt(i + n)) % PRIME;
            }
        }
        if (masked == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    private long fingerprint(String text, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = (mulMod(h, base) + text.charAt(i)) % PRIME;
        }
        return h;
    }

    private long power(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p = mulMod(p, base);
        }
        return p;
    }

    /** a * b modulo 2^61 - 1, for a and b below it. */
    private static long mulMod(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long r = (low & PRIME) + ((low >>> 61) | (high << 3));
        while (r >= PRIME) {
            r -= PRIME;
        }
        return r;
    }

    private String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
