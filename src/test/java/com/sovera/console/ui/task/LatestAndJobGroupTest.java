package com.sovera.console.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one way late answers are handled: the latest request wins, with answers arriving out of order; a round's
 * progress reports stop with it; a session's job group drops every answer once it closed.
 */
class LatestAndJobGroupTest {

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<String> shown = new ArrayList<>();

    @Test
    void anOlderAnswerArrivingLastIsNeverShown() {
        Latest latest = new Latest(runner);
        latest.load(job -> "customer A", shown::add, failure -> shown.add("failed A"));
        latest.load(job -> "customer B", shown::add, failure -> shown.add("failed B"));
        runner.pending().get(1).complete(); // B answers first
        runner.pending().get(0).complete(); // then A, late
        assertThat(shown).containsExactly("customer B");
    }

    @Test
    void aRoundsReportsStopWhenAnotherBeginsOrItIsCancelled() {
        Latest latest = new Latest(runner);
        Latest.Round first = latest.begin();
        first.later(() -> shown.add("first: 10%"));
        latest.load(first, job -> "first done", shown::add, f -> { });
        Latest.Round second = latest.begin();
        first.later(() -> shown.add("first: 20%")); // a report from the first run's threads, after the second began
        second.later(() -> shown.add("second: 5%"));
        runner.runAll();
        assertThat(shown).containsExactly("first: 10%", "second: 5%");
        assertThat(latest.load(first, job -> "first again", shown::add, f -> { }).isCancelled())
                .as("work of a round superseded never runs").isTrue();
        latest.cancel();
        second.later(() -> shown.add("second: 50%"));
        assertThat(shown).containsExactly("first: 10%", "second: 5%");
    }

    @Test
    void aClosedGroupDropsEveryAnswerAndRunsNothingMore() {
        JobGroup session = new JobGroup();
        SameThreadTaskRunner now = new SameThreadTaskRunner();
        Job out = session.run(runner, job -> "late answer", shown::add, f -> shown.add("late failure"));
        session.run(now, job -> {
            session.close(); // the session closes while this work is under way
            return "answer in the middle of the close";
        }, shown::add, f -> { });
        assertThat(out.isCancelled()).isTrue();
        runner.runAll();
        assertThat(session.run(now, job -> "after", shown::add, f -> { }).isCancelled()).isTrue();
        assertThat(shown).isEmpty();
        assertThat(session.size()).isZero();
    }
}
