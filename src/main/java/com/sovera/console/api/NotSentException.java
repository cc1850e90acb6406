package com.sovera.console.api;

import java.io.IOException;

/**
 * The console itself refused a request before it went out (the audit trail cannot record it, say): nothing
 * reached the server. The message says why to an operator; it becomes a {@link TransportException} of kind
 * {@code NOT_SENT}, never retried.
 */
public class NotSentException extends IOException {

    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
