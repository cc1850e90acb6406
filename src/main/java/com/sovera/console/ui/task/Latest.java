package com.sovera.console.ui.task;

import java.util.function.Consumer;

/**
 * The latest request wins: starting a load cancels the one before, whose answer is then dropped. Whatever fills a
 * screen from a selection, a filter or a page goes through one of these, so nothing is shown that does not belong
 * to what is selected now. FX thread only.
 */
public final class Latest {

    private final TaskRunner runner;
    private Job current;

    public Latest(TaskRunner runner) {
        this.runner = runner;
    }

    public <T> Job load(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        cancel();
        current = runner.run(work, onSuccess, onFailure);
        return current;
    }

    /** Drops the running load, if any: its answer will not be shown. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
