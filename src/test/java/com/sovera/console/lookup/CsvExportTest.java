package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export against a server that rate-limits it: it waits, and the operator can still stop it at once. */
class CsvExportTest {

    @TempDir
    Path dir;

    @Test
    void cancellingDuringARateLimitWaitStopsAtOnceAndKeepsTheRowsSoFar() throws Exception {
        // three requests a two-minute window: the export meets a 429 whose wait is far longer than the test
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(450)
                .withRateLimit(3, Duration.ofMinutes(2)))) {
            CountDownLatch limited = new CountDownLatch(1);
            try (SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                    .activity(call -> {
                        if (call.status() == 429) {
                            limited.countDown();
                        }
                    }).build()) {
                client.credentials().useOwnerKey(sandbox.demo().ownerKey());
                CsvExport<User> export = new CsvExport<>(f -> client.api().listUsers(f.asQuery()),
                        new PagedViewModel.Query(Filter.none(), List.of(), "created_at"), List.of("user_id"),
                        u -> List.of(u.userId()), CsvExport.Opener.FILES);
                Path file = dir.resolve("users.csv");
                CompletableFuture<CsvExport.Outcome> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return export.run(file, rows -> { });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(limited.await(30, TimeUnit.SECONDS)).as("the export met the rate limit").isTrue();
                export.cancel();
                // the server asked for about two minutes; a cancelled export does not wait them out
                CsvExport.Outcome outcome = running.get(20, TimeUnit.SECONDS);
                assertThat(outcome.complete()).isFalse();
                assertThat(outcome.reason()).isEqualTo("cancelled by the operator");
                assertThat(outcome.rows()).isPositive();
                List<String> lines = Files.readAllLines(dir.resolve("users-PARTIAL.csv"));
                assertThat(lines).hasSize((int) outcome.rows() + 2); // header, rows, the PARTIAL line
            }
        }
    }
    @Test
    void aRowThatCannotBeWrittenEndsThePartialWithoutAnyOfItsPage() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(250));
             SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            client.credentials().useOwnerKey(sandbox.demo().ownerKey());
            int[] seen = {0};
            // the 150th row fails as a missing field would, with an exception that has no message
            CsvExport<User> export = new CsvExport<>(f -> client.api().listUsers(f.asQuery()),
                    new PagedViewModel.Query(Filter.none(), List.of(), "created_at"), List.of("user_id"), u -> {
                        if (++seen[0] == 150) {
                            throw new NullPointerException();
                        }
                        return List.of(u.userId());
                    }, CsvExport.Opener.FILES);
            CsvExport.Outcome outcome = export.run(dir.resolve("users.csv"), rows -> { });
            assertThat(outcome.complete()).as("never passed off as complete").isFalse();
            assertThat(outcome.reason()).isEqualTo("NullPointerException");
            assertThat(Files.exists(dir.resolve("users.csv"))).isFalse();
            List<String> lines = Files.readAllLines(dir.resolve("users-PARTIAL.csv"));
            assertThat(outcome.rows()).isEqualTo(100); // the first page; nothing of the one that failed
            assertThat(lines).hasSize(102).last().asString().startsWith("# PARTIAL EXPORT: stopped after 100 of 250");
        }
    }

    @Test
    void aCancelThatComesAfterTheLastRowLeavesTheExportComplete() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(250));
             SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            client.credentials().useOwnerKey(sandbox.demo().ownerKey());
            CsvExport<User> export = new CsvExport<>(f -> client.api().listUsers(f.asQuery()),
                    new PagedViewModel.Query(Filter.none(), List.of(), "created_at"), List.of("user_id"),
                    u -> List.of(u.userId()), CsvExport.Opener.FILES);
            // Cancel (or a sign-out) pressed just as the last row is on disk
            CsvExport.Outcome outcome = export.run(dir.resolve("users.csv"), rows -> {
                if (rows == 250) {
                    export.cancel();
                }
            });
            assertThat(outcome.complete()).isTrue();
            assertThat(Files.readAllLines(dir.resolve("users.csv"))).hasSize(251);
            assertThat(Files.exists(dir.resolve("users-PARTIAL.csv"))).isFalse();
        }
    }
}
