package com.sovera.console.ui.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose time a test moves by hand: nothing fires until {@link #advance(Duration)}. */
public final class ManualScheduler implements Scheduler {

    private final class Entry implements Timer {
        final Duration period;
        final Runnable action;
        Duration due;
        boolean stopped;

        Entry(Duration due, Duration period, Runnable action) {
            this.due = due;
            this.period = period;
            this.action = action;
        }

        @Override
        public void stop() {
            stopped = true;
            entries.remove(this);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public Timer after(Duration delay, Runnable action) {
        Entry e = new Entry(now.plus(delay), null, action);
        entries.add(e);
        return e;
    }

    @Override
    public Timer every(Duration period, Runnable action) {
        Entry e = new Entry(now.plus(period), period, action);
        entries.add(e);
        return e;
    }

    /** Moves time on, firing every timer that falls due, in order. */
    public void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Entry next = entries.stream().filter(e -> e.due.compareTo(until) <= 0)
                    .min(Comparator.comparing(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            if (next.period == null) {
                entries.remove(next);
            } else {
                next.due = next.due.plus(next.period);
            }
            next.action.run();
        }
        now = until;
    }

    /** A clock that reads this scheduler's time from {@code start}: what fires sees the time it was due at. */
    public Clock clock(Instant start) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plus(now);
            }
        };
    }

    /** Timers still waiting. */
    public int waiting() {
        return entries.size();
    }
}
