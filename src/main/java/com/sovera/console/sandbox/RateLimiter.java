package com.sovera.console.sandbox;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed window (a minute unless told otherwise) of requests per credential scope. */
final class RateLimiter {

    /** The outcome of counting one request. */
    record Verdict(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    private static final int PURGE_ABOVE = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, java.time.Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    Verdict count(String scope) {
        long now = clock.millis();
        long windowStart = now - now % windowMillis;
        long[] state = windows.compute(scope, (k, w) -> {
            if (w == null || w[0] != windowStart) {
                return new long[] {windowStart, 1};
            }
            w[1]++;
            return w;
        });
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(w -> w[0] < windowStart);
        }
        long used;
        synchronized (state) {
            used = state[1];
        }
        long resetMillis = windowStart + windowMillis;
        long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
        return new Verdict(used <= limit, limit, (int) Math.max(0, limit - used), resetMillis / 1000, retryAfter);
    }
}
