package com.sovera.console.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Type-ahead over things that have a code and a name (countries, customers): an exact code ranks first, then codes
 * that start with the text, then names that start with it, then the rest that contain it; ties keep the list's
 * order. Letter case is ignored. "US" is the United States, never Australia. Toolkit-free.
 */
public final class TypeAhead<T> {

    private final List<T> items;
    private final Function<T, String> code;
    private final Function<T, String> name;

    public TypeAhead(List<T> items, Function<T, String> code, Function<T, String> name) {
        this.items = List.copyOf(items);
        this.code = code;
        this.name = name;
    }

    /** The items matching {@code typed}, best first, at most {@code limit}; all of them for blank text. */
    public List<T> matches(String typed, int limit) {
        String t = normal(typed);
        return items.stream().filter(i -> rank(i, t) < NO_MATCH)
                .sorted(Comparator.comparingInt(i -> rank(i, t))).limit(limit).toList();
    }

    /** The best match, if anything matches. */
    public Optional<T> best(String typed) {
        return matches(typed, 1).stream().findFirst();
    }

    /** The item {@code typed} names exactly (its code, or its code and name as the list shows them), if any. */
    public Optional<T> exact(String typed) {
        String t = normal(typed);
        return items.stream().filter(i -> rank(i, t) == EXACT).findFirst();
    }

    private static final int EXACT = 0;
    private static final int NO_MATCH = 4;

    private int rank(T item, String t) {
        String c = normal(code.apply(item));
        String n = normal(name.apply(item));
        if (c.equals(t) || t.equals(c + " " + n)) {
            return EXACT;
        }
        if (c.startsWith(t)) {
            return 1;
        }
        if (n.startsWith(t)) {
            return 2;
        }
        return c.contains(t) || n.contains(t) ? 3 : NO_MATCH;
    }

    /** Lower case, trimmed, inner runs of spaces as one ("US  United States" as the list shows it). */
    private static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
