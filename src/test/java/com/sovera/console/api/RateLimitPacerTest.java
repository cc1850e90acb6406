package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pacer on a clock the test moves: what it lets through at once and what it holds until when. */
class RateLimitPacerTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimitPacer pacer = new RateLimitPacer(clock);

    @Test
    void spendsTheWindowThenHoldsUntilItsReset() throws Exception {
        Instant reset = clock.instant().plusSeconds(60);
        pacer.acquire(() -> false); // the probe: nothing known yet
        pacer.answered(200, new RateLimit(3, 2, reset, null));
        pacer.released();
        pacer.acquire(() -> false);
        pacer.acquire(() -> false);
        pacer.released();
        pacer.released();

        CompletableFuture<Void> third = CompletableFuture.runAsync(this::acquire);
        Thread.sleep(300);
        assertThat(third).as("held: the window is spent").isNotDone();
        clock.advance(Duration.ofSeconds(60).plus(RateLimitPacer.RESET_MARGIN));
        third.get(10, TimeUnit.SECONDS);
        pacer.released();

        // a late answer from the window already over says nothing of the new one, whose limit is 3
        pacer.answered(200, new RateLimit(3, 0, reset, null));
        pacer.acquire(() -> false);
        pacer.acquire(() -> false);
        CompletableFuture<Void> fourth = CompletableFuture.runAsync(this::acquire);
        Thread.sleep(300);
        assertThat(fourth).as("the new window's 3 are spent, and two are on their way").isNotDone();
        assertThat(pacer.sent()).isEqualTo(6);
        pacer.answered(200, new RateLimit(3, 0, reset.plusSeconds(60), null));
        pacer.released();
        pacer.released();
        clock.advance(Duration.ofSeconds(61));
        fourth.get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsInFlightAreCountedAsNotYetSeenByTheServer() throws Exception {
        pacer.acquire(() -> false);
        pacer.answered(200, new RateLimit(10, 9, clock.instant().plusSeconds(60), null));
        pacer.released();
        for (int i = 0; i < 4; i++) {
            pacer.acquire(() -> false);
        }
        // the first of four answers says 5 remain; three others are still on their way: room for 2 more
        pacer.answered(200, new RateLimit(10, 5, clock.instant().plusSeconds(60), null));
        pacer.acquire(() -> false);
        pacer.acquire(() -> false);
        CompletableFuture<Void> more = CompletableFuture.runAsync(this::acquire);
        Thread.sleep(300);
        assertThat(more).isNotDone();
        clock.advance(Duration.ofSeconds(61));
        more.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a429HoldsEveryRequestForItsRetryAfterThenProbesAgain() throws Exception {
        pacer.acquire(() -> false);
        pacer.answered(429, new RateLimit(100, 0, clock.instant().plusSeconds(50), Duration.ofSeconds(2)));
        pacer.released();
        CompletableFuture<Void> next = CompletableFuture.runAsync(this::acquire);
        Thread.sleep(300);
        assertThat(next).isNotDone();
        clock.advance(Duration.ofSeconds(2));
        next.get(10, TimeUnit.SECONDS);
        assertThat(pacer.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerWithoutTheHeadersIsNotPacedAndACancelEndsAWait() throws Exception {
        pacer.acquire(() -> false);
        pacer.answered(200, RateLimit.NONE);
        pacer.released();
        for (int i = 0; i < 100; i++) {
            pacer.acquire(() -> false);
        }
        RateLimitPacer spent = new RateLimitPacer(clock);
        spent.acquire(() -> false);
        spent.answered(200, new RateLimit(1, 0, clock.instant().plusSeconds(60), null));
        spent.released();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                spent.acquire(cancelled::get);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        cancelled.set(true);
        assertThat(waiting).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("Canceled");
    }

    private void acquire() {
        try {
            pacer.acquire(() -> false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
