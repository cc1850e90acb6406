package com.sovera.console.audit;

import java.util.Locale;

/** How a write ended, as the trail records it. */
public enum Outcome {
    /** The server made the object (201). */
    CREATED,
    /** The server answered with an object made before: an idempotent replay, or a 409 the caller adopted. */
    REUSED,
    /** A write that makes nothing succeeded: a sign-in, a sign-out, a revoke, an environment switch. */
    SUCCEEDED,
    /** The server refused it; the entry carries {@code errors[0].code}. */
    REFUSED,
    /** No answer came (the connection failed, or a gateway gave up): the write may or may not have been made. */
    UNKNOWN;

    /** The word in the file. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
