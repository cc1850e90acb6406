package com.sovera.console.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobGroupForgetsCancelledJobsTest {
    @Test
    void aJobCancelledByLatestLeavesTheGroupOnceEveryAnswerIsIn() {
        ManualTaskRunner base = new ManualTaskRunner();
        JobGroup session = new JobGroup();
        TaskRunner sessionRunner = new TaskRunner() {
            @Override
            public <T> Job run(Work<T> work, java.util.function.Consumer<? super T> ok,
                               java.util.function.Consumer<? super Throwable> ko) {
                return session.run(base, work, ok, ko);
            }

            @Override
            public void later(Runnable action) {
                action.run();
            }
        };
        Latest latest = new Latest(sessionRunner);
        for (int i = 0; i < 100; i++) {
            latest.load(job -> "page", v -> { }, f -> { }); // the operator types a filter: each key a new load
        }
        base.runAll();
        assertThat(session.size()).as("jobs still held by the open session after every answer came").isZero();
    }
}
