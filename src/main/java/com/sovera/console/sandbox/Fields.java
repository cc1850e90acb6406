package com.sovera.console.sandbox;

import com.sovera.console.api.model.Rules;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contract's field rules as the server applies them to a value exactly as sent: the checks are the console's
 * own {@link Rules}, the patterns those of docs/openapi.yaml. Each failure is a VALIDATION_ERROR naming the field.
 */
final class Fields {

    private static final Pattern USER_TYPE = Pattern.compile(Rules.USER_TYPE_PATTERN);
    private static final Pattern CURRENCY = Pattern.compile(Rules.CURRENCY_PATTERN);

    private Fields() {
    }

    /** A string, present: any other JSON type is named as wrong. */
    static String string(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            throw SandboxError.validation(name, name + " is required");
        }
        if (!(value instanceof String s)) {
            throw SandboxError.validation(name, name + " must be a string");
        }
        return s;
    }

    /**
     * A text of at most {@code max} characters as sent, not white space only, with no control, line-separator or
     * text-direction character; returned without the white space around it, as it is stored.
     */
    static String text(Map<String, Object> body, String name, int max) {
        String s = string(body, name);
        if (Rules.length(s) > max) {
            throw SandboxError.validation(name, name + " must be 1 to " + max + " characters");
        }
        if (!Rules.isText(s)) {
            throw SandboxError.validation(name, Rules.hasForbidden(s) ? name + " must not contain control"
                    + " characters, line separators or text-direction marks" : name + " is required");
        }
        return Rules.strip(s);
    }

    static String email(Map<String, Object> body, String name) {
        String s = string(body, name);
        if (!Rules.isEmail(s)) {
            throw SandboxError.validation(name, s.isEmpty() ? name + " is required" : name + " must be an e-mail"
                    + " address such as name@example.com, at most " + Rules.EMAIL_MAX + " characters");
        }
        return s;
    }

    static String slug(Map<String, Object> body, String name) {
        String s = string(body, name);
        if (!Rules.isSlug(s)) {
            throw SandboxError.validation(name, name + " must be 3 to 63 lowercase letters, digits and hyphens,"
                    + " starting with a letter or digit");
        }
        return s;
    }

    static String phone(Map<String, Object> body, String name) {
        String s = string(body, name);
        if (!Rules.isPhone(s)) {
            throw SandboxError.validation(name, name + " must be in E.164 form: + and 8 to 15 digits");
        }
        return s;
    }

    static LocalDate pastDate(Map<String, Object> body, String name, LocalDate today) {
        String s = string(body, name);
        if (!Rules.isDateOfBirth(s, today)) {
            throw SandboxError.validation(name, name + " must be a real date written YYYY-MM-DD, from "
                    + Rules.EARLIEST_BIRTH + " on and before today");
        }
        return LocalDate.parse(s);
    }

    /** An ISO 3166-1 alpha-2 code in any case, returned in upper case. */
    static String country(Map<String, Object> body, String name) {
        String s = string(body, name);
        if (!Rules.isCountry(s)) {
            throw SandboxError.validation(name, name + " must be an ISO 3166-1 alpha-2 code such as US or DE");
        }
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code individual} or {@code business} in any case, returned in lower case. */
    static String userType(Map<String, Object> body, String name) {
        return oneOf(body, name, USER_TYPE, "individual, business").toLowerCase(Locale.ROOT);
    }

    /** BTC, ETH or USDC in any case, returned in upper case. */
    static String currency(Map<String, Object> body, String name) {
        return oneOf(body, name, CURRENCY, "BTC, ETH, USDC").toUpperCase(Locale.ROOT);
    }

    private static String oneOf(Map<String, Object> body, String name, Pattern allowed, String listed) {
        String s = string(body, name);
        if (!allowed.matcher(s).matches()) {
            throw SandboxError.validation(name, name + " must be one of " + listed);
        }
        return s;
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
