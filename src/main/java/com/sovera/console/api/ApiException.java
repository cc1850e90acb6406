package com.sovera.console.api;

/** The server answered with an error: {@code errors[0]} of the envelope, its HTTP status and trace id. */
public final class ApiException extends SovxException {

    private final int httpStatus;
    private final String code;
    private final String serverMessage;
    private final String field;
    private final String traceId;
    private final RateLimit rateLimit;

    public ApiException(int httpStatus, String code, String serverMessage, String field, String traceId,
                        RateLimit rateLimit) {
        super(format(httpStatus, code, serverMessage, traceId), null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.field = field;
        this.traceId = traceId;
        this.rateLimit = rateLimit == null ? RateLimit.NONE : rateLimit;
    }

    private static String format(int status, String code, String message, String traceId) {
        return code + ": " + message + " (HTTP " + status + (traceId == null ? "" : ", trace " + traceId) + ")";
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code errors[0].code}, e.g. VALIDATION_ERROR; {@code HTTP_<status>} when the server gave none. */
    public String code() {
        return code;
    }

    /** {@code errors[0].message} as the server wrote it. */
    public String serverMessage() {
        return serverMessage;
    }

    /** {@code errors[0].field}: the request field at fault, or null. */
    public String field() {
        return field;
    }

    @Override
    public String traceId() {
        return traceId;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public boolean is(String errorCode) {
        return code.equalsIgnoreCase(errorCode);
    }

    /**
     * The server has no such endpoint or method (404 or 405): for an (assumed) endpoint, "not offered here". A 404
     * on an object's own path (a user by id) means that object does not exist; callers say which they mean.
     */
    public boolean isNotOffered() {
        return httpStatus == 404 || httpStatus == 405;
    }

    /** True for a failure that is an {@link ApiException} saying the endpoint is not offered. */
    public static boolean isNotOffered(Throwable failure) {
        return failure instanceof ApiException e && e.isNotOffered();
    }

    @Override
    public boolean isTransient() {
        return httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    }
}
