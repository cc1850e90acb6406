package com.sovera.console.lookup;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Page;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Streams every row of a query to CSV, page by page, in the query's order. The file is complete, or, when
 * cancelled or failed, saved under a {@code -PARTIAL} name with a last line that says where it stopped.
 * Waits out a rate limit rather than failing.
 */
public final class CsvExport<T> {

    /** How an export ended. */
    public record Outcome(Path file, long rows, long total, boolean complete, String reason) {
    }

    static final int PAGE = 100;

    private final Function<Filter, ApiCall<Page<T>>> source;
    private final BiFunction<Integer, Long, Filter> pageFilter;
    private final List<String> header;
    private final Function<T, List<String>> cells;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** @param pageFilter the query's filter for a page: (limit, skip) */
    public CsvExport(Function<Filter, ApiCall<Page<T>>> source, BiFunction<Integer, Long, Filter> pageFilter,
                     List<String> header, Function<T, List<String>> cells) {
        this.source = source;
        this.pageFilter = pageFilter;
        this.header = header;
        this.cells = cells;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Runs on a worker thread; {@code progress} is told the rows written so far. */
    public Outcome run(Path target, LongConsumer progress) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        long written = 0;
        long total = -1;
        String reason = null;
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(line(header));
            // the next page is fetched while this one is written: the export takes the server's time, not the sum
            java.util.concurrent.ExecutorService fetcher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "csv-export-fetch");
                t.setDaemon(true);
                return t;
            });
            try {
                java.util.concurrent.Future<Page<T>> pending = fetcher.submit(() -> fetch(pageFilter.apply(PAGE, 0L)));
                while (!cancelled.get() && (total < 0 || written < total)) {
                    Page<T> page = await(pending);
                    total = page.total() == null ? written + page.rows().size() : page.total();
                    if (page.rows().isEmpty()) {
                        break;
                    }
                    long next = written + page.rows().size();
                    if (next < total && !cancelled.get()) {
                        pending = fetcher.submit(() -> fetch(pageFilter.apply(PAGE, next)));
                    }
                    for (T row : page.rows()) {
                        out.write(line(cells.apply(row)));
                    }
                    written = next;
                    progress.accept(written);
                }
                if (cancelled.get()) {
                    reason = "cancelled by the operator";
                }
            } catch (RuntimeException | InterruptedIOException e) {
                reason = e.getMessage();
            } finally {
                fetcher.shutdownNow();
            }
            if (reason != null) {
                out.write("# PARTIAL EXPORT: stopped after " + written + " of " + (total < 0 ? "?" : total)
                        + " rows: " + reason.replace('\n', ' ') + "\n");
            }
        }
        Path finalFile = reason == null ? target : partialName(target);
        Files.move(temp, finalFile, StandardCopyOption.REPLACE_EXISTING);
        return new Outcome(finalFile, written, Math.max(total, written), reason == null, reason);
    }

    private static <P> P await(java.util.concurrent.Future<P> pending) throws InterruptedIOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
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
            try {
                return source.apply(filter).execute();
            } catch (ApiException e) {
                if (e.httpStatus() != 429 || cancelled.get()) {
                    throw e;
                }
                Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(5) : e.rateLimit().retryAfter();
                try {
                    Thread.sleep(Math.min(wait.toMillis(), 60_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("export interrupted");
                }
            }
        }
    }

    static Path partialName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return target.resolveSibling(dot < 0 ? name + "-PARTIAL" : name.substring(0, dot) + "-PARTIAL" + name.substring(dot));
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9.]+");

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            // Quote what CSV needs quoted, and neutralise a leading formula character for spreadsheets.
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
                v = "'" + v;
            }
            sb.append(needsQuotes(v) ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return sb.append('\n').toString();
    }
}
