package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.ManualTaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress reported from inside a session's work reaches the screen only while that session is open. */
class SessionRunnerReportsTest {

    @Test
    void aReportOfWorkWhoseSessionClosedIsDroppedThoughAnotherSessionIsOpenByThen() {
        ManualTaskRunner base = new ManualTaskRunner();
        SessionState state = new SessionState();
        state.signedIn("ops@example.com", Instant.parse("2099-01-01T00:00:00Z"));
        Latest exports = new Latest(state.runner(base));
        Latest.Round round = exports.begin(); // captured on the FX thread when the work starts
        exports.load(round, job -> "rows written", done -> { }, failed -> { });
        List<String> shown = new ArrayList<>();
        round.later(() -> shown.add("10%"));

        state.signedOut(); // the next (empty) session is open at once
        round.later(() -> shown.add("20%")); // the worker reports on, unaware
        base.runAll();

        assertThat(shown).containsExactly("10%");
    }
}
