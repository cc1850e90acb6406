package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.audit.AuditEvent;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.Outcome;
import com.sovera.console.help.AuditExportViewModel;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help → Export audit trail, on its view model: this month by default, both days included, a typed path, the
 * file written off the FX thread, and what it writes verifies on its own with {@code --verify-audit}.
 */
class AuditExportTest {

    @TempDir
    Path dir;

    /** A clock the test moves: each entry is stamped with the day it was set to. */
    private static final class Days extends Clock {
        Instant now;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private AuditTrail trailOverDays(Days clock, String... days) throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", clock);
        for (String day : days) {
            clock.now = Instant.parse(day + "T12:00:00Z");
            trail.record(new AuditEvent("ops@sovera.example", "embedded", "http://127.0.0.1:1/sovx/v1",
                    "customer.create", Map.of("customer_id", "c-" + day), Outcome.CREATED, null, "t-" + day));
        }
        return trail;
    }

    @Test
    void theDefaultIsThisMonthAndAFileInTheHomeFolder() {
        Days clock = new Days();
        clock.now = Instant.parse("2026-02-14T09:00:00Z");
        AuditExportViewModel model = new AuditExportViewModel(new AuditTrail(dir, "desk-7", clock),
                new SameThreadTaskRunner(), clock, dir);
        assertThat(model.from.get()).isEqualTo("2026-02-01");
        assertThat(model.to.get()).isEqualTo("2026-02-28");
        assertThat(model.path.get()).isEqualTo(dir.resolve("audit-export-2026-02.jsonl").toString());
    }

    @Test
    void theRangeTypedIsExportedOffTheFxThreadBothDaysIncludedAndVerifiesOnItsOwn() throws Exception {
        Days clock = new Days();
        AuditTrail trail = trailOverDays(clock, "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03",
                "2026-12-04");
        ManualTaskRunner runner = new ManualTaskRunner();
        AuditExportViewModel model = new AuditExportViewModel(trail, runner, clock, dir);
        model.from.set("2026-12-01");
        model.to.set(" 2026-12-03 ");
        model.path.set("exports/december.jsonl"); // read from the home folder
        Files.createDirectories(dir.resolve("exports"));
        model.export();
        assertThat(model.busyProperty().get()).isTrue();
        Path file = dir.resolve("exports").resolve("december.jsonl");
        assertThat(file).as("nothing written on the FX thread").doesNotExist();
        runner.runAll();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Exported 3 entries from 2026-12-01 to 2026-12-03")
                .contains(file.toString());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).containsPattern("c-2026-12-0[123]"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = AuditCommand.run(new String[] {"--verify-audit", file.toString()}, new AuditCommand.Io(print,
                print));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 entries, the chain is intact (export");
    }

    @Test
    void whatCannotBeExportedIsSaidAndWhatWasTypedStays() throws Exception {
        Days clock = new Days();
        AuditTrail trail = trailOverDays(clock, "2026-12-01");
        AuditExportViewModel model = new AuditExportViewModel(trail, new SameThreadTaskRunner(), clock, dir);
        model.from.set("2026-12-05");
        model.to.set("2026-12-01");
        model.export();
        assertThat(model.messageProperty().get()).isEqualTo("The range ends (2026-12-01) before it starts "
                + "(2026-12-05).");
        model.from.set("1 December");
        model.export();
        assertThat(model.messageProperty().get()).startsWith("Type both days as year-month-day");
        model.from.set("2026-12-01");
        model.to.set("2026-12-31");
        Path nowhere = dir.resolve("no-such-folder").resolve("x.jsonl");
        model.path.set(nowhere.toString());
        model.export();
        assertThat(model.messageProperty().get()).startsWith("The export could not be written to " + nowhere);
        assertThat(nowhere).doesNotExist();
        assertThat(model.from.get()).as("what was typed stays").isEqualTo("2026-12-01");
    }
}
