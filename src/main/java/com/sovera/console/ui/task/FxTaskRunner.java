package com.sovera.console.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on a pool of daemon workers, outcomes on the FX thread. Whether a job was cancelled is checked on the FX
 * thread, where cancelling happens too, so a cancelled job's answer can never reach a view.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Job job = new Job();
        Future<?> running = workers.submit(() -> {
            T value = null;
            Throwable failure = null;
            try {
                value = work.run(job);
            } catch (Throwable t) {
                failure = t;
            }
            T result = value;
            Throwable failed = failure;
            Platform.runLater(() -> {
                if (!job.answer()) {
                    return;
                }
                if (failed == null) {
                    onSuccess.accept(result);
                } else {
                    if (!(failed instanceof Exception)) {
                        LOG.error("Background work failed", failed);
                    }
                    onFailure.accept(failed);
                }
            });
        });
        job.onCancel(() -> running.cancel(true)); // wakes a sleeping or waiting worker
        return job;
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
