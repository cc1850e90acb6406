package com.sovera.console.api;

/**
 * Every failure of a SovX call: either the server said no ({@link ApiException}) or no usable answer arrived
 * ({@link TransportException}). Messages are for operators and never contain a credential.
 */
public abstract sealed class SovxException extends RuntimeException permits ApiException, TransportException {

    protected SovxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status the server answered with, or 0 when there was no answer. */
    public abstract int httpStatus();

    /** The server's trace id, for support, or null. */
    public abstract String traceId();

    /** True when sending the same request again later may succeed. */
    public abstract boolean isTransient();
}
