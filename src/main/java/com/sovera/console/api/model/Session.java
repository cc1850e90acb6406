package com.sovera.console.api.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A bearer token and when it stops working: the account session from login, or a user token. */
public record Session(@Required String token, Instant expires) {

    /** Time left before the token expires; zero once expired, and unbounded when the server gave no expiry. */
    public Duration remaining(Clock clock) {
        if (expires == null) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isExpired(Clock clock) {
        return expires != null && !clock.instant().isBefore(expires);
    }

    @Override
    public String toString() {
        return "Session[token=<redacted>, expires=" + expires + "]";
    }
}
