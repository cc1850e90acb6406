package com.sovera.console.api;

import java.time.Duration;
import java.time.Instant;

/** The rate-limit headers of an answer; any part may be null when the server did not send it. */
public record RateLimit(Integer limit, Integer remaining, Instant reset, Duration retryAfter) {

    public static final RateLimit NONE = new RateLimit(null, null, null, null);
}
