package com.sovera.console.api.model;

/** (assumed, sandbox only) {@code POST /sandbox/blocks}: mine {@code count} simulated blocks at once, 1..1000. */
public record NewBlocks(int count) {
}
