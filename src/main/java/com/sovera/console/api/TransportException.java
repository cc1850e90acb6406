package com.sovera.console.api;

/** No usable answer arrived: the kind says why, the message says it to an operator with what to do next. */
public final class TransportException extends SovxException {

    /** What went wrong between the console and the server. */
    public enum Kind {
        UNREACHABLE_HOST(true),
        CONNECTION_REFUSED(true),
        TIMEOUT(true),
        TLS(false),
        CONNECTION_LOST(true),
        NOT_JSON(true),
        TRUNCATED_BODY(true),
        MALFORMED_BODY(false),
        UNEXPECTED_SHAPE(false),
        CANCELLED(false),
        NO_CREDENTIAL(false),
        /** The console refused to send it (see {@link NotSentException}). */
        NOT_SENT(false);

        private final boolean transientByNature;

        Kind(boolean transientByNature) {
            this.transientByNature = transientByNature;
        }
    }

    private final Kind kind;
    private final int httpStatus;

    public TransportException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String traceId() {
        return null;
    }

    @Override
    public boolean isTransient() {
        return kind.transientByNature;
    }
}
