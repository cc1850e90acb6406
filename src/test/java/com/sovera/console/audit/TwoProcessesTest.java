package com.sovera.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console and {@code --import} in two JVMs append to one desk's trail at once: one chain, nothing lost. */
class TwoProcessesTest {

    private static final int EACH = 40;

    @TempDir
    Path dir;

    @Test
    void twoJvmsTakeTurnsUnderTheLockAndKeepOneChain() throws Exception {
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("console", "import")) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), AuditWriterProcess.class.getName(), dir.toString(), name,
                    String.valueOf(EACH)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".out").toFile()).start());
        }
        for (Process p : writers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("console.out"))
                    + Files.readString(dir.resolve("import.out"))).isZero();
        }
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(2 * EACH);
        String text = Files.readString(file);
        assertThat(text).contains("console-" + (EACH - 1)).contains("import-" + (EACH - 1));
    }
}
