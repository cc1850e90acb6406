package com.sovera.console.api;

/**
 * A write refused by the client itself on a desk the administrator set for lookups: nothing of it was sent. The
 * screens offer no write there; this is the guarantee beneath them, for any call a screen forgot.
 */
public final class WritesRefusedException extends NotSentException {

    public WritesRefusedException(String message) {
        super(message, null);
    }
}
