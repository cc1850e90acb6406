package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The onboarding journal is read when the window opens and waited for when it closes, never on the FX thread: a
 * disk that does not answer (here a named pipe in the journal's place, which blocks its reader until the test
 * writes into it) leaves the window responsive, and what the read finds reaches the screen when it comes.
 */
@EnabledOnOs(OS.LINUX) // mkfifo
class JournalOffTheFxThreadTest extends ConsoleWindowFixture {

    @Test
    void aJournalThatDoesNotAnswerNeitherHoldsTheWindowNorItsClose() throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path journal = data.resolve("onboarding-journal.json");
        assertThat(new ProcessBuilder("mkfifo", journal.toString()).inheritIO().start().waitFor()).isZero();
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT);
        boolean fed = false;
        try {
            // opening shows the window (its FX thread free) while the journal's read still waits on the pipe
            CompletableFuture.runAsync(() -> {
                try {
                    console.open();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            interact(() -> { }); // the FX thread answers
            assertThat(lookup("#startup-notice").query().isVisible()).as("nothing read yet").isFalse();

            // closing does not wait on the FX thread for the journal either: what it returns completes later
            CompletableFuture<?>[] written = new CompletableFuture<?>[1];
            interact(() -> written[0] = console.window.stop());
            assertThat(written[0]).as("the journal is still stuck").isNotDone();

            feed(journal, "{\"customerId\": \"half-writ"); // the read ends: a corrupt journal, set aside
            fed = true;
            waitUntil(() -> lookup("#startup-notice").query().isVisible());
            assertThat(text("#startup-notice")).contains("onboarding journal could not be read");
            assertThat(written[0]).succeedsWithin(30, TimeUnit.SECONDS);
        } finally {
            if (!fed) { // the FX thread may be stuck on the pipe (the defect): release it, so the next test runs
                Thread release = new Thread(() -> feed(journal, "{}"));
                release.setDaemon(true);
                release.start();
            }
        }
    }

    /** Writes into the pipe (blocks until its reader has it open) and closes it, ending the read. */
    private static void feed(Path fifo, String text) {
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
