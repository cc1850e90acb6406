package com.sovera.console.api;

/** How much of each HTTP exchange goes to the log (logger {@code com.sovera.console.api.wire}, DEBUG). */
public enum WireLog {
    /** Nothing. */
    NONE,
    /** Request and answer lines: method, URL, status, time. */
    BASIC,
    /** Plus headers, with credentials masked. */
    HEADERS,
    /** Plus bodies, with passwords, secrets and tokens masked. */
    BODY;

    /** How much the wire log shows at a log level of Settings: bodies at TRACE, headers at DEBUG, else lines. */
    public static WireLog forLevel(String level) {
        return switch (level == null ? "" : level.toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE" -> BODY;
            case "DEBUG" -> HEADERS;
            default -> BASIC;
        };
    }
}
