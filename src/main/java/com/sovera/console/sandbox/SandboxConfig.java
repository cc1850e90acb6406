package com.sovera.console.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run a sandbox.
 *
 * @param port          the loopback port; 0 for any free one
 * @param database      directory of the H2 file; null for an in-memory database that ends with the server
 * @param demoUsers     how many demo users the demo customer holds (topped up on start, never removed)
 * @param rateLimit     requests a minute per credential (per client address without one)
 * @param sessionTtl    how long a session or user token lives
 * @param clock         the sandbox's clock, replaceable in tests
 * @param rateWindow    the window the rate limit counts in: a minute, shorter in tests
 * @param blockPeriod   how often the simulated chain mines a block: whole seconds, at least one
 */
public record SandboxConfig(int port, Path database, int demoUsers, int rateLimit, Duration sessionTtl, Clock clock,
                            Duration rateWindow, Duration blockPeriod) {

    public static final int DEFAULT_DEMO_USERS = 300;
    public static final int DEFAULT_RATE_LIMIT = 1200;
    public static final int MAX_DEMO_USERS = 1_000_000;
    public static final Duration DEFAULT_BLOCK_PERIOD = Duration.ofSeconds(10);

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (demoUsers < 0 || demoUsers > MAX_DEMO_USERS) {
            throw new IllegalArgumentException("demo users must be 0.." + MAX_DEMO_USERS);
        }
        if (rateLimit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request a minute");
        }
        if (rateWindow.toMillis() < 1) {
            throw new IllegalArgumentException("rate window must be positive");
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive");
        }
        if (blockPeriod.getSeconds() < 1 || blockPeriod.getNano() != 0) {
            throw new IllegalArgumentException("a block every N seconds needs a whole number N of at least 1");
        }
    }

    /** In memory, free port, defaults: what tests start from. */
    public static SandboxConfig inMemory() {
        return new SandboxConfig(0, null, DEFAULT_DEMO_USERS, DEFAULT_RATE_LIMIT, Duration.ofHours(1),
                Clock.systemUTC(), Duration.ofMinutes(1),
                DEFAULT_BLOCK_PERIOD);
    }

    /** Stored in a directory, so data survives a restart. */
    public static SandboxConfig stored(Path directory) {
        return inMemory().withDatabase(directory);
    }

    public SandboxConfig withPort(int value) {
        return new SandboxConfig(value, database, demoUsers, rateLimit, sessionTtl, clock, rateWindow, blockPeriod);
    }

    public SandboxConfig withDatabase(Path value) {
        return new SandboxConfig(port, value, demoUsers, rateLimit, sessionTtl, clock, rateWindow, blockPeriod);
    }

    public SandboxConfig withDemoUsers(int value) {
        return new SandboxConfig(port, database, value, rateLimit, sessionTtl, clock, rateWindow, blockPeriod);
    }

    public SandboxConfig withRateLimit(int value) {
        return new SandboxConfig(port, database, demoUsers, value, sessionTtl, clock, rateWindow, blockPeriod);
    }

    public SandboxConfig withSessionTtl(Duration value) {
        return new SandboxConfig(port, database, demoUsers, rateLimit, value, clock, rateWindow, blockPeriod);
    }

    /** Rate-limit requests a {@code window} instead of a minute (tests). */
    public SandboxConfig withRateLimit(int value, Duration window) {
        return new SandboxConfig(port, database, demoUsers, value, sessionTtl, clock, window, blockPeriod);
    }

    public SandboxConfig withClock(Clock value) {
        return new SandboxConfig(port, database, demoUsers, rateLimit, sessionTtl, value, rateWindow, blockPeriod);
    }

    /** A simulated block every {@code value} (whole seconds, at least one). */
    public SandboxConfig withBlockPeriod(Duration value) {
        return new SandboxConfig(port, database, demoUsers, rateLimit, sessionTtl, clock, rateWindow, value);
    }
}
