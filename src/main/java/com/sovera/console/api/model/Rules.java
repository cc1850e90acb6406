package com.sovera.console.api.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's field rules (docs/sovx-api.md), shared by the console's field checks and the sandbox. The
 * {@code *_PATTERN} strings are the very patterns of docs/openapi.yaml (a test holds them equal), written in the
 * part of regular-expression syntax that Java and ECMA-262 read alike. Lengths count Unicode code points.
 *
 * <p>The one-argument checks ({@link #email(String)}, ...) serve the console: they forgive white space around
 * what the operator typed (the console sends the value stripped) and return null when the value is acceptable,
 * else a sentence saying what is wanted. The {@code is...} checks take a value exactly as a request carries it.
 */
public final class Rules {

    /** Characters no text may hold: controls, line separators, text-direction controls and U+FEFF. */
    public static final String FORBIDDEN = "\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E"
            + "\\u2066-\\u2069\\uFEFF";
    /** White space: what a text must hold more than, and what is stripped around it. */
    public static final String BLANK = "\\u0020\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000";
    /** A text: no forbidden character, and at least one that is not white space. */
    public static final String TEXT_PATTERN = "^[^" + FORBIDDEN + "]*[^" + FORBIDDEN + BLANK + "][^" + FORBIDDEN
            + "]*$";

    /** Non-ASCII characters an e-mail address may hold: the Basic Multilingual Plane less the above. */
    private static final String MAIL_UNICODE = "\\u00A1-\\u167F\\u1681-\\u1FFF\\u200C-\\u2027\\u2030-\\u205E"
            + "\\u2060-\\u2065\\u206A-\\u2FFF\\u3001-\\uD7FF\\uE000-\\uFEFE\\uFF00-\\uFFFF";
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-" + MAIL_UNICODE + "]+";
    private static final String QUOTED = "\"([\\u0020\\u0021\\u0023-\\u005B\\u005D-\\u007E" + MAIL_UNICODE
            + "]|\\\\[\\u0020-\\u007E]){0,62}\"";
    private static final String LABEL_CHAR = "A-Za-z0-9" + MAIL_UNICODE;
    private static final String LABEL = "[" + LABEL_CHAR + "]([" + LABEL_CHAR + "\\-]{0,61}[" + LABEL_CHAR + "])?";
    private static final String TOP_LABEL = "[A-Za-z" + MAIL_UNICODE + "][" + LABEL_CHAR + "\\-]{0,61}["
            + LABEL_CHAR + "]";
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final String HEX = "[0-9A-Fa-f]{1,4}";
    private static final String IPV6 = "((" + HEX + ":){7}" + HEX + "|(" + HEX + ":){1,7}:|(" + HEX + ":){1,6}:" + HEX
            + "|(" + HEX + ":){1,5}(:" + HEX + "){1,2}|(" + HEX + ":){1,4}(:" + HEX + "){1,3}|(" + HEX + ":){1,3}(:"
            + HEX + "){1,4}|(" + HEX + ":){1,2}(:" + HEX + "){1,5}|" + HEX + ":(:" + HEX + "){1,6}|:((:" + HEX
            + "){1,7}|:))";
    /**
     * {@code local@domain}: a dot-atom of at most 64 characters or a quoted string; a domain name of two labels
     * or more whose last starts with a letter, or an address literal {@code [IPv4]} / {@code [IPv6:...]}.
     */
    public static final String EMAIL_PATTERN = "^((?=[^@]{1,64}@)" + ATOM + "(\\." + ATOM + ")*|" + QUOTED + ")@(("
            + LABEL + "\\.)+" + TOP_LABEL + "|\\[(" + OCTET + "(\\." + OCTET + "){3}|IPv6:" + IPV6 + ")\\])$";
    public static final int EMAIL_MAX = 254;
    public static final String SLUG_PATTERN = "^[a-z0-9][a-z0-9-]{2,62}$";
    public static final String PHONE_PATTERN = "^\\+[0-9]{8,15}$";
    /** {@code YYYY-MM-DD} from the year 1900; that it is a real date and in the past is checked apart. */
    public static final String DATE_OF_BIRTH_PATTERN = "^(19[0-9]{2}|[2-9][0-9]{3})-(0[1-9]|1[0-2])-"
            + "(0[1-9]|[12][0-9]|3[01])$";
    public static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";
    public static final String USER_TYPE_PATTERN = "^([Ii][Nn][Dd][Ii][Vv][Ii][Dd][Uu][Aa][Ll]|[Bb][Uu][Ss][Ii][Nn]"
            + "[Ee][Ss][Ss])$";
    public static final String CURRENCY_PATTERN = "^([Bb][Tt][Cc]|[Ee][Tt][Hh]|[Uu][Ss][Dd][Cc])$";

    /** (assumed) An amount: a decimal string of up to 20 integer digits; also above zero, within its asset's decimals. */
    public static final String AMOUNT_PATTERN = "^[0-9]{1,20}(\\.[0-9]+)?$";

    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final Pattern TEXT = Pattern.compile(TEXT_PATTERN);
    private static final Pattern HAS_FORBIDDEN = Pattern.compile("[" + FORBIDDEN + "]");
    private static final Pattern EDGE_BLANKS = Pattern.compile("^[" + BLANK + "]+|[" + BLANK + "]+$");
    private static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
    private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);
    private static final Pattern DATE_OF_BIRTH = Pattern.compile(DATE_OF_BIRTH_PATTERN);
    private static final Pattern COUNTRY = Pattern.compile(COUNTRY_PATTERN);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern AMOUNT = Pattern.compile(AMOUNT_PATTERN);
    private static final java.util.Map<String, Integer> DECIMALS = java.util.Map.of("BTC", 8, "ETH", 18, "USDC", 6);

    private Rules() {
    }

    /** Length in characters (code points), the contract's one way of counting. */
    public static int length(String v) {
        return v.codePointCount(0, v.length());
    }

    /** The value without the white space around it. */
    public static String strip(String v) {
        return EDGE_BLANKS.matcher(v).replaceAll("");
    }

    /** Holds a character no text may hold. */
    public static boolean hasForbidden(String v) {
        return HAS_FORBIDDEN.matcher(v).find();
    }

    /** A text as sent: no forbidden character and not white space only (the length is checked apart). */
    public static boolean isText(String v) {
        return v != null && TEXT.matcher(v).matches();
    }

    /** An e-mail address as sent: no white space around it. */
    public static boolean isEmail(String v) {
        return v != null && length(v) <= EMAIL_MAX && EMAIL.matcher(v).matches();
    }

    public static boolean isPhone(String v) {
        return v != null && PHONE.matcher(v).matches();
    }

    public static boolean isSlug(String v) {
        return v != null && SLUG.matcher(v).matches();
    }

    /** A real date from 1900 on, before {@code today}. */
    public static boolean isDateOfBirth(String v, LocalDate today) {
        if (v == null || !DATE_OF_BIRTH.matcher(v).matches()) {
            return false;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            return d.isBefore(today) && !d.isBefore(EARLIEST_BIRTH);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An assigned ISO 3166-1 alpha-2 code, in any case. */
    public static boolean isCountry(String v) {
        return v != null && COUNTRY.matcher(v).matches() && COUNTRIES.contains(v.toUpperCase(Locale.ROOT));
    }

    public static String email(String v) {
        if (blank(v)) {
            return "Required.";
        }
        return isEmail(strip(v)) ? null : "An e-mail address such as name@example.com.";
    }

    public static String slug(String v) {
        if (blank(v)) {
            return "Required: 3 to 63 lowercase letters, digits and hyphens.";
        }
        String s = strip(v);
        if (!s.equals(s.toLowerCase(Locale.ROOT))) {
            return "Lowercase only.";
        }
        if (s.length() < 3 || s.length() > 63) {
            return "3 to 63 characters (now " + length(s) + ").";
        }
        return isSlug(s) ? null : "Letters a-z, digits and hyphens only, starting with a letter or digit.";
    }

    public static String name(String v, int max) {
        if (blank(v)) {
            return "Required.";
        }
        String s = strip(v);
        if (length(s) > max) {
            return "At most " + max + " characters.";
        }
        return hasForbidden(s) ? "No control characters, line breaks or text-direction marks." : null;
    }

    public static String phone(String v) {
        if (blank(v)) {
            return "Required, in E.164 form: + and 8 to 15 digits, such as +14155550123.";
        }
        return isPhone(strip(v)) ? null : "E.164 form: + and 8 to 15 digits, no spaces.";
    }

    public static String dateOfBirth(String v, LocalDate today) {
        if (blank(v)) {
            return "Required, as YYYY-MM-DD.";
        }
        String s = strip(v);
        if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return "A date written YYYY-MM-DD.";
        }
        try {
            LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return "Not a real date.";
        }
        return isDateOfBirth(s, today) ? null : "A date in the past, after 1900.";
    }

    public static String country(String v) {
        if (blank(v)) {
            return "Required.";
        }
        return isCountry(strip(v)) ? null : "An ISO 3166-1 code such as US or DE.";
    }

    private static boolean blank(String v) {
        return v == null || strip(v).isEmpty();
    }

    /** The decimals of an asset's smallest unit (BTC 8, ETH 18, USDC 6), in any case; null for another asset. */
    public static Integer decimals(String currency) {
        return currency == null ? null : DECIMALS.get(currency.toUpperCase(Locale.ROOT));
    }

    /** An amount written as {@link #AMOUNT_PATTERN} (no sign, exponent, {@code .5} or {@code 1.}). */
    public static boolean isAmountText(String v) {
        return v != null && AMOUNT.matcher(v).matches();
    }

    /** An amount of this asset: written as {@link #AMOUNT_PATTERN}, above zero, with no more decimals than it has. */
    public static boolean isAmount(String v, String currency) {
        Integer decimals = decimals(currency);
        if (!isAmountText(v) || decimals == null) {
            return false;
        }
        int point = v.indexOf('.');
        return (point < 0 || v.length() - point - 1 <= decimals) && new java.math.BigDecimal(v).signum() > 0;
    }
}
