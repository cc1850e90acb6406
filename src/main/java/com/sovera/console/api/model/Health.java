package com.sovera.console.api.model;

import java.time.Instant;

/** {@code GET /health}: uptime in seconds. */
public record Health(@Required String status, Instant timestamp, Long uptime) {

    public boolean isOk() {
        return "ok".equalsIgnoreCase(status);
    }
}
