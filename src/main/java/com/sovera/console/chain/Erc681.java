package com.sovera.console.chain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ERC-681 {@code ethereum:} transaction requests back into their parts, so that a payment code can be
 * checked for what it asks a wallet to do (which contract, which chain, which beneficiary), not only for its text.
 */
public final class Erc681 {

    private static final String SCHEME = "ethereum:";
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** ERC-681's {@code number}: sign, digits, decimals, exponent. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]*(\\.[0-9]+)?([eE][0-9]*)?");
    private static final Set<String> NUMBER_KEYS = Set.of("value", "gas", "gasLimit", "gasPrice");

    private Erc681() {
    }

    /**
     * A decoded request.
     *
     * @param target     the beneficiary of a native payment, or the contract called by {@code function}
     * @param chainId    the chain, when the request names one
     * @param function   the contract function, e.g. {@code transfer}; null for a native payment
     * @param parameters the parameters in their order, percent-decoded
     */
    public record Request(String target, Optional<Long> chainId, String function, Map<String, String> parameters) {

        /** True when the target is {@code 0x} and 40 hex digits (not an ENS name). */
        public boolean targetIsHexAddress() {
            return HEX_ADDRESS.matcher(target).matches();
        }

        /** A parameter's value, if present. */
        public Optional<String> parameter(String key) {
            return Optional.ofNullable(parameters.get(key));
        }
    }

    /**
     * Parses a request.
     *
     * @throws AddressFormatException saying what in the text is not ERC-681
     */
    public static Request parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new AddressFormatException("not an ethereum: payment request");
        }
        String rest = uri.substring(SCHEME.length());
        if (rest.startsWith("pay-")) {
            rest = rest.substring("pay-".length());
        }
        int end = indexOfAny(rest, "@/?");
        String target = rest.substring(0, end);
        if (target.isEmpty()) {
            throw new AddressFormatException("the request names no target address");
        }
        if (target.regionMatches(true, 0, "0x", 0, 2) && !HEX_ADDRESS.matcher(target).matches()) {
            throw new AddressFormatException("target '" + target + "' is not 0x and 40 hex digits");
        }
        rest = rest.substring(end);
        Optional<Long> chainId = Optional.empty();
        if (rest.startsWith("@")) {
            end = indexOfAny(rest, "/?");
            chainId = Optional.of(chainId(rest.substring(1, end)));
            rest = rest.substring(end);
        }
        String function = null;
        if (rest.startsWith("/")) {
            end = indexOfAny(rest, "?");
            function = decode(rest.substring(1, end));
            if (function.isEmpty()) {
                throw new AddressFormatException("the function name after '/' is empty");
            }
            rest = rest.substring(end);
        }
        Map<String, String> parameters = rest.isEmpty() ? Map.of() : parameters(rest.substring(1));
        return new Request(target, chainId, function, parameters);
    }

    /**
     * An ERC-681 {@code number} (digits, decimals, exponent: {@code 2.014e18}) as the exact whole number it stands
     * for; empty when it is not one (a fraction, a sign, not a number at all).
     */
    public static Optional<java.math.BigInteger> wholeNumber(String number) {
        if (number == null || number.isEmpty() || !NUMBER.matcher(number).matches()
                || number.startsWith("-") || number.startsWith("+")) {
            return Optional.empty();
        }
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        String mantissa = e < 0 ? number : number.substring(0, e);
        String exponent = e < 0 ? "" : number.substring(e + 1);
        if (mantissa.isEmpty() || mantissa.startsWith(".") || exponent.length() > 4) {
            return Optional.empty();
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(mantissa)
                    .movePointRight(exponent.isEmpty() ? 0 : Integer.parseInt(exponent));
            return Optional.of(value.toBigIntegerExact());
        } catch (ArithmeticException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static long chainId(String digits) {
        if (!DIGITS.matcher(digits).matches()) {
            throw new AddressFormatException("chain id '" + digits + "' is not a decimal number");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new AddressFormatException("chain id '" + digits + "' is too large");
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new AddressFormatException("parameter '" + pair + "' is not key=value");
            }
            String key = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1));
            if (NUMBER_KEYS.contains(key) && (value.isEmpty() || !NUMBER.matcher(value).matches())) {
                throw new AddressFormatException("parameter '" + key + "' is not a number: '" + value + "'");
            }
            if (found.putIfAbsent(key, value) != null) {
                // two beneficiaries or two amounts: a wallet could honour either, so the request means nothing
                throw new AddressFormatException("parameter '" + key + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static String decode(String text) {
        try {
            // ERC-681 strings are percent-encoded; '+' is a number's sign there, not a space
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AddressFormatException("'" + text + "' has a malformed %-escape");
        }
    }

    private static int indexOfAny(String text, String delimiters) {
        for (int i = 0; i < text.length(); i++) {
            if (delimiters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** True for the same 20-byte address, whatever the case of its hex digits. */
    static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
