package com.sovera.console.api.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's field rules as plain checks: each returns null when the value is acceptable, else a sentence
 * saying what is wanted. The console checks them as the operator types, before the server does.
 */
public final class Rules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{8,15}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\x{2028}\\x{2029}]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Rules() {
    }

    public static String email(String v) {
        if (blank(v)) {
            return "Required.";
        }
        return v.strip().length() <= 254 && EMAIL.matcher(v.strip()).matches() ? null
                : "An e-mail address such as name@example.com.";
    }

    public static String slug(String v) {
        if (blank(v)) {
            return "Required: 3 to 63 lowercase letters, digits and hyphens.";
        }
        String s = v.strip();
        if (!s.equals(s.toLowerCase(Locale.ROOT))) {
            return "Lowercase only.";
        }
        if (s.length() < 3 || s.length() > 63) {
            return "3 to 63 characters (now " + s.length() + ").";
        }
        return SLUG.matcher(s).matches() ? null
                : "Letters a-z, digits and hyphens only, starting with a letter or digit.";
    }

    public static String name(String v, int max) {
        if (blank(v)) {
            return "Required.";
        }
        String s = v.strip();
        if (s.codePointCount(0, s.length()) > max) {
            return "At most " + max + " characters.";
        }
        return CONTROL.matcher(s).find() ? "No control characters." : null;
    }

    public static String phone(String v) {
        if (blank(v)) {
            return "Required, in E.164 form: + and 8 to 15 digits, such as +14155550123.";
        }
        return PHONE.matcher(v.strip()).matches() ? null : "E.164 form: + and 8 to 15 digits, no spaces.";
    }

    public static String dateOfBirth(String v, LocalDate today) {
        if (blank(v)) {
            return "Required, as YYYY-MM-DD.";
        }
        try {
            LocalDate d = DATE.matcher(v.strip()).matches() ? LocalDate.parse(v.strip()) : null;
            if (d == null) {
                return "A date written YYYY-MM-DD.";
            }
            return d.isBefore(today) && !d.isBefore(LocalDate.of(1900, 1, 1)) ? null
                    : "A date in the past, after 1900.";
        } catch (DateTimeParseException e) {
            return "Not a real date.";
        }
    }

    public static String country(String v) {
        if (blank(v)) {
            return "Required.";
        }
        return COUNTRIES.contains(v.strip().toUpperCase(Locale.ROOT)) ? null : "An ISO 3166-1 code such as US or DE.";
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
