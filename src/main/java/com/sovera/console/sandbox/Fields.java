package com.sovera.console.sandbox;

import com.sovera.console.api.model.Rules;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's field rules, as the server applies them: the checks are the console's own {@link Rules}, so both
 * halves agree; each failure is a VALIDATION_ERROR naming the field.
 */
final class Fields {


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
        if (Rules.name(text, max) != null) {
            throw SandboxError.validation(name, name + " must not contain control characters");
        }
        return text;
    }

    static String email(Map<String, Object> body, String name) {
        String text = text(body, name, 3, 254);
        if (Rules.email(text) != null) {
            throw SandboxError.validation(name, name + " must be an e-mail address such as name@example.com");
        }
        return text;
    }

    static String slug(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 63);
        if (Rules.slug(text) != null) {
            throw SandboxError.validation(name, name + " must be 3 to 63 lowercase letters, digits and hyphens,"
                    + " starting with a letter or digit");
        }
        return text;
    }

    static String phone(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 16);
        if (Rules.phone(text) != null) {
            throw SandboxError.validation(name, name + " must be in E.164 form: + and 8 to 15 digits");
        }
        return text;
    }

    static LocalDate pastDate(Map<String, Object> body, String name, LocalDate today) {
        String text = text(body, name, 1, 10);
        if (Rules.dateOfBirth(text, today) != null) {
            throw SandboxError.validation(name, name + " must be a real date in the past, after 1900, written"
                    + " YYYY-MM-DD");
        }
        return LocalDate.parse(text);
    }

    static String country(Map<String, Object> body, String name) {
        String text = text(body, name, 1, 2).toUpperCase(Locale.ROOT);
        if (Rules.country(text) != null) {
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
