package com.sovera.console.help;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Redactor;
import com.sovera.console.platform.Build;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * What support needs to help, as text to paste: version, system, environment, settings, recent calls with their
 * trace ids, and the last lines of the log. Every line passes through the redactor, so a secret the console
 * has seen cannot be pasted on (and the Activity and log hold none to begin with).
 */
public final class SupportBundle {

    static final int ACTIVITY = 30;
    static final int LOG_LINES = 200;

    private SupportBundle() {
    }

    /** Reads the log file: call off the FX thread. */
    public static String gather(Environment environment, String baseUrl, Settings settings, String account,
                                List<CallRecord> activity, Path logDirectory, Redactor redactor) {
        StringBuilder out = new StringBuilder();
        out.append("SovX Console support bundle\n");
        out.append("Generated: ").append(Instant.now()).append('\n');
        out.append("Version: ").append(Build.version()).append('\n');
        out.append("System: ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch"))
                .append("; Java ").append(System.getProperty("java.version")).append("; JavaFX ")
                .append(System.getProperty("javafx.runtime.version", "?")).append('\n');
        out.append("Environment: ").append(environment.name()).append(" (").append(environment.kind())
                .append(") ").append(baseUrl).append('\n');
        out.append("Settings: log level ").append(settings.logLevel()).append(", connect timeout ")
                .append(settings.connectTimeoutSeconds()).append(" s, read timeout ")
                .append(settings.readTimeoutSeconds()).append(" s, theme ").append(settings.theme()).append('\n');
        out.append("Signed in: ").append(account == null ? "no" : account).append('\n');
        out.append("\nRecent calls (newest last):\n");
        List<CallRecord> recent = activity.subList(Math.max(0, activity.size() - ACTIVITY), activity.size());
        for (CallRecord r : recent) {
            out.append(r.time()).append(' ').append(r.method()).append(' ').append(r.path()).append(" -> ")
                    .append(r.cancelled() ? "cancelled" : r.status() == 0 ? "no answer" : r.status())
                    .append(" in ")
                    .append(r.latency().toMillis()).append(" ms, trace ").append(r.traceId() == null ? "-" : r.traceId())
                    .append(r.failure() == null || r.cancelled() ? "" : ", " + r.failure()).append('\n');
        }
        out.append("\nLast log lines (").append(logDirectory.resolve("console.log")).append("):\n");
        for (String line : tail(logDirectory.resolve("console.log"))) {
            out.append(line).append('\n');
        }
        return redactor.redact(out.toString());
    }

    private static Deque<String> tail(Path log) {
        Deque<String> last = new ArrayDeque<>();
        if (!Files.isRegularFile(log)) {
            last.add("(no log file yet)");
            return last;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                last.add(line);
                if (last.size() > LOG_LINES) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            last.add("(the log could not be read: " + e.getMessage() + ")");
        }
        return last;
    }
}
