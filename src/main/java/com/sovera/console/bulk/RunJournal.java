package com.sovera.console.bulk;

import com.sovera.console.api.model.Json;
import com.squareup.moshi.JsonAdapter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A run's journal: a file of JSON lines in the user's data directory, the {@link RunHeader} first, then one
 * {@link RunEvent} a line, appended and forced to disk by a writer thread of its own. Lines that arrive together
 * share one write and one force (a group commit), so many workers cost few disk syncs. A line cut off by a crash
 * is ignored on reading. Locked while open, so two processes never run the same journal.
 */
final class RunJournal implements AutoCloseable {

    private static final JsonAdapter<RunHeader> HEADER = Json.moshi().adapter(RunHeader.class);
    private static final JsonAdapter<RunEvent> EVENT = Json.moshi().adapter(RunEvent.class);
    private static final int BATCH = 512;

    /** What a journal file holds. */
    record Contents(RunHeader header, List<RunEvent> events) {
    }

    /** Another process holds this journal. */
    static final class BusyException extends IOException {
        BusyException(Path file) {
            super("Another SovX Console or import command is running this import (" + file.getFileName() + ").");
        }
    }

    private record Pending(byte[] line, CompletableFuture<Void> written) {
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile IOException broken;
    private volatile boolean closing;

    private RunJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.writer = new Thread(this::writeLoop, "bulk-journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** A new journal with its header, on disk when this returns. */
    static RunJournal create(Path file, RunHeader header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        ownerOnly(file); // it holds the rows' personal data until the run ends
        RunJournal journal = open(file, StandardOpenOption.WRITE);
        journal.append(HEADER.toJson(header)).join();
        return journal;
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** An existing journal, to append to (a resumed run). */
    static RunJournal reopen(Path file) throws IOException {
        return open(file, StandardOpenOption.APPEND);
    }

    private static RunJournal open(Path file, StandardOpenOption how) throws IOException {
        FileChannel channel = FileChannel.open(file, how, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new BusyException(file);
        }
        if (how == StandardOpenOption.APPEND) {
            channel.position(channel.size());
            cutTornLine(file, channel);
        }
        return new RunJournal(file, channel, lock);
    }

    /** A crash mid-line leaves a line without its end: drop it before appending after it. */
    private static void cutTornLine(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                read.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                channel.truncate(end);
                channel.position(end);
            }
        }
    }

    /** Reads a journal; a last line cut off by a crash, or an unreadable one, is left out. */
    static Contents read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            RunHeader header = first == null ? null : parse(HEADER, first);
            if (header == null) {
                throw new IOException("The import journal " + file.getFileName() + " has no readable header.");
            }
            List<RunEvent> events = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                RunEvent event = parse(EVENT, line);
                if (event != null) {
                    events.add(event);
                }
            }
            return new Contents(header, events);
        }
    }

    private static <T> T parse(JsonAdapter<T> adapter, String line) {
        try {
            return line.isBlank() ? null : adapter.fromJson(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Queues an event; the future completes once it is on disk (a create waits for its key's). */
    CompletableFuture<Void> write(RunEvent event) {
        return append(EVENT.toJson(event));
    }

    private CompletableFuture<Void> append(String json) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (broken != null) {
            written.completeExceptionally(broken);
            return written;
        }
        queue.add(new Pending((json + "\n").getBytes(StandardCharsets.UTF_8), written));
        return written;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            if (batch.get(batch.size() - 1).line().length == 0) {
                batch.remove(batch.size() - 1); // the close marker
                flush(batch);
                return;
            }
            flush(batch);
            batch.clear();
        }
    }

    private void flush(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (broken != null) {
                throw broken;
            }
            int size = 0;
            for (Pending p : batch) {
                size += p.line().length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            for (Pending p : batch) {
                buffer.put(p.line());
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            batch.forEach(p -> p.written().complete(null));
        } catch (IOException e) {
            broken = e;
            batch.forEach(p -> p.written().completeExceptionally(new UncheckedIOException(
                    "Cannot write the import journal " + file + ": " + e.getMessage(), e)));
        }
    }

    /** Writes what is queued, then releases the file. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        queue.add(new Pending(new byte[0], new CompletableFuture<>()));
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to save
        }
    }

    /** Closes and deletes the journal: the run is over. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}
