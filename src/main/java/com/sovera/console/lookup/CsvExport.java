package com.sovera.console.lookup;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.model.Page;
import com.sovera.console.platform.SafeCsv;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;
import com.sovera.console.api.Filter;

/**
 * Streams every row of a frozen query to CSV, page by page, in the query's order. The file is complete, or, when
 * cancelled or failed (the server, the network or the disk), saved under a {@code -PARTIAL} name with a last line
 * that says where it stopped. Waits out a rate limit rather than failing; cancelling ends the wait at once.
 */
public final class CsvExport<T> {

    /** How an export ended. */
    public record Outcome(Path file, long rows, long total, boolean complete, String reason) {
    }

    /** Opens the file the rows are written to (a test may hand a failing disk). */
    @FunctionalInterface
    public interface Opener {
        Writer open(Path file) throws IOException;

        Opener FILES = file -> Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static final int PAGE = 100;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final Function<Filter, ApiCall<Page<T>>> source;
    private final PagedViewModel.Query query;
    private final List<String> header;
    private final Function<T, List<String>> cells;
    private final Opener opener;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String cancelReason = "cancelled by the operator";
    private final AtomicReference<ApiCall<Page<T>>> inFlight = new AtomicReference<>();

    /** @param query the query as it stood when the operator asked: read once, on the FX thread */
    public CsvExport(Function<Filter, ApiCall<Page<T>>> source, PagedViewModel.Query query, List<String> header,
                     Function<T, List<String>> cells, Opener opener) {
        this.source = source;
        this.query = query;
        this.header = List.copyOf(header);
        this.cells = cells;
        this.opener = opener;
    }

    /** Stops the export: a call out is cancelled, a rate-limit wait ends; the rows so far are kept as PARTIAL. */
    public void cancel() {
        cancel("cancelled by the operator");
    }

    /** The same, with the reason the PARTIAL file's last line gives. */
    public void cancel(String why) {
        if (!isCancelled()) {
            cancelReason = why;
        }
        cancelled.countDown();
        ApiCall<Page<T>> call = inFlight.get();
        if (call != null) {
            call.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs on a worker thread; {@code progress} is told the rows written so far. */
    public Outcome run(Path target, LongConsumer progress) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        long written = 0;
        long total = -1;
        String reason = null;
        // the next page is fetched while this one is written: the export takes the server's time, not the sum
        ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "csv-export-fetch");
            t.setDaemon(true);
            return t;
        });
        Writer out = null;
        try {
            out = opener.open(temp);
            out.write(SafeCsv.line(header));
            Future<Page<T>> pending = fetcher.submit(() -> fetch(query.page(PAGE, 0L)));
            while (!isCancelled() && (total < 0 || written < total)) {
                Page<T> page = await(pending);
                total = page.total() == null ? written + page.rows().size() : page.total();
                if (page.totalEstimated()) {
                    // an estimate is no count: go on until a page comes empty (a server may cap its pages below
                    // ours), and the rows written are the total
                    total = page.rows().isEmpty() ? written : Math.max(total, written + page.rows().size() + 1);
                }
                if (page.rows().isEmpty()) {
                    break;
                }
                long next = written + page.rows().size();
                if (next < total && !isCancelled()) {
                    pending = fetcher.submit(() -> fetch(query.page(PAGE, next)));
                }
                // formatted before written: a row that cannot be made leaves no part of its page in the file
                StringWriter lines = new StringWriter();
                try (SafeCsv csv = SafeCsv.to(lines)) {
                    for (T row : page.rows()) {
                        csv.row(cells.apply(row));
                    }
                }
                out.write(lines.toString());
                out.flush(); // counted once on disk
                written = next;
                progress.accept(written);
            }
        } catch (IOException e) {
            reason = isCancelled() ? null : "the file could not be written: " + e.getMessage();
        } catch (RuntimeException e) {
            reason = isCancelled() ? null : describe(e);
        } finally {
            fetcher.shutdownNow();
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    reason = reason != null ? reason : "the file could not be written: " + e.getMessage();
                }
            }
        }
        if (isCancelled() && (total < 0 || written < total)) { // a cancel after the last row changes nothing
            reason = cancelReason;
        }
        if (reason == null) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            return new Outcome(target, written, Math.max(total, written), true, null);
        }
        Path partial = partialName(target);
        if (Files.exists(temp)) {
            Files.move(temp, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Writer marker = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            marker.write("# PARTIAL EXPORT: stopped after " + written + " of " + (total < 0 ? "?" : total)
                    + " rows: " + reason.replace('\n', ' ') + "\n");
        } catch (IOException e) {
            // a full disk may refuse even this line: the file's name still says it is partial
        }
        return new Outcome(partial, written, Math.max(total, written), false, reason);
    }

    /** Never null: a null reason would pass a broken export off as complete. */
    private static String describe(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static <P> P await(Future<P> pending) throws InterruptedIOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof InterruptedIOException i) {
                throw i;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Page<T> fetch(Filter filter) throws InterruptedIOException {
        while (true) {
            ApiCall<Page<T>> call = source.apply(filter);
            inFlight.set(call);
            if (isCancelled()) {
                call.cancel();
            }
            try {
                return call.execute();
            } catch (ApiException e) {
                if (e.httpStatus() != 429 || isCancelled()) {
                    throw e;
                }
                Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(5) : e.rateLimit().retryAfter();
                try {
                    if (cancelled.await(Math.min(wait.toMillis(), LONGEST_WAIT.toMillis()), TimeUnit.MILLISECONDS)) {
                        throw new InterruptedIOException("cancelled by the operator");
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("export interrupted");
                }
            } finally {
                inFlight.set(null);
            }
        }
    }

    static Path partialName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return target.resolveSibling(dot < 0 ? name + "-PARTIAL" : name.substring(0, dot) + "-PARTIAL" + name.substring(dot));
    }

}
