package com.sovera.console.ui.task;

import java.util.function.Consumer;

/**
 * The latest request wins: starting a load cancels the one before, whose answer is then dropped. Whatever fills a
 * screen from a selection, a filter, a page, a wizard's step or a running job goes through one of these, so nothing
 * is shown that does not belong to what is asked now. A load may report progress before its answer (a bulk run
 * from its own threads): a {@link Round} carries those reports, and drops them once another round began. FX
 * thread only.
 */
public final class Latest {

    /** One request: its progress reports reach the screen only while it is the latest. */
    public final class Round {
        private final long id;
        private volatile boolean dropped;

        private Round(long id) {
            this.id = id;
        }

        /**
         * True while no other round began and this one was not cancelled, nor its load dropped unanswered (its
         * session closed). FX thread.
         */
        public boolean isCurrent() {
            return id == generation && !dropped;
        }

        /** Runs {@code action} on the views' thread, unless another round began by then. Any thread. */
        public void later(Runnable action) {
            runner.later(() -> {
                if (isCurrent()) {
                    action.run();
                }
            });
        }
    }

    private final TaskRunner runner;
    private Job current;
    private long generation;

    public Latest(TaskRunner runner) {
        this.runner = runner;
    }

    public <T> Job load(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return load(begin(), work, onSuccess, onFailure);
    }

    /**
     * A new request whose work starts later ({@link #load(Round, Work, Consumer, Consumer)}): the one before is
     * cancelled now, and its reports and answer are dropped.
     */
    public Round begin() {
        cancel();
        return new Round(generation);
    }

    /** Runs the work of a round begun before; nothing runs if another round began since. */
    public <T> Job load(Round round, Work<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        if (!round.isCurrent()) {
            Job dropped = new Job();
            dropped.cancel();
            return dropped;
        }
        Job previous = current;
        current = null;
        if (previous != null) {
            previous.cancel(); // replaced: its round may go on with this load
        }
        Job job = runner.run(work, value -> {
            if (round.isCurrent()) {
                onSuccess.accept(value);
            }
        }, failure -> {
            if (round.isCurrent()) {
                onFailure.accept(failure);
            }
        });
        current = job;
        // dropped without an answer and not replaced (its session closed): the round's reports stop too
        job.onCancel(() -> {
            if (current == job) {
                round.dropped = true;
            }
        });
        return job;
    }

    /** Drops the running load, if any: its answer and reports will not be shown. */
    public void cancel() {
        generation++;
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
