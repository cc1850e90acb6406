package com.sovera.console.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's audit trail: every write the console or {@code --import} makes, every sign-in (failed ones too),
 * sign-out and environment switch, one JSON object a line ({@link AuditLine}), each chained to the one before by
 * its hash, in {@code audit-<host>-<yyyy-MM>.jsonl} (a new file each UTC month, continuing the chain of the
 * last) in one directory: the logs directory, or the policy's {@code audit_directory}.
 *
 * <h2>For the code that makes writes</h2>
 * A write is made only when the trail can record it:
 * <pre>{@code
 * trail.before();                      // throws AuditUnavailableException: refuse the write, show its message
 * ... make the call ...
 * trail.record(new AuditEvent(...));   // the outcome; throws AuditUnavailableException if it cannot be written
 * }</pre>
 * The API client does both for every write it sends when built with {@link AuditInterceptor} (see
 * {@link AuditInterceptor#forConsole}); the code above it then only records what the wire cannot know: an
 * adopted 409 ({@link Outcome#REUSED}), an environment switch ({@code environment.switch}). Sign-in and
 * sign-out are recorded but never refused: lookups keep working when the trail cannot be written.
 * <p>
 * Actions: {@code session.sign_in}, {@code session.sign_out}, {@code environment.switch},
 * {@code customer.create}, {@code owner_key.mint}, {@code owner_key.revoke}, {@code user.create},
 * {@code user_token.create}, {@code wallet.create}, {@code address.create}, {@code deposit.simulate}.
 *
 * <h2>Sharing</h2>
 * The console and {@code --import} (two processes) and the threads of one take turns under a lock: an exclusive
 * {@link FileLock} on {@code audit-<host>.lock} beside the trail, and a lock per trail within the JVM (a file lock
 * is held per process). Each append re-reads the chain's end under the lock, so writers never fork the chain.
 * A line half written by a crash is terminated, logged, and the chain goes on from the last whole entry.
 * All methods may block on the disk and the lock: call them off the FX thread.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final int TAIL_WINDOW = 64 * 1024;

    private final Path directory;
    private final String host;
    private final Clock clock;

    /**
     * The trail of {@code host} in {@code directory}; {@code clock} says the time of each entry (UTC) and so its
     * month's file.
     */
    public AuditTrail(Path directory, String host, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.host = Objects.requireNonNull(host);
        this.clock = Objects.requireNonNull(clock);
    }

    /** This desk's trail in {@code directory}: its host name in the file names, the system clock. */
    public static AuditTrail forThisDesk(Path directory) {
        return new AuditTrail(directory, DeskName.current(), Clock.systemUTC());
    }

    /**
     * Records an object the server refused to make again (409) that was found and adopted, as {@code reused}.
     * Called on the worker that made the write; the object exists either way, so a trail that cannot be written
     * now is logged, not thrown (the next write is refused).
     */
    public void adopted(String operator, String environment, String baseUrl, String action,
                        java.util.Map<String, String> ids) {
        try {
            record(new AuditEvent(operator, environment, baseUrl, action, ids, Outcome.REUSED, null, null));
        } catch (AuditUnavailableException e) {
            LOG.error("audit: {} (reused) could not be recorded: {}", action, e.getMessage());
        }
    }

    /** The operator of {@code --import}'s entries: the command names itself and the customer it writes for. */
    public static String importOperator(String customerId) {
        return "--import for customer " + customerId;
    }

    public Path directory() {
        return directory;
    }

    /** The file this month's entries go to. */
    public Path currentFile() {
        return directory.resolve(fileName(YearMonth.now(clock.withZone(ZoneOffset.UTC))));
    }

    /**
     * Checks, before a write is made, that its entry can be recorded: the directory exists or can be made, the
     * lock can be taken, this month's file opened for appending and the chain's end read.
     *
     * @throws AuditUnavailableException why not: the write must not be made
     */
    public void before() throws AuditUnavailableException {
        locked(file -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                tail(file);
            }
            return null;
        });
    }

    /**
     * Appends {@code event}, stamped with the clock's time, its number and the hashes, and returns the new head.
     *
     * @throws AuditUnavailableException the entry could not be written (nothing, or a line that a later append
     *                                   will treat as half-written, is in the file)
     */
    public Head record(AuditEvent event) throws AuditUnavailableException {
        Objects.requireNonNull(event);
        return locked(file -> {
            Tail tail = tail(file);
            String line = AuditLine.format(tail.head.count() + 1, clock.instant(), event, tail.head.lastHash());
            byte[] bytes = ((tail.cutOff ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8);
            if (tail.cutOff) {
                LOG.warn("audit trail {} ends in a half-written line (the console stopped while writing it): "
                        + "the chain goes on from entry {}", file.getFileName(), tail.head.count());
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false); // an entry is evidence: on the disk before the write it records goes on
            }
            return new Head(tail.head.count() + 1, AuditLine.read(latin1(line.getBytes(StandardCharsets.UTF_8)))
                    .hash());
        });
    }

    /** The head of the chain: every entry counted across the months, and the last hash. */
    public Head head() throws AuditUnavailableException {
        return locked(file -> tail(file).head);
    }

    /**
     * Copies the entries from {@code from} to {@code to} (UTC days, both included) into {@code target}, after a
     * header line that anchors them: {@code {"audit_export":{"host":..,"from":..,"to":..,"entries":N,
     * "anchor":"<hash the first entry follows>","last":"<last entry's hash>"}}}. The copy verifies on its own
     * ({@link AuditVerifier}): its chain from the anchor, its count and its last hash. Half-written lines are
     * left out (they are not entries). Returns the number of entries copied.
     */
    public int export(LocalDate from, LocalDate to, Path target) throws AuditUnavailableException, IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (isTrailsOwn(target)) {
            // the export would take the place of the trail (or its lock) and lose what is outside the range
            throw new IllegalArgumentException("that is the audit trail's own file: export to another name");
        }
        List<String> lines = locked(file -> {
            List<String> all = new ArrayList<>();
            for (Path f : files()) {
                for (String l : latin1Lines(Files.readAllBytes(f))) {
                    if (AuditLine.read(l) != null) {
                        all.add(l);
                    }
                }
            }
            return all;
        });
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            LocalDate day = LocalDate.ofInstant(AuditLine.read(lines.get(i)).time(), ZoneOffset.UTC);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        // a clock set back may put an entry out of order: the span from the first to the last stays whole
        List<String> chosen = first < 0 ? List.of() : lines.subList(first, last + 1);
        String anchor = chosen.isEmpty() ? AuditLine.GENESIS : AuditLine.read(chosen.get(0)).prev();
        String lastHash = chosen.isEmpty() ? anchor : AuditLine.read(chosen.get(chosen.size() - 1)).hash();
        StringBuilder out = new StringBuilder("{\"audit_export\":{\"host\":\"").append(host)
                .append("\",\"from\":\"").append(from).append("\",\"to\":\"").append(to)
                .append("\",\"entries\":").append(chosen.size()).append(",\"anchor\":\"").append(anchor)
                .append("\",\"last\":\"").append(lastHash).append("\"}}\n");
        for (String l : chosen) {
            out.append(l).append('\n');
        }
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".audit-export", ".tmp");
        try {
            Files.write(temp, out.toString().getBytes(StandardCharsets.ISO_8859_1));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return chosen.size();
    }

    private String fileName(YearMonth month) {
        return "audit-" + host + "-" + MONTH.format(month) + ".jsonl";
    }

    /** This desk's month files, oldest first. */
    /** True when {@code target} is the trail's directory's own file, however it is named (case, a link). */
    private boolean isTrailsOwn(Path target) throws IOException {
        Path folder = target.toAbsolutePath().normalize().getParent();
        boolean here = folder.equals(directory.toAbsolutePath().normalize())
                || Files.exists(folder) && Files.exists(directory) && Files.isSameFile(folder, directory);
        return here && target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).startsWith("audit-");
    }

    private List<Path> files() throws IOException {
        String prefix = "audit-" + host + "-";
        try (var listing = Files.list(directory)) {
            return listing.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".jsonl")
                        && n.substring(prefix.length(), n.length() - ".jsonl".length()).matches("\\d{4}-\\d{2}");
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** The chain's end as it is on disk now: the last whole entry of this month's file, else of the latest before. */
    private record Tail(Head head, boolean cutOff) {
    }

    private Tail tail(Path current) throws IOException {
        boolean cutOff = Files.exists(current) && endsCutOff(current);
        String currentName = current.getFileName().toString();
        List<Path> candidates = new ArrayList<>(files().stream()
                .filter(p -> p.getFileName().toString().compareTo(currentName) <= 0).toList());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            AuditLine.Entry last = lastEntry(candidates.get(i));
            if (last != null) {
                return new Tail(new Head(last.seq(), last.hash()), cutOff);
            }
        }
        return new Tail(Head.EMPTY, cutOff);
    }

    private static boolean endsCutOff(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            in.read(one, size - 1);
            return one.get(0) != '\n';
        }
    }

    /** The last whole entry of a file, reading from its end. */
    private static AuditLine.Entry lastEntry(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            for (long window = Math.min(size, TAIL_WINDOW); window > 0; window = Math.min(size, window * 4)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) window);
                in.read(buffer, size - window);
                List<String> lines = latin1Lines(buffer.array());
                int firstWhole = window < size ? 1 : 0; // the window's first line may be cut by the window
                for (int i = lines.size() - 1; i >= firstWhole; i--) {
                    AuditLine.Entry e = AuditLine.read(lines.get(i));
                    if (e != null) {
                        return e;
                    }
                }
                if (window == size) {
                    return null;
                }
            }
            return null;
        }
    }

    /** The newline-terminated lines of the bytes, as ISO-8859-1 (one character a byte); a cut-off end is kept. */
    static List<String> latin1Lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Work on the trail's file under both locks. */
    private interface Locked<T> {
        T on(Path currentFile) throws IOException;
    }

    private <T> T locked(Locked<T> work) throws AuditUnavailableException {
        Path lockFile = directory.resolve("audit-" + host + ".lock");
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        // a cancelled call interrupts the thread that records it ("unknown": the server may have done it); file
        // channels refuse to work on an interrupted thread, and the entry would be lost. The interrupt is set
        // back once the line is down.
        boolean interrupted = Thread.interrupted();
        inProcess.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                return work.on(currentFile());
            }
        } catch (IOException | UncheckedIOException e) {
            throw unavailable(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        } finally {
            inProcess.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AuditUnavailableException unavailable(IOException e) {
        String why;
        if (e instanceof AccessDeniedException a) {
            why = "permission denied on " + a.getFile();
        } else if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            why = "a file is in the way of a directory: " + f.getFile();
        } else if (e instanceof NoSuchFileException n) {
            why = "no such file or directory: " + n.getFile();
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        } else {
            why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new AuditUnavailableException("The audit trail cannot be written in " + directory + " (" + why
                + "), so no change is made: lookups keep working. Ask your administrator to make the audit "
                + "directory writable for you.", e);
    }
}
