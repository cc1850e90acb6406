package com.sovera.console.ui.task;

import java.util.function.Consumer;

/** Runs the work and its callback at once on the caller's thread: for view-model tests and scripted runs. */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Job job = new Job();
        T value;
        try {
            value = work.run(job);
        } catch (Exception e) {
            if (job.answer()) {
                onFailure.accept(e);
            }
            return job;
        }
        if (job.answer()) {
            onSuccess.accept(value);
        }
        return job;
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }
}
