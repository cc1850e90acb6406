package com.sovera.console.api.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A status as the server wrote it. Compared case-insensitively ("active" equals ACTIVE, as the guide's example
 * and the contract's uppercase disagree), and any value is kept, known or not.
 */
public record Status(String value) {

    public static final Status PENDING = new Status("PENDING");
    public static final Status ACTIVE = new Status("ACTIVE");
    public static final Status VERIFIED = new Status("VERIFIED");
    public static final Status COMPLETED = new Status("COMPLETED");
    public static final Status SUSPENDED = new Status("SUSPENDED");

    public Status {
        Objects.requireNonNull(value, "value");
    }

    public static Status of(String value) {
        return new Status(value);
    }

    /** The canonical upper-case spelling, for display and filters. */
    public String canonical() {
        return value.toUpperCase(Locale.ROOT);
    }

    public boolean is(Status other) {
        return other != null && canonical().equals(other.canonical());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status s && is(s);
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
