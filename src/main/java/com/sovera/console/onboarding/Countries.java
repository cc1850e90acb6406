package com.sovera.console.onboarding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every ISO country as "CODE  Name", sorted by name. Made once: the first display name loads the JDK's locale
 * data (tens of milliseconds), which start-up does on a spare thread so the user step never waits for it.
 */
public final class Countries {

    private static final List<String> ALL = Arrays.stream(Locale.getISOCountries())
            .map(code -> code + "  " + new Locale("", code).getDisplayCountry(Locale.ENGLISH))
            .sorted(Comparator.comparing(s -> s.substring(4))).toList();

    private Countries() {
    }

    public static List<String> all() {
        return ALL;
    }
}
