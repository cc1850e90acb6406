package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.NewCustomer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent clients, each a customer of its own, create users, wallets and addresses for 30 seconds. Every
 * create answered 2xx exists exactly once; every other answer is a 429 or a well-formed error; p50/p99 recorded.
 * Long: {@code mvn -Preliability verify} ({@code -Dload.clients=N -Dload.seconds=S}); figures printed and written
 * to {@code target/reliability/load.txt}.
 */
@Tag("long")
class SandboxLoadTest {

    private static final int CLIENTS = Integer.getInteger("load.clients", 50);
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
    private static final Pattern ID = Pattern.compile("\"(user_id|wallet_id|address_id)\"\\s*:\\s*\"([^\"]+)\"");

    @org.junit.jupiter.api.io.TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fiftyClientsCreatingForThirtySecondsLoseNothingAndDuplicateNothing() throws Exception {
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(data).withDemoUsers(0))) {
            List<String> keys = new ArrayList<>();
            try (var admin = sandbox.signedIn()) {
                for (int i = 0; i < CLIENTS; i++) {
                    String id = "load-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
                    admin.api().createCustomer(new NewCustomer("ops@" + id + ".example", id, "Load " + i), null)
                            .execute();
                    keys.add(admin.api().createCredentials(id, null).execute().customerSecret());
                }
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> created = Collections.synchronizedList(new ArrayList<>());
            List<String> bad = Collections.synchronizedList(new ArrayList<>());
            ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> runs = new ArrayList<>();
            for (String key : keys) {
                runs.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        String user = create(sandbox, key, "/users", "{\"user_type\":\"individual\",\"email\":\"u"
                                + (n++) + "@load.example\",\"first_name\":\"A\",\"last_name\":\"B\",\"phone\":"
                                + "\"+15551234567\",\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}",
                                latencies, created, bad, statuses);
                        if (user == null) {
                            continue;
                        }
                        String wallet = create(sandbox, key, "/users/" + user + "/wallets",
                                "{\"name\":\"W\",\"currency\":\"BTC\"}", latencies, created, bad, statuses);
                        if (wallet != null) {
                            create(sandbox, key, "/wallets/" + wallet + "/address",
                                    "{\"currency\":\"BTC\",\"network\":\"bitcoin-testnet\"}", latencies, created, bad,
                                    statuses);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String figures = String.format("LOAD %d clients x %d s on %d cores: %d creates answered 2xx, %d requests,"
                    + " %.0f requests/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms; statuses %s%n", CLIENTS, SECONDS,
                    Runtime.getRuntime().availableProcessors(), created.size(), sorted.size(),
                    sorted.size() / (double) SECONDS, percentile(sorted, 50), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6, new java.util.TreeMap<>(statuses));
            System.out.print(figures);
            Path report = Path.of("target", "reliability", "load.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, figures);

            assertThat(bad).as("answers neither 2xx, 429 nor a well-formed error").isEmpty();
            assertThat(created).as("creates answered").isNotEmpty().doesNotHaveDuplicates();
            // every create answered 2xx is in the database exactly once, and nothing else was made
            try (var c = sandbox.server.database().connection(); var st = c.createStatement()) {
                long rows = 0;
                for (String table : List.of("users", "wallets", "addresses")) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table
                            + " WHERE customer_pk IN (SELECT pk FROM customers WHERE customer_id LIKE 'load-%')")) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
                assertThat(rows).as("rows in the database for the answered creates").isEqualTo(created.size());
                for (String id : created) {
                    try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM users WHERE user_id = '" + id
                            + "') + (SELECT COUNT(*) FROM wallets WHERE wallet_id = '" + id
                            + "') + (SELECT COUNT(*) FROM addresses WHERE address_id = '" + id + "')")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(id).isOne();
                    }
                }
            }
        }
    }

    /** One create with its own idempotency key; the new id, or null when it was refused. */
    private String create(Sandbox sandbox, String key, String path, String body, List<Long> latencies,
                          List<String> created, List<String> bad, ConcurrentHashMap<Integer, AtomicInteger> statuses) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("x-api-key", key)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - started);
            statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.statusCode() / 100 == 2) {
                Matcher m = ID.matcher(answer.body());
                if (!m.find()) {
                    bad.add("2xx without an id: " + answer.body());
                    return null;
                }
                created.add(m.group(2));
                return m.group(2);
            }
            if (answer.statusCode() >= 500 || !answer.body().startsWith("{\"success\":false,\"errors\":[{\"code\":")) {
                bad.add(answer.statusCode() + " " + answer.body());
            }
            if (answer.statusCode() == 429) {
                long wait = answer.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(wait, 5) * 1000);
            }
            return null;
        } catch (IOException e) {
            bad.add(path + " " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
