package com.sovera.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk onboarding figures, {@code mvn -Pbenchmarks verify -Dtest=BulkBenchmarks}: a 10,000-row file (each row a
 * user, one wallet, one address) against the sandbox with no effective limit; and files at set limits against
 * the floor each limit allows. The sandbox keeps its database in a file, as the embedded one does. Printed, and
 * written to {@code target/benchmarks/bulk-figures.md}. Options: {@code -Dbench.bulk.rows=N},
 * {@code -Dbench.bulk.limited=LIMIT:ROWS,...} (requests a minute : rows; default 1200:1000,300:250).
 */
@Tag("benchmarks")
class BulkBenchmarks {

    private static final int ROWS = Integer.getInteger("bench.bulk.rows", 10_000);
    private static final String LIMITED = System.getProperty("bench.bulk.limited", "1200:1000,300:250");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final StringBuilder report = new StringBuilder();
    private double unlimitedMillisPerRequest = 2;

    @Test
    void figures() throws Exception {
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average at start " + load());
        line("");
        line("| figure | measured | floor | ratio | 429s (after the first minute) | target | load average after |");
        line("|---|---|---|---|---|---|---|");
        unlimited();
        for (String pair : LIMITED.split(",")) {
            String[] parts = pair.split(":");
            limited(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        }
        Path out = Path.of("target", "benchmarks", "bulk-figures.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void unlimited() throws Exception {
        try (Setup s = new Setup(dir.resolve("unlimited"), 100_000_000)) {
            Measured m = s.run(ROWS);
            unlimitedMillisPerRequest = (double) m.took().toMillis() / m.requests();
            line(String.format("| %,d rows, a user + BTC wallet + address each, no effective limit | %.1f s (%,d requests, "
                            + "%.0f a second) | – | – | %d | < 180 s | %s |", ROWS, m.took().toMillis() / 1000.0,
                    m.requests(), m.requests() * 1000.0 / m.took().toMillis(), m.all429(), load()));
            assertThat(m.failed()).isZero();
        }
    }

    private void limited(int limit, int rows) throws Exception {
        try (Setup s = new Setup(dir.resolve("limit-" + limit), limit)) {
            Measured m = s.run(rows);
            // The floor: the sandbox counts fixed minute windows from the clock's minute; the run has the rest of
            // its first window, then a full limit each minute. The last request's window opens at the k-th
            // boundary; what falls in that window takes the unlimited time per request.
            long requests = m.requests();
            long k = (requests - 1) / limit;
            long startMillis = m.started().toEpochMilli();
            long firstBoundary = startMillis - startMillis % WINDOW.toMillis() + WINDOW.toMillis();
            long lastWindowOpens = k == 0 ? startMillis : firstBoundary + (k - 1) * WINDOW.toMillis();
            double floorMillis = lastWindowOpens - startMillis + (requests - k * limit) * unlimitedMillisPerRequest;
            double steadyMillis = requests * 60_000.0 / limit;
            line(String.format("| %,d rows at %,d requests a minute (%,d requests) | %.1f s | %.1f s (steady rate: "
                            + "%.1f s) | %.3fx | %d (%d) | ≤ 1.1x, no 429 after the first minute | %s |", rows, limit,
                    requests, m.took().toMillis() / 1000.0, floorMillis / 1000, steadyMillis / 1000,
                    m.took().toMillis() / floorMillis, m.all429(), m.late429(), load()));
            assertThat(m.failed()).isZero();
        }
    }

    /** A sandbox with a file database, a customer, and a paced client with its owner key. */
    private static final class Setup implements AutoCloseable {
        final SandboxServer server;
        final String key;

        Setup(Path database, int limit) {
            server = SandboxServer.start(SandboxConfig.stored(database).withDemoUsers(0).withRateLimit(limit));
            try (SovxClient admin = SovxClient.builder(server.baseUrl()).build()) {
                admin.credentials().useSession(admin.api().login(new LoginRequest(DemoAccount.EMAIL,
                        DemoAccount.PASSWORD)).execute());
                admin.api().createCustomer(new NewCustomer("ops@bench.example", "bench", "Bench Ltd"), null)
                        .execute();
                key = admin.api().createCredentials("bench", null).execute().customerSecret();
            }
        }

        /** Reads, previews (with the server lookup of existing users) and runs a file of {@code rows} rows. */
        Measured run(int rows) throws Exception {
            StringBuilder csv = new StringBuilder(Column.headerLine()).append('\n');
            for (int i = 0; i < rows; i++) {
                csv.append("individual,bench").append(i).append("@example.com,Ada,Lovelace,+4420").append(10_000_000 + i)
                        .append(",1985-12-10,GB,BTC\n");
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            RateLimitPacer pacer = new RateLimitPacer();
            List<CallRecord> calls = new CopyOnWriteArrayList<>();
            Path data = Files.createTempDirectory("bulk-bench");
            try (SovxClient client = SovxClient.builder(server.baseUrl()).pacer(pacer).activity(calls::add).build()) {
                client.credentials().useOwnerKey(key);
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                Preview preview = Preview.of(SheetReader.read(new ByteArrayInputStream(file), "bench.csv"), true,
                        LocalDate.now());
                preview.markExisting(ExistingUsers.find(client.api(), preview.emails(), () -> false));
                BulkRun run = new BulkImports(data).start(client.api(), new BulkImports.Target("embedded", "bench",
                        true), new BulkImports.Source("bench.csv", "-"), preview.plan(),
                        BulkRun.Options.defaults().withPacer(pacer).withListener(p -> { }));
                BulkRun.Outcome outcome = run.await();
                ResultsCsv.write(outcome.results(), data.resolve("results.csv"));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                Instant firstMinuteEnds = started.plus(WINDOW);
                return new Measured(started, took, pacer.sent(),
                        calls.stream().filter(c -> c.status() == 429).count(),
                        calls.stream().filter(c -> c.status() == 429 && c.time().isAfter(firstMinuteEnds)).count(),
                        outcome.results().stream().filter(ResultLine::failed).count());
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private record Measured(Instant started, Duration took, long requests, long all429, long late429, long failed) {
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
