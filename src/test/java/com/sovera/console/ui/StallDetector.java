package com.sovera.console.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse: an {@link AnimationTimer} runs on every pulse (one a
 * frame, about 16 ms apart), so the longest gap between two runs is the longest the window was frozen.
 * Start and stop it on the FX thread; read it from anywhere.
 */
public final class StallDetector {

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long at = System.nanoTime(); // the pulse's own stamp is when it was due, not when it ran
            if (last != 0) {
                long gap = at - last;
                if (gap > longest) {
                    longest = gap;
                }
                pulses++;
            }
            last = at;
        }
    };
    private volatile long last;
    private volatile long longest;
    private volatile long pulses;

    public void start() {
        last = 0;
        longest = 0;
        pulses = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** The longest gap between two pulses since {@link #start()}, in milliseconds. */
    public double longestGapMillis() {
        return longest / 1_000_000.0;
    }

    public long pulses() {
        return pulses;
    }
}
