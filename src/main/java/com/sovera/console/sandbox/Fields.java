package com.sovera.console.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The contract's field rules; each failure is a VALIDATION_ERROR naming the field. */
final class Fields {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{8,15}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\x{2028}\\x{2029}]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1900, 1, 1);

    private Fields() {
    }

    /** A required string of {@code min..max} characters with no control characters. */
    static String text(Map<String, Object> body, String name, int min, int max) {
        Object value = body.get(name);
        if (value == null) {
            throw SandboxError.validation(name, name + " is required");
        }
        if (!(value instanceof String s)) {
            throw SandboxError.validation(name, name + " must be a string");
        }
        String text = s.strip();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw SandboxError.validation(name, min == 1 && length == 0 ? name + " is required"
                    : name + " must be " + min + " to " + max + " characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw SandboxError.validation(name, name + " must not contain control characters");
        }
        return text;
    }

    static String email(Map<String, Object> body, String name) {
        String text = text(body, name, 3, 254);
        if (!EMAIL.matcher(text).matches()) {
            throw SandboxError.validation(name, name + " must be an e-mail address such as name@example.com");
        }
        return text;
    }

    static String slug(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 63);
        if (!SLUG.matcher(text).matches()) {
            throw SandboxError.validation(name, name + " must be 3 to 63 lowercase letters, digits and hyphens,"
                    + " starting with a letter or digit");
        }
        return text;
    }

    static String phone(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 16);
        if (!PHONE.matcher(text).matches()) {
            throw SandboxError.validation(name, name + " must be in E.164 form: + and 8 to 15 digits");
        }
        return text;
    }

    static LocalDate pastDate(Map<String, Object> body, String name, LocalDate today) {
        String text = text(body, name, 1, 10);
        LocalDate date;
        try {
            date = DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw SandboxError.validation(name, name + " must be a real date written YYYY-MM-DD");
        }
        if (!date.isBefore(today) || date.isBefore(OLDEST_BIRTH)) {
            throw SandboxError.validation(name, name + " must be in the past, after 1900");
        }
        return date;
    }

    static String country(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(text)) {
            throw SandboxError.validation(name, name + " must be an ISO 3166-1 alpha-2 code such as US or DE");
        }
        return text;
    }

    /** One of the allowed values, compared case-insensitively; returned in the allowed spelling. */
    static String oneOf(Map<String, Object> body, String name, Set<String> allowed) {
        String text = text(body, name, 1, 32);
        return allowed.stream().filter(a -> a.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> SandboxError.validation(name, name + " must be one of "
                        + String.join(", ", allowed.stream().sorted().toList())));
    }

    /** A path id that is a UUID, or the 404 an unknown id gets: malformed ids never reach the database. */
    static String uuid(String id, String what) {
        try {
            if (id != null && id.length() == 36 && UUID.fromString(id).toString().equals(id.toLowerCase(Locale.ROOT))) {
                return id.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw SandboxError.notFound(what);
    }
}
