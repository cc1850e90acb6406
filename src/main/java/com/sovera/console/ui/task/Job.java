package com.sovera.console.ui.task;

import com.sovera.console.api.ApiCall;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of work handed to a {@link TaskRunner}. Cancelling it stops what it registered (an HTTP call, a wait)
 * and guarantees that neither of its callbacks runs afterwards. Once its answer was handed over, cancelling it
 * changes nothing: {@link #onCancel} then means "dropped without an answer" (a newer load, a closed session), which
 * is how a screen learns to take down what it raised for the work.
 */
public final class Job {

    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;
    private boolean answered;

    /** Cancels the work; its callbacks will not run. Safe to call from any thread, more than once. */
    public void cancel() {
        List<Runnable> hooks;
        synchronized (this) {
            if (cancelled || answered) {
                return;
            }
            cancelled = true;
            hooks = List.copyOf(onCancel);
            onCancel.clear();
        }
        hooks.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} when the job is cancelled before its answer was handed over, or at once if it already
     * is; never once it was answered.
     */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (answered) {
                return;
            }
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * For runners, on the thread the answer is handed over on: true when it may be (the job was not cancelled), and
     * from then on the job counts as answered.
     */
    synchronized boolean answer() {
        if (cancelled) {
            return false;
        }
        answered = true;
        onCancel.clear();
        return true;
    }

    /** Sends the call, stopping it if the job is cancelled meanwhile. */
    public <T> T execute(ApiCall<T> call) {
        onCancel(call::cancel);
        return call.execute();
    }
}
