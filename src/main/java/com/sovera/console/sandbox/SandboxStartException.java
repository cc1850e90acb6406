package com.sovera.console.sandbox;

/** The sandbox could not start; the message says why and what to do. */
public final class SandboxStartException extends RuntimeException {

    public SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
