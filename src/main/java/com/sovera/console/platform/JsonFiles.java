package com.sovera.console.platform;

import com.sovera.console.api.model.Json;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small JSON files written atomically (a temporary file, then a move), so that a crash mid-write never leaves
 * a half file. A file that cannot be read is set aside beside it, never silently dropped.
 */
public final class JsonFiles {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);

    private JsonFiles() {
    }

    /** What reading found: the value, or nothing, and the name a corrupt file was set aside under. */
    public record Read<T>(Optional<T> value, Path setAside) {
    }

    public static <T> Read<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return new Read<>(Optional.empty(), null);
        }
        try {
            T value = adapter(type).fromJson(Files.readString(file, StandardCharsets.UTF_8));
            if (value != null) {
                return new Read<>(Optional.of(value), null);
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            // Moshi wraps what a record's constructor throws in an AssertionError: still a file to set aside
            LOG.warn("{} cannot be read ({}); setting it aside", file.getFileName(), e.getClass().getSimpleName());
        }
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not set {} aside: {}", file, e.getMessage());
            aside = file;
        }
        return new Read<>(Optional.empty(), aside);
    }

    public static <T> void write(Path file, Class<T> type, T value) throws IOException {
        writeText(file, toJson(type, value));
    }

    /** The JSON a value is written as: taken on the caller's thread, so a later change cannot leak in. */
    public static <T> String toJson(Class<T> type, T value) {
        return adapter(type).indent("  ").toJson(value);
    }

    /** Writes text atomically: a temporary file beside the target, then a move over it. */
    public static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    private static <T> JsonAdapter<T> adapter(Class<T> type) {
        return Json.moshi().adapter(type);
    }
}
