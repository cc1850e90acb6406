package com.sovera.console.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A task runner for view-model tests: work waits until the test runs it, in any order it chooses, so answers can
 * be made to arrive late or out of order. Everything runs on the test's thread; no toolkit is needed.
 */
public final class ManualTaskRunner implements TaskRunner {

    /** One piece of work not yet run. */
    public final class Pending<T> {
        private final Job job;
        private final Work<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Throwable> onFailure;

        Pending(Job job, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.job = job;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        /** Runs the work now and hands its outcome over, unless the job was cancelled meanwhile. */
        public void complete() {
            pending.remove(this);
            T value;
            try {
                value = work.run(job);
            } catch (Exception e) {
                if (job.answer()) {
                    onFailure.accept(e);
                }
                return;
            }
            if (job.answer()) {
                onSuccess.accept(value);
            }
        }

        public Job job() {
            return job;
        }
    }

    private final List<Pending<?>> pending = new ArrayList<>();

    @Override
    public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Job job = new Job();
        pending.add(new Pending<>(job, work, onSuccess, onFailure));
        return job;
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }

    /** Work handed over and not yet run, oldest first (cancelled jobs included: their answers are dropped). */
    public List<Pending<?>> pending() {
        return List.copyOf(pending);
    }

    /** Runs everything waiting, oldest first, including what that work starts in turn. */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.get(0).complete();
        }
    }
}
