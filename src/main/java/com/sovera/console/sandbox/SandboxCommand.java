package com.sovera.console.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --sandbox-only [--port N] [--db mem|PATH] [--seed-users N] [--rate-limit N] [--session-ttl SECONDS]
 * [--block-seconds N]}: runs the sandbox alone until the process is stopped.
 */
public final class SandboxCommand {

    static final String USAGE = "usage: --sandbox-only [--port N] [--db mem|PATH] [--seed-users N] [--rate-limit N]"
            + " [--session-ttl SECONDS] [--block-seconds N]";

    private SandboxCommand() {
    }

    /** The options as a config; {@code defaultDatabase} is used when {@code --db} is not given. */
    public static SandboxConfig parse(String[] args, Path defaultDatabase) {
        SandboxConfig config = SandboxConfig.stored(defaultDatabase);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--sandbox-only")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
            }
            String value = args[++i];
            try {
                config = switch (arg) {
                    case "--port" -> config.withPort(Integer.parseInt(value));
                    case "--db" -> config.withDatabase(value.equals("mem") ? null : Path.of(value));
                    case "--seed-users" -> config.withDemoUsers(Integer.parseInt(value));
                    case "--rate-limit" -> config.withRateLimit(Integer.parseInt(value));
                    case "--session-ttl" -> config.withSessionTtl(Duration.ofSeconds(Long.parseLong(value)));
                    case "--block-seconds" -> config.withBlockPeriod(blockSeconds(value));
                    default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a whole number, not '" + value + "'");
            }
        }
        return config;
    }

    /** A simulated block every N seconds: N a whole number of at least 1, written in digits. */
    private static Duration blockSeconds(String value) {
        if (!value.matches("[0-9]{1,9}") || Long.parseLong(value) < 1) {
            throw new IllegalArgumentException("--block-seconds needs a whole number of seconds, at least 1, not '"
                    + value + "'; " + USAGE);
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /** Starts the sandbox, announces it on one line of standard output, and serves until the JVM stops. */
    public static void run(SandboxConfig config) throws InterruptedException {
        SandboxServer server = SandboxServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sovx-sandbox-shutdown"));
        // The one line scripts and the README wait for: the contract of --sandbox-only.
        System.out.println("SovX sandbox listening on " + server.baseUrl());
        System.out.flush();
        stopped.await();
    }
}
