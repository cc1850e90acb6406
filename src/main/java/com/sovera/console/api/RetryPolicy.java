package com.sovera.console.api;

import java.time.Duration;

/**
 * How safe requests are retried: at most {@code maxAttempts} sends within {@code maxTotal}, waiting a random
 * time up to {@code base * 2^n} (capped at {@code maxDelay}), or what {@code Retry-After} asks.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration maxDelay, Duration maxTotal) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
