package com.sovera.console.api.model;

/** (assumed, sandbox only) The answer to {@code POST /sandbox/blocks}: how many were mined, and the new height. */
public record MinedBlocks(@Required Integer mined, @Required Long height) {
}
