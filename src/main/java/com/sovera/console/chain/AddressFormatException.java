package com.sovera.console.chain;

/** An address or encoded string that does not decode; the message says why, in words an operator can read. */
public class AddressFormatException extends IllegalArgumentException {
    public AddressFormatException(String message) {
        super(message);
    }
}
