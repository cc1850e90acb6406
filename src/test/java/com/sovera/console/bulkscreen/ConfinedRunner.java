package com.sovera.console.bulkscreen;

import com.sovera.console.ui.task.Job;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.task.Work;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A task runner that keeps the view model on the test's thread, as the FX runner keeps it on the FX thread: work
 * waits until the test runs it ({@link ManualTaskRunner}), and what a bulk run's own threads hand over with
 * {@link #later} waits in a queue until the test drains it. No toolkit, and no property is touched by two threads.
 */
final class ConfinedRunner implements TaskRunner {

    private final ManualTaskRunner work = new ManualTaskRunner();
    private final Queue<Runnable> handedOver = new ConcurrentLinkedQueue<>();

    @Override
    public <T> Job run(Work<T> w, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return work.run(w, onSuccess, onFailure);
    }

    @Override
    public void later(Runnable action) {
        handedOver.add(action);
    }

    /** Runs the newest work waiting (and only it): an answer that overtakes the ones before it. */
    void runLast() {
        work.pending().get(work.pending().size() - 1).complete();
    }

    /** Runs the oldest work waiting (and only it). */
    void runNext() {
        work.pending().get(0).complete();
    }

    /** Runs everything waiting, and what it starts in turn, with whatever was handed over meanwhile. */
    void runAll() {
        do {
            drain();
            work.runAll();
        } while (!handedOver.isEmpty() || !work.pending().isEmpty());
    }

    /** Runs what was handed over to this thread so far. */
    void drain() {
        for (Runnable r; (r = handedOver.poll()) != null; ) {
            r.run();
        }
    }

    int waiting() {
        return work.pending().size();
    }
}
