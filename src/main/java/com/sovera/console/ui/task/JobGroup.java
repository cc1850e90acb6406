package com.sovera.console.ui.task;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Work that belongs to one owner (a signed-in session) and ends with it: closing the group cancels every job still
 * running in it, so none of their answers arrives, and any work handed to it afterwards is dropped unrun. The
 * structured-concurrency idea (a scope owns its children) on Java 17. FX thread only.
 */
public final class JobGroup {

    private final Set<Job> running = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    /** Runs the work on {@code runner} as a job of this group. */
    public <T> Job run(TaskRunner runner, Work<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        if (closed) {
            Job dropped = new Job();
            dropped.cancel();
            return dropped;
        }
        boolean[] ended = {false};
        Job[] self = {null};
        // an answer arriving once the group closed is dropped, even one whose job was not yet registered
        Job job = runner.run(work, value -> {
            ended[0] = true;
            forget(self[0]);
            if (!closed) {
                onSuccess.accept(value);
            }
        }, failure -> {
            ended[0] = true;
            forget(self[0]);
            if (!closed) {
                onFailure.accept(failure);
            }
        });
        self[0] = job;
        if (!ended[0] && !job.isCancelled()) {
            running.add(job);
            // a job cancelled before its answer (a newer load of a Latest) never calls back: forget it then
            job.onCancel(() -> forget(job));
        }
        return job;
    }

    /** Cancels every job still running; their answers are dropped, and work handed in later never runs. */
    public void close() {
        closed = true;
        List<Job> jobs = List.copyOf(running);
        running.clear();
        jobs.forEach(Job::cancel);
    }

    public boolean isClosed() {
        return closed;
    }

    /** How many jobs are still running (for tests and the support bundle). */
    public int size() {
        return running.size();
    }

    private void forget(Job job) {
        if (job != null) {
            running.remove(job);
        }
    }
}
