package com.sovera.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The one way the console runs work off the FX thread: the work runs on a worker, and its outcome is handed
 * back on the FX thread, where the scene graph may be touched.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService workers;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} on a worker; exactly one of the callbacks then runs on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        workers.execute(task);
        return task;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
