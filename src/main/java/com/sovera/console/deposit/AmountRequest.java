package com.sovera.console.deposit;

import com.sovera.console.api.model.Rules;
import java.math.BigDecimal;

/**
 * The amount an operator asks the customer to send, read from what they typed by the contract's own rule (a
 * decimal string above zero, no sign or exponent, at most the asset's decimals): exactly the amounts the server
 * would take for a deposit.
 */
public final class AmountRequest {

    private AmountRequest() {
    }

    /** Null when the text is empty (no amount asked) or acceptable, else what is wanted. */
    public static String problem(String text, String currency) {
        String v = text == null ? "" : Rules.strip(text);
        if (v.isEmpty() || Rules.isAmount(v, currency)) {
            return null;
        }
        Integer decimals = Rules.decimals(currency);
        if (Rules.isAmountText(v) && new BigDecimal(v).signum() == 0) {
            return "An amount above zero.";
        }
        if (Rules.isAmountText(v) && decimals != null) {
            return "At most " + decimals + " decimals for " + currency.toUpperCase(java.util.Locale.ROOT) + ".";
        }
        return "A decimal amount such as 0.0015: digits, a point, no sign or exponent.";
    }

    /** The amount asked for, or null for none; call after {@link #problem} said nothing. */
    public static BigDecimal parse(String text, String currency) {
        if (problem(text, currency) != null) {
            throw new IllegalArgumentException(problem(text, currency));
        }
        String v = text == null ? "" : Rules.strip(text);
        return v.isEmpty() ? null : new BigDecimal(v);
    }
}
