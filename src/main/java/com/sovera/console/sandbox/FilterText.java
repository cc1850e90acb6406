package com.sovera.console.sandbox;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a list's {@code filter[...]} values are read: numbers, {@code [like]} patterns; and quoted back in an error. */
final class FilterText {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private FilterText() {
    }

    /** Digits, optionally after a minus, within min..max: how the contract writes an integer parameter. */
    static long number(String text, String name, long fallback, long min, long max) {
        if (text == null) {
            return fallback;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw SandboxError.validation(name, name + " must be a whole number written in digits");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw SandboxError.validation(name, name + " must be between " + min + " and " + max + ", not "
                    + abbreviate(text));
        }
        return value.longValueExact();
    }

    /** The contract's pattern has one wildcard, {@code %}; SQL's {@code _} and the escape are taken literally. */
    static String likePattern(String pattern) {
        return pattern.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("_", "\\_");
    }

    /** A value as an error may quote it: control characters replaced, at most 60 characters. */
    static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }
}
