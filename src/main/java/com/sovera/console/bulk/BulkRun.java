package com.sovera.console.bulk;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.TransportException;
import com.sovera.console.bulk.RunState.RowState;
import com.sovera.console.bulk.RunState.WalletState;
import com.sovera.console.chain.AddressFormatException;
import com.sovera.console.provision.Provisioner;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk run: each planned row's user, then its wallets, then one deposit address per wallet ({@link RowSteps}),
 * by a few workers at once. Pause, resume and cancel take effect between requests; a 429 the client gave up on is
 * waited out; rows that find no server stay unfinished, and several in a row stop the run with its journal kept.
 * Listeners are told of progress on the workers' threads.
 */
public final class BulkRun implements RowSteps.Sender {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);
    /** After this many rows in a row found no server, the run stops by itself and keeps its journal. */
    static final int NO_ANSWER_LIMIT = 3;
    private static final long REPORT_EVERY_NANOS = 200_000_000L;

    /** Where a run is. */
    public enum State {
        RUNNING,
        PAUSED,
        /** Every row done; the journal is gone. */
        FINISHED,
        /** Stopped by the operator; rows not done are in the results as CANCELLED; the journal is gone. */
        CANCELLED,
        /** Stopped short (no server, or the journal could not be written): the journal stays, to resume. */
        INCOMPLETE
    }

    /** How a run ended, with its results. */
    public record Outcome(State state, List<ResultLine> results, String problem) {

        public boolean allSucceeded() {
            return state == State.FINISHED && results.stream().noneMatch(ResultLine::failed);
        }
    }

    /** How many rows at once, and who hears of progress. */
    /**
     * @param adoptions told of each user adopted after a conflict (the audit trail records it as reused)
     */
    public record Options(int concurrency, Consumer<RunProgress> listener, RateLimitPacer pacer,
                          Provisioner.Adoptions adoptions) {

        public static final int DEFAULT_CONCURRENCY = 4;

        public Options {
            if (concurrency < 1 || concurrency > 16) {
                throw new IllegalArgumentException("concurrency must be 1..16");
            }
            adoptions = adoptions == null ? Provisioner.Adoptions.NONE : adoptions;
        }

        public static Options defaults() {
            return new Options(DEFAULT_CONCURRENCY, p -> { }, null, Provisioner.Adoptions.NONE);
        }

        public Options withListener(Consumer<RunProgress> value) {
            return new Options(concurrency, value, pacer, adoptions);
        }

        /** The pacer of the client, whose request count and waits the progress reports. */
        public Options withPacer(RateLimitPacer value) {
            return new Options(concurrency, listener, value, adoptions);
        }

        /** Who is told of a user adopted after a conflict (the desk's audit trail). */
        public Options withAdoptions(Provisioner.Adoptions value) {
            return new Options(concurrency, listener, pacer, value);
        }
    }

    private final RunJournal journal;
    private final RunState state;
    private final Options options;
    private final RowSteps steps;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running;
    private final AtomicInteger noAnswerRows = new AtomicInteger();
    private final AtomicLong sends = new AtomicLong();
    private final Object pauseLock = new Object();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();
    private final int doneAtStart;
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile String problem;
    private volatile boolean stoppingShort;
    private volatile Failure lastNoAnswer;
    private volatile long lastReport;
    private final Object reporting = new Object();
    private boolean reportedEnd;

    private BulkRun(SovxApi api, RunJournal journal, RunState state, Options options) {
        this.journal = journal;
        this.state = state;
        this.options = options;
        this.steps = new RowSteps(api, journal, state, this,
                System.currentTimeMillis() - state.header.startedAt() > RowSteps.KEYS_TRUSTED.toMillis(),
                options.adoptions());
        this.doneAtStart = state.doneRows();
        this.running = new AtomicInteger(options.concurrency());
    }

    static BulkRun start(SovxApi api, RunJournal journal, RunState state, Options options) {
        BulkRun run = new BulkRun(api, journal, state, options);
        for (int i = 0; i < options.concurrency(); i++) {
            Thread t = new Thread(run::work, "bulk-run-" + (i + 1));
            t.setDaemon(true);
            run.workers.add(t);
        }
        run.workers.forEach(Thread::start);
        return run;
    }

    public String runId() {
        return state.header.runId();
    }

    /** Holds every worker before its next request. */
    public void pause() {
        paused = true;
        report(true);
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        report(true);
    }

    /**
     * Stops at once and keeps the journal, to resume later (a sign-out): requests under way are abandoned and taken
     * up again by the resume, which creates nothing twice.
     */
    public void stopShort(String why) {
        if (problem == null) {
            problem = why;
        }
        stoppingShort = true;
        cancel();
    }

    /** Stops at once: requests under way are abandoned; rows not done are reported CANCELLED. */
    public void cancel() {
        cancelled = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        workers.forEach(Thread::interrupt);
    }

    /** Waits for the end of the run. */
    public Outcome await() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }


    public RunProgress progress() {
        return progress(outcome.isDone() ? outcome.join().state() : paused ? State.PAUSED : State.RUNNING);
    }

    private RunProgress progress(State s) {
        int done;
        int failed;
        synchronized (state) {
            done = state.doneRows();
            failed = (int) state.rows.stream().filter(r -> r.done() && r.failed()).count();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        int doneNow = done - doneAtStart;
        int rows = state.rows.size();
        Duration left = doneNow < 1 || done >= rows ? null : elapsed.multipliedBy(rows - done).dividedBy(doneNow);
        RateLimitPacer pacer = options.pacer();
        return new RunProgress(s, rows, done, failed, state.header.refused().size(),
                pacer != null ? pacer.sent() : sends.get(), elapsed, left,
                pacer != null ? pacer.waited() : Duration.ZERO, problem);
    }

    private void work() {
        try {
            while (!cancelled && problem == null) {
                int i = next.getAndIncrement();
                if (i >= state.rows.size()) {
                    break;
                }
                RowState row = state.rows.get(i);
                if (!row.done()) {
                    runRow(row);
                    report(false);
                }
            }
        } catch (RunStopped stop) {
            problem = problem == null ? stop.getMessage() : problem;
        } catch (RuntimeException e) {
            LOG.error("Bulk run {}: a worker stopped", runId(), e);
            problem = problem == null ? "An internal error stopped the run: " + e : problem;
        } finally {
            if (running.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void runRow(RowState row) throws RunStopped {
        try {
            steps.ensureUser(row);
        } catch (ApiException e) {
            fail(row, null, Failure.of(e));
            return;
        } catch (TransportException e) {
            noAnswer(row, e);
            return;
        }
        for (int i = 0; i < row.wallets.size(); i++) {
            WalletState w = row.wallets.get(i);
            if (w.done()) {
                continue;
            }
            try {
                steps.ensureWallet(row, i, w);
                steps.ensureAddress(row, i, w);
            } catch (ApiException e) {
                fail(row, i, Failure.of(e));
            } catch (AddressFormatException e) {
                fail(row, i, new Failure(Failure.ADDRESS_INVALID, e.getMessage()
                        + " It was not recorded; report it to Sovera with the wallet id.", null));
            } catch (TransportException e) {
                noAnswer(row, e);
                return;
            }
        }
        noAnswerRows.set(0);
    }

    private void fail(RowState row, Integer wallet, Failure failure) {
        steps.record(row, () -> {
            if (wallet == null) {
                row.failure = failure;
            } else {
                row.wallets.get(wallet).failure = failure;
            }
        }, RunEvent.failed(row.plan.row(), wallet, failure, System.currentTimeMillis()));
        noAnswerRows.set(0);
    }

    /** No answer: the row stays unfinished (a resumed run takes it up again); many in a row stop the run. */
    private void noAnswer(RowState row, TransportException e) throws RunStopped {
        if (cancelled || e.kind() == TransportException.Kind.CANCELLED) {
            return;
        }
        lastNoAnswer = Failure.of(e);
        LOG.warn("Bulk run {}: row {} got no answer: {}", runId(), row.plan.row(), e.getMessage());
        if (noAnswerRows.incrementAndGet() >= NO_ANSWER_LIMIT) {
            throw new RunStopped("SovX did not answer " + NO_ANSWER_LIMIT + " rows in a row (" + e.getMessage()
                    + "). The run stopped; its journal is kept: resume it once the server answers.");
        }
    }

    /** A blocking call: waits while paused, retries a 429 the client gave up on, and turns what stops the run. */
    @Override
    public <T> T send(RowSteps.Step<T> step) throws RunStopped {
        while (true) {
            awaitResumed();
            try {
                sends.incrementAndGet();
                return step.call();
            } catch (ApiException e) {
                if (e.httpStatus() != 429 || cancelled) {
                    throw e;
                }
                Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(1) : e.rateLimit().retryAfter();
                sleep(wait);
            } catch (ExecutionException e) {
                throw new RunStopped("The import journal could not be written, so nothing more is sent: "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            } catch (InterruptedException e) {
                throw new TransportException(TransportException.Kind.CANCELLED, 0, "cancelled", e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RunStopped("The run stopped: " + e.getMessage());
            }
        }
    }

    private void awaitResumed() {
        synchronized (pauseLock) {
            while (paused && !cancelled) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        if (cancelled) {
            throw new TransportException(TransportException.Kind.CANCELLED, 0, "cancelled", null);
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), 120_000)));
        } catch (InterruptedException e) {
            throw new TransportException(TransportException.Kind.CANCELLED, 0, "cancelled", e);
        }
    }

    private void finish() {
        Thread.interrupted(); // a cancel's interrupt must not break the journal's last writes
        State end;
        Failure unfinished;
        if (cancelled && !stoppingShort) {
            end = State.CANCELLED;
            unfinished = new Failure(Failure.CANCELLED, "Not finished: the run was cancelled. Import the file "
                    + "again to finish it; nothing is created twice.", null);
        } else if (problem != null || state.doneRows() < state.rows.size()) {
            end = State.INCOMPLETE;
            Failure cause = lastNoAnswer;
            unfinished = new Failure(cause != null ? cause.code() : "INCOMPLETE", "Not finished: "
                    + (problem != null ? problem : cause != null ? cause.message() : "the run stopped short")
                    + " Resume the run (or run the same import again) to finish it.", null);
        } else {
            end = State.FINISHED;
            unfinished = null;
        }
        List<ResultLine> results;
        synchronized (state) {
            results = state.results(unfinished);
        }
        try {
            if (end == State.INCOMPLETE) {
                journal.close(); // kept, to resume
            } else {
                journal.write(RunEvent.finished(System.currentTimeMillis()));
                journal.delete();
            }
        } catch (IOException e) {
            LOG.warn("Bulk run {}: the journal could not be removed: {}", runId(), e.getMessage());
        }
        // the last report says how the run ended, and comes before anyone waiting on the outcome goes on: a
        // worker's report still under way is told before it or not at all
        synchronized (reporting) {
            reportedEnd = true;
            tell(progress(end));
        }
        outcome.complete(new Outcome(end, results, end == State.INCOMPLETE ? unfinished.message() : null));
    }

    private void report(boolean always) {
        synchronized (reporting) {
            long now = System.nanoTime();
            if (reportedEnd || !always && now - lastReport < REPORT_EVERY_NANOS) {
                return;
            }
            lastReport = now;
            tell(progress());
        }
    }

    private void tell(RunProgress progress) {
        try {
            options.listener().accept(progress);
        } catch (RuntimeException e) {
            LOG.warn("A bulk progress listener failed", e);
        }
    }
}
