package com.sovera.console.onboarding;

import com.sovera.console.ui.TypeAhead;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every ISO country as "CODE  Name", sorted by name. Made once: the first display name loads the JDK's locale
 * data (tens of milliseconds), which start-up does on a spare thread so the user step never waits for it.
 */
public final class Countries {

    private static final List<String> ALL = Arrays.stream(Locale.getISOCountries())
            .map(code -> code + "  " + new Locale("", code).getDisplayCountry(Locale.ENGLISH))
            .sorted(Comparator.comparing(Countries::name)).toList();

    private static final TypeAhead<String> TYPE_AHEAD = new TypeAhead<>(ALL, Countries::code, Countries::name);

    private Countries() {
    }

    public static List<String> all() {
        return ALL;
    }

    /** The countries matching what was typed, best first (an exact code, codes, then names starting with it). */
    public static List<String> matches(String typed, int limit) {
        return TYPE_AHEAD.matches(typed, limit);
    }

    /** The country what was typed names exactly: its code ("us") or the list's line ("US  United States"). */
    public static Optional<String> exact(String typed) {
        return TYPE_AHEAD.exact(typed);
    }

    /** The best match of what was typed, if any. */
    public static Optional<String> best(String typed) {
        return TYPE_AHEAD.best(typed);
    }

    /** The list's line of a code ("US" gives "US  United States"), if it is one. */
    public static Optional<String> line(String code) {
        return code == null || code.length() != 2 ? Optional.empty()
                : ALL.stream().filter(c -> code(c).equalsIgnoreCase(code)).findFirst();
    }

    public static String code(String line) {
        return line.substring(0, 2);
    }

    public static String name(String line) {
        return line.substring(4);
    }
}
