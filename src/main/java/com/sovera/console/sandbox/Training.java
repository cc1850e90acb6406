package com.sovera.console.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Faults an operator arms to practise recovery: the next calls of one endpoint answer with the chosen fault.
 * Reached only through the embedded sandbox's Java object, never over HTTP, so nothing outside this process
 * (and no other environment) can switch it on. Off until armed; every faulty answer says it is training.
 */
public final class Training {

    /** What the armed calls answer. */
    public enum Fault {
        SESSION_EXPIRED("401 session expired"),
        RATE_LIMITED("429 rate limited"),
        INTERNAL_ERROR("500 internal error"),
        SLOW("Slow answer");

        private final String label;

        Fault(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One armed fault: {@code endpoint} is {@code METHOD /path/{param}} as the routes name it. */
    public record Armed(String endpoint, Fault fault, int remaining) {
        @Override
        public String toString() {
            return fault + " on " + endpoint + " × " + remaining;
        }
    }

    static final int RETRY_AFTER_SECONDS = 2;

    private final List<String> endpoints;
    private final List<Armed> armed = new ArrayList<>();
    private volatile Duration slowness = Duration.ofSeconds(5);

    Training(List<String> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** Every endpoint a fault can be armed on, as {@code METHOD /path}. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** The next {@code times} calls of {@code endpoint} answer with {@code fault}, after any armed before. */
    public synchronized void arm(String endpoint, Fault fault, int times) {
        if (!endpoints.contains(endpoint)) {
            throw new IllegalArgumentException("No endpoint " + endpoint + " in the sandbox.");
        }
        if (times < 1 || times > 100) {
            throw new IllegalArgumentException("Arm a fault for 1 to 100 calls.");
        }
        armed.add(new Armed(endpoint, Objects.requireNonNull(fault), times));
    }

    /** How long a {@link Fault#SLOW} answer waits before it is sent. */
    public void slowness(Duration value) {
        slowness = Objects.requireNonNull(value);
    }

    Duration slowness() {
        return slowness;
    }

    public synchronized List<Armed> armed() {
        return List.copyOf(armed);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** The fault this call of {@code endpoint} answers with, if one is armed (and counts it off), else null. */
    synchronized Fault take(String endpoint) {
        for (int i = 0; i < armed.size(); i++) {
            Armed a = armed.get(i);
            if (a.endpoint().equals(endpoint)) {
                if (a.remaining() == 1) {
                    armed.remove(i);
                } else {
                    armed.set(i, new Armed(a.endpoint(), a.fault(), a.remaining() - 1));
                }
                return a.fault();
            }
        }
        return null;
    }
}
