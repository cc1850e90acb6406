package com.sovera.console.settings;

import java.util.List;

/**
 * The embedded sandbox's training faults, as Settings offers them. Start-up provides one only for the embedded
 * sandbox; for every other environment there is none, so nothing in the console can arm a fault there.
 */
public interface TrainingFaults {

    /** Endpoints a fault can be armed on, as {@code METHOD /path}. */
    List<String> endpoints();

    /** The faults on offer, as an operator reads them. */
    List<String> faults();

    /** The next {@code times} calls of {@code endpoint} answer with {@code fault}. */
    void arm(String endpoint, String fault, int times);

    /** What is armed now, one line each. */
    List<String> armed();

    void clear();
}
