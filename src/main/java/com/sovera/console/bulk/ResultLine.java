package com.sovera.console.bulk;

import java.util.List;

/**
 * One line of a run's results: one per wallet, or one per user when it asked for none or failed before its
 * wallets. {@code status} is {@code created} (something was made), {@code existing} (everything was found and
 * reused) or {@code failed} (with the server's error code or the console's own). Never a secret.
 */
public record ResultLine(int row, String status, String userId, String email, String walletId, String currency,
                         String network, String address, String paymentUri, String errorCode, String errorMessage,
                         String traceId) {

    public static final String CREATED = "created";
    public static final String EXISTING = "existing";
    public static final String FAILED = "failed";

    /** The results file's header. */
    public static final List<String> HEADER = List.of("row", "status", "user_id", "email", "wallet_id", "currency",
            "network", "address", "payment_uri", "error_code", "error_message", "trace_id");

    public boolean failed() {
        return FAILED.equals(status);
    }

    public List<String> cells() {
        return java.util.Arrays.asList(Integer.toString(row), status, userId, email, walletId, currency, network,
                address, paymentUri, errorCode, errorMessage, traceId);
    }
}
