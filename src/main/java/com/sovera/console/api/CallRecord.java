package com.sovera.console.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP exchange as the Activity view lists it: never a body, a header or a query value, so it holds no
 * secret and no personal data. {@code status} is 0 when no answer came; {@code failure} then says why:
 * {@link #CANCELLED} when the console itself gave the call up, else the failure's kind.
 */
public record CallRecord(Instant time, String method, String path, int status, Duration latency, String traceId,
                         String failure) {

    /** The failure of a call the console cancelled (a newer request, a sign-out, a closed window): no fault. */
    public static final String CANCELLED = "Cancelled";

    public boolean cancelled() {
        return CANCELLED.equals(failure);
    }
}
