package com.sovera.console.bulk;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.SovxException;
import com.sovera.console.api.TransportException;

/** Why a user or wallet of a row was not made: the server's {@code errors[0]}, or the console's own code. */
public record Failure(String code, String message, String traceId) {

    /** Refused before sending: a cell broke a rule. */
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    /** The server's address failed the checksum or network check: not recorded. */
    public static final String ADDRESS_INVALID = "ADDRESS_INVALID";
    /** The run was cancelled before this was made. */
    public static final String CANCELLED = "CANCELLED";

    static Failure of(SovxException e) {
        if (e instanceof ApiException api) {
            return new Failure(api.code(), api.serverMessage(), api.traceId());
        }
        return new Failure(((TransportException) e).kind().name(), e.getMessage(), null);
    }
}
