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
    BODY
}
