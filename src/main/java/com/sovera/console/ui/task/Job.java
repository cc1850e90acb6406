package com.sovera.console.ui.task;

import com.sovera.console.api.ApiCall;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of work handed to a {@link TaskRunner}. Cancelling it stops what it registered (an HTTP call, a wait)
 * and guarantees that neither of its callbacks runs afterwards.
 */
public final class Job {

    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    /** Cancels the work; its callbacks will not run. Safe to call from any thread, more than once. */
    public void cancel() {
        List<Runnable> hooks;
        synchronized (this) {
            if (cancelled) {
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

    /** Runs {@code action} when the job is cancelled, or at once if it already is. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    /** Sends the call, stopping it if the job is cancelled meanwhile. */
    public <T> T execute(ApiCall<T> call) {
        onCancel(call::cancel);
        return call.execute();
    }
}
