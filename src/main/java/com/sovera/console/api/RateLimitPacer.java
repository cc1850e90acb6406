package com.sovera.console.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Spends a credential's rate limit as the server counts it, so a long run of requests meets no 429: it reads
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} from every answer (successful or not), lets requests
 * through while the window has room, and holds the next one until the window resets when it has none. A 429 holds
 * every request for its {@code Retry-After}. Until the first answer tells the budget, one request at a time.
 *
 * <p>Shared by every request of one client (one credential). Requests still in flight when an answer arrives are
 * counted as not yet seen by the server, so the pacer errs on the side of waiting: at most (requests in flight - 1)
 * of a window's budget go unused.
 */
public final class RateLimitPacer {

    /** After a reset instant, a little longer, for a server clock slightly behind ours. */
    static final Duration RESET_MARGIN = Duration.ofMillis(150);
    private static final long SLICE_MILLIS = 100;
    private static final int UNKNOWN = -1;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final Clock clock;
    private int limit = UNKNOWN;
    private int allowance = UNKNOWN;
    private long resetAtMillis = -1;
    /** The reset instant of the window last rolled past: answers that name it or an earlier one are old news. */
    private long pastResetMillis = -1;
    private long blockedUntilMillis;
    private int inFlight;
    private long waitedMillis;
    private long sent;

    public RateLimitPacer() {
        this(Clock.systemUTC());
    }

    RateLimitPacer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Waits until one more request fits the server's limit, then counts it as in flight. Every acquire is followed
     * by {@link #answered} (when an answer came) and then {@link #released}.
     *
     * @param cancelled checked while waiting; true ends the wait with an IOException "Canceled"
     */
    public synchronized void acquire(BooleanSupplier cancelled) throws IOException {
        long started = clock.millis();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new IOException("Canceled");
                }
                long now = clock.millis();
                if (resetAtMillis >= 0 && now >= resetAtMillis + RESET_MARGIN.toMillis()) {
                    // a new window: the whole limit, until an answer says otherwise
                    allowance = limit;
                    pastResetMillis = resetAtMillis;
                    resetAtMillis = -1;
                }
                long waitMillis;
                if (now < blockedUntilMillis) {
                    waitMillis = blockedUntilMillis - now;
                } else if (allowance == UNLIMITED) {
                    break;
                } else if (allowance == UNKNOWN) {
                    if (inFlight == 0) {
                        break; // the probe whose answer tells the budget
                    }
                    waitMillis = SLICE_MILLIS;
                } else if (allowance > 0) {
                    allowance--;
                    break;
                } else if (resetAtMillis >= 0) {
                    waitMillis = resetAtMillis + RESET_MARGIN.toMillis() - now;
                } else if (inFlight == 0) {
                    break; // spent, and no answer has told this window's reset: a probe asks
                } else {
                    waitMillis = SLICE_MILLIS; // an answer on its way will tell the reset
                }
                wait(Math.max(1, Math.min(SLICE_MILLIS, waitMillis)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("waiting for the rate limit was interrupted");
        } finally {
            waitedMillis += clock.millis() - started;
        }
        inFlight++;
        sent++;
    }

    /** What an answer said of the limit; {@code status} 429 holds every request for its Retry-After. */
    public synchronized void answered(int status, RateLimit rateLimit) {
        long now = clock.millis();
        if (rateLimit.limit() != null) {
            limit = rateLimit.limit();
        }
        if (status == 429) {
            Duration retry = rateLimit.retryAfter();
            long until = retry != null ? now + retry.toMillis()
                    : rateLimit.reset() != null ? rateLimit.reset().toEpochMilli() + RESET_MARGIN.toMillis()
                    : now + 1000;
            blockedUntilMillis = Math.max(blockedUntilMillis, until);
            allowance = UNKNOWN; // after the wait, one request asks again how much room there is
            resetAtMillis = -1;
        } else if (rateLimit.remaining() == null || rateLimit.reset() == null) {
            if (allowance == UNKNOWN) {
                allowance = UNLIMITED; // a server that does not say: nothing to pace by
            }
        } else {
            long reset = rateLimit.reset().toEpochMilli();
            if (reset <= pastResetMillis) {
                notifyAll();
                return; // an answer from a window already over says nothing of this one
            }
            int room = Math.max(0, rateLimit.remaining() - Math.max(0, inFlight - 1));
            if (reset > resetAtMillis || allowance == UNKNOWN || allowance == UNLIMITED) {
                resetAtMillis = reset;
                allowance = room;
            } else if (reset == resetAtMillis) {
                allowance = Math.min(allowance, room);
            } // an answer from an older window says nothing of this one
        }
        notifyAll();
    }

    /** The request acquired last has ended (answered, failed or cancelled). */
    public synchronized void released() {
        inFlight = Math.max(0, inFlight - 1);
        notifyAll();
    }

    /** How long requests have waited for the limit in all, for progress reports. */
    public synchronized Duration waited() {
        return Duration.ofMillis(waitedMillis);
    }

    /** Requests let through so far. */
    public synchronized long sent() {
        return sent;
    }
}
