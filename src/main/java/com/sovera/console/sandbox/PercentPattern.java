package com.sovera.console.sandbox;

import java.util.Locale;

/**
 * A {@code [like]} value as the contract reads it, {@code %} its one wildcard and every other character itself,
 * lower-cased as {@link FilterText#likePattern} lower-cases it for SQL; matched against a region of a text as
 * {@code LIKE} matches (the first part at the start, the last at the end, the parts between in order, each where
 * it first fits: with one wildcard the first fit never loses a match that a later one would find).
 */
final class PercentPattern {

    private final String[] parts;
    private final String needle;
    private final boolean containsOnly;
    private final boolean floating;

    private PercentPattern(String[] parts) {
        this.parts = parts;
        String longest = "";
        for (String part : parts) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        this.needle = longest;
        this.containsOnly = parts.length == 3 && parts[0].isEmpty() && parts[2].isEmpty();
        this.floating = parts.length > 1 && parts[0].isEmpty() && parts[parts.length - 1].isEmpty();
    }

    static PercentPattern of(String value) {
        return new PercentPattern(value.toLowerCase(Locale.ROOT).split("%", -1));
    }

    /** The longest stretch of the pattern without a wildcard: every matching text holds it (empty: any text). */
    String needle() {
        return needle;
    }

    /** Whether a text that holds the needle matches: "%fragment%". */
    boolean containsOnly() {
        return containsOnly;
    }

    /** Whether it starts and ends with a wildcard: a text is found by its needle, wherever that lies. */
    boolean floating() {
        return floating;
    }

    /** Whether {@code text[start, end)} matches. */
    boolean matches(String text, int start, int end) {
        if (parts.length == 1) {
            return end - start == parts[0].length() && text.startsWith(parts[0], start);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        int lastAt = end - last.length();
        if (lastAt < start + first.length() || !text.startsWith(first, start) || !text.startsWith(last, lastAt)) {
            return false;
        }
        int at = start + first.length();
        for (int i = 1; i < parts.length - 1; i++) {
            at = find(text, parts[i], at, lastAt);
            if (at < 0) {
                return false;
            }
            at += parts[i].length();
        }
        return true;
    }

    /** Where {@code part} first lies wholly within {@code text[from, to)}, or -1. */
    private static int find(String text, String part, int from, int to) {
        for (int at = from; at + part.length() <= to; at++) {
            if (text.startsWith(part, at)) {
                return at;
            }
        }
        return -1;
    }
}
