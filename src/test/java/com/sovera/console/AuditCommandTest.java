package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.audit.AuditEvent;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verify-audit FILE} as an auditor runs it: what it prints and its exit code. */
class AuditCommandTest {

    @TempDir
    Path dir;

    record Ran(int exit, String out, String err) {
    }

    @Test
    void anIntactTrailGivesZeroWithItsCountAndLastHash() throws Exception {
        Path file = trailOf(4);
        Ran ran = run("--verify-audit", file.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        String lastHash = Files.readAllLines(file).get(3).replaceFirst(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
        assertThat(ran.out()).contains("4 entries, the chain is intact").contains("entries 1 to 4")
                .contains("last hash " + lastHash);
    }

    @Test
    void aBrokenChainGivesOneWithTheLineAndWhy() throws Exception {
        Path file = trailOf(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Files.write(file, lines);
        Ran ran = run("--verify-audit", file.toString());
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).contains("line 3 breaks the chain").contains("removed");
    }

    @Test
    void aHalfWrittenLastLineIsReported() throws Exception {
        Path file = trailOf(3);
        Files.writeString(file, Files.readString(file) + "{\"seq\":4,\"time\":\"2026-12-07T10:00:00Z\",\"oper");
        Ran ran = run("--verify-audit", file.toString());
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).contains("Half-written line 4").contains("3 entries, the chain is intact");
    }

    @Test
    void aFileThatCannotBeReadGivesTwo() {
        Ran ran = run("--verify-audit", dir.resolve("missing.jsonl").toString());
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).contains("cannot read").contains("missing.jsonl");
        assertThat(run("--verify-audit").exit()).isEqualTo(2);
    }

    private Path trailOf(int entries) throws Exception {
        AuditTrail trail = new AuditTrail(dir, "desk-1", Clock.systemUTC());
        for (int i = 0; i < entries; i++) {
            trail.record(new AuditEvent("ops@sovera.test", "embedded", "http://127.0.0.1:1/sovx/v1", "user.create",
                    Map.of("user_id", "u-" + i), Outcome.CREATED, null, "t-" + i));
        }
        return trail.currentFile();
    }

    private static Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCommand.run(args, new AuditCommand.Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
