package com.sovera.console.ui;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.SovxException;
import com.sovera.console.api.TransportException;
import com.sovera.console.platform.KeychainRefusedException;

/**
 * A failure as an operator reads it: what failed, the server's code and trace id when there is one, and what
 * to do next. Built from any throwable, so nothing reaches the screen as a stack trace.
 */
public record Problem(String title, String message, String code, String traceId, String field, String recovery) {

    public static Problem of(Throwable t) {
        if (t instanceof ApiException e) {
            return new Problem(e.code(), e.serverMessage() + " (HTTP " + e.httpStatus() + ")", e.code(), e.traceId(),
                    e.field(), recovery(e));
        }
        if (t instanceof TransportException e) {
            return new Problem(title(e.kind()), e.getMessage(), null, null, null, e.isTransient()
                    ? "Try again; what you typed is kept." : e.kind() == TransportException.Kind.NOT_SENT
                    ? "Nothing reached the server; what you typed is kept. Lookups keep working."
                    : "Check the environment in Settings.");
        }
        if (t instanceof SovxException e) {
            return new Problem("Request failed", e.getMessage(), null, e.traceId(), null, "Try again.");
        }
        if (t instanceof KeychainRefusedException e) { // locked or refused: another key would not help
            return new Problem(e.mayBeAbsent() ? "No key from the keychain" : "Keychain locked or refused",
                    e.getMessage(), null, null, null, e.recovery());
        }
        if (t instanceof IllegalArgumentException e) {
            return new Problem("Not accepted", e.getMessage(), null, null, null, "Correct the input and try again.");
        }
        return new Problem("Unexpected error", "Something went wrong in the console ("
                + t.getClass().getSimpleName() + "). What you typed is kept.", null, null, null,
                "Try again; if it persists, copy the Activity list for support.");
    }

    private static String title(TransportException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE_HOST -> "Host not found";
            case CONNECTION_REFUSED -> "Connection refused";
            case TIMEOUT -> "No answer in time";
            case TLS -> "Secure connection failed";
            case CONNECTION_LOST -> "Connection lost";
            case NOT_JSON, MALFORMED_BODY, UNEXPECTED_SHAPE -> "Unexpected answer";
            case TRUNCATED_BODY -> "Answer cut off";
            case CANCELLED -> "Cancelled";
            case NO_CREDENTIAL -> "Not signed in";
            case NOT_SENT -> "Not sent";
        };
    }

    private static String recovery(ApiException e) {
        return switch (e.httpStatus()) {
            case 400 -> e.field() != null ? "Correct the marked field and try again." : "Correct the input and try again.";
            case 401 -> "Sign in again; what you typed is kept.";
            case 403 -> "This credential may not do this; check the environment and customer.";
            case 404 -> "It does not exist here, or belongs to another customer.";
            case 409 -> "Choose another value, or look the existing one up.";
            case 429 -> "Too many requests: the console retries by itself.";
            default -> e.httpStatus() >= 500 ? "The server failed; try again in a moment, quoting the trace id."
                    : "Try again.";
        };
    }
}
