package com.sovera.console.ui.task;

import java.time.Duration;

/**
 * Timers on the thread views live on: a retry countdown, clearing the clipboard, the session clock. Injected, so
 * that a test moves time by hand instead of waiting for it.
 */
public interface Scheduler {

    /** A timer that can be stopped before it fires. */
    interface Timer {
        void stop();
    }

    /** Runs {@code action} once, after {@code delay}. */
    Timer after(Duration delay, Runnable action);

    /** Runs {@code action} every {@code period} until stopped. */
    Timer every(Duration period, Runnable action);
}
