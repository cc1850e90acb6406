package com.sovera.console.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way work leaves the FX thread: the work runs elsewhere, and exactly one of its callbacks then runs on
 * the thread views live on, unless the job was cancelled first. Injected, so that view models run their work on
 * the caller's thread (or in an order a test chooses) without a toolkit.
 */
public interface TaskRunner {

    <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} soon on the thread views live on: progress reported from inside work. */
    void later(Runnable action);

    /** For work that needs nothing of its job. */
    default <T> Job run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return run(job -> work.call(), onSuccess, onFailure);
    }
}
