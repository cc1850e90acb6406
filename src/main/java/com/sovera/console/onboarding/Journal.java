package com.sovera.console.onboarding;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The onboarding journal in the data directory, written atomically after every step. Reads and writes happen in
 * order on a thread of their own, so the FX thread never waits on the disk; a create waits for them before it is
 * sent.
 */
public final class Journal {

    private final Path file;
    private volatile String problem;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "journal-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> lastWrite = CompletableFuture.completedFuture(null);

    /** The embedded sandbox's journal (and the one of tests that need no other). */
    public Journal(Path dataDir) {
        this(dataDir, com.sovera.console.config.Environment.EMBEDDED_ID);
    }

    /** One journal per environment: switching environments leaves an unfinished onboarding where it began. */
    public Journal(Path dataDir, String environmentId) {
        this.file = dataDir.resolve(com.sovera.console.config.Environment.EMBEDDED_ID.equals(environmentId)
                ? "onboarding-journal.json" : "onboarding-journal-" + fileSafe(environmentId) + ".json");
    }

    private static String fileSafe(String environmentId) {
        String readable = environmentId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String hash = java.util.UUID.nameUUIDFromBytes(environmentId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().substring(0, 8);
        return (readable.length() > 40 ? readable.substring(0, 40) : readable) + "-" + hash;
    }

    /**
     * {@link #unfinished()} on the journal's own thread: after every write queued before it and before any queued
     * after it (a draft typed while the window opens cannot hide what a crash left). Returns at once.
     */
    public Future<Optional<Progress>> readUnfinished() {
        return writer.submit(this::unfinished);
    }

    /** An unfinished onboarding to offer for resuming, if any. Blocking: reads the file. */
    public Optional<Progress> unfinished() {
        JsonFiles.Read<Progress> read = JsonFiles.read(file, Progress.class);
        if (read.setAside() != null) {
            problem = "The onboarding journal could not be read and was set aside as "
                    + read.setAside().getFileName() + ".";
        }
        return read.value().filter(p -> !p.finished());
    }

    /** A message when reading found a corrupt journal, else null. */
    public String problem() {
        return problem;
    }

    /** Queues a snapshot of the progress for writing; returns at once. */
    public void save(Progress progress) {
        String json = JsonFiles.toJson(Progress.class, progress);
        lastWrite = writer.submit(() -> {
            try {
                JsonFiles.writeText(file, json);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the onboarding journal " + file, e);
            }
        });
    }

    /** Waits until every queued write is on disk; for worker threads, before a create is sent. */
    public void awaitWritten() throws Exception {
        try {
            lastWrite.get();
        } catch (ExecutionException e) {
            throw (Exception) (e.getCause() instanceof Exception cause ? cause : e);
        }
    }

    /** Waits (briefly) for writes still queued. Blocking: for worker threads and tests. */
    public void flush() {
        try {
            lastWrite.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Journal.class).warn("The onboarding journal may not be complete: {}",
                    e.getMessage());
        }
    }

    /**
     * The window is closing (or the environment changing): returns at once, while a thread of its own waits for
     * the writes queued so far (5 s at most). That thread is not a daemon, so the JVM exits only after them; the
     * future completes when they are on disk, for whoever must not read the file before.
     */
    public CompletableFuture<Void> close() {
        Future<?> drained = writer.submit(() -> { }); // runs after everything queued so far, reads and writes
        CompletableFuture<Void> written = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                drained.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Journal.class).warn("The onboarding journal may not be complete: {}",
                        e.toString());
            }
            written.complete(null);
        }, "journal-close");
        waiting.setDaemon(false);
        waiting.start();
        return written;
    }

    public Path file() {
        return file;
    }
}
