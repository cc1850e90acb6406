package com.sovera.console.api;

/** A body that arrived whole but cannot be used; thrown by the converters, turned into a TransportException. */
final class BodyProblem extends RuntimeException {

    private final TransportException.Kind kind;

    BodyProblem(TransportException.Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    TransportException.Kind kind() {
        return kind;
    }
}
