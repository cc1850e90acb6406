package com.sovera.console.bulk;

/** The file as a whole cannot be used (empty, not text, wrong header, too large): the message says why and what to do. */
public final class SheetException extends Exception {

    public SheetException(String message) {
        super(message);
    }
}
