package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generated malformed and adversarial requests (methods, paths, headers, bodies, filters, encodings, oversized
 * values) against the sandbox: no 5xx, no hang, errors in the contract's envelope, and a database without
 * half-made objects afterwards. {@code mvn verify} sends 3,000 (a quarter of a minute of CPU: ten thousand took
 * more than the suite could spare); {@code mvn -Preliability verify} sends 40,000. {@code -Dfuzz.requests=N} and
 * {@code -Dfuzz.seed=S} vary either.
 */
class SandboxFuzzTest {

    private static final Integer REQUESTS = Integer.getInteger("fuzz.requests");
    private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    private static final int THREADS = 8;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private String session;
    private String ownerKey;
    private String customerId;
    private String userId;
    private String walletId;

    @Test
    void threeThousandHostileRequestsGetNoServerErrorNoHangAndLeaveNoHalfMadeObject() throws Exception {
        fuzz(REQUESTS != null ? REQUESTS : 3_000);
    }

    @Test
    @Tag("long")
    void fortyThousandHostileRequestsGetNoServerErrorNoHangAndLeaveNoHalfMadeObject() throws Exception {
        fuzz(REQUESTS != null ? REQUESTS : 40_000);
    }

    private void fuzz(int requests) throws Exception {
        try (Sandbox sandbox = new Sandbox(SandboxConfig.inMemory().withDemoUsers(20)
                .withRateLimit(10_000_000, Duration.ofMinutes(1)))) {
            setUp(sandbox);
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED + t);
                runs.add(pool.submit(() -> {
                    while (sent.get() < requests) {
                        String outcome = fire(sandbox, random);
                        if (outcome == null) {
                            continue; // not sendable by this client: generated again
                        }
                        sent.incrementAndGet();
                        statuses.computeIfAbsent(outcome.substring(0, 3), k -> new AtomicInteger()).incrementAndGet();
                        if (outcome.startsWith("5") || outcome.startsWith("HNG") || outcome.startsWith("ENV")
                                || outcome.startsWith("CLS")) {
                            bad.add(outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("FUZZ %d requests in %d ms with %d threads (seed %d); statuses %s%n", sent.get(),
                    millis, THREADS, SEED, new java.util.TreeMap<>(statuses));

            assertThat(sent.get()).isGreaterThanOrEqualTo(requests);
            assertThat(bad).as("5xx answers, hangs, connections closed unanswered, or errors outside the envelope").isEmpty();
            assertConsistent(sandbox);
            // and it still serves its operator
            assertThat(sandbox.send("GET", "/users/" + userId, null, "x-api-key", ownerKey).statusCode())
                    .isEqualTo(200);
        }
    }

    private void setUp(Sandbox sandbox) throws Exception {
        customerId = "fuzz-" + UUID.randomUUID().toString().substring(0, 6);
        try (var client = sandbox.newCustomer(customerId)) {
            session = client.credentials().session().orElseThrow().token();
            ownerKey = client.api().createCredentials(customerId, null).execute().customerSecret();
            userId = client.api().createUser(Sandbox.user("fuzz@x.example"), null).execute().userId();
            walletId = client.api().createWallet(userId, new com.sovera.console.api.model.NewWallet("F", "BTC"),
                    null).execute().walletId();
        }
    }

    /** One generated request; returns "STATUS what" or null when this client could not send it. */
    private String fire(Sandbox sandbox, Random random) {
        if (random.nextInt(10) == 0) {
            return raw(sandbox, random);
        }
        if (random.nextInt(6) == 0) {
            return create(sandbox, random);
        }
        String method = pick(random, "GET", "GET", "GET", "GET", "POST", "POST", "POST", "POST", "POST", "PUT",
                "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO");
        String path = path(random) + query(random);
        String body = method.equals("GET") && random.nextInt(4) != 0 ? null : body(random);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + path))
                    .timeout(Duration.ofSeconds(15))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(bytes(body, random)));
            headers(request, random);
        } catch (IllegalArgumentException unsendable) {
            return null;
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            String what = status + " " + method + " " + path;
            if (status >= 400 && !method.equals("HEAD") && !(answer.body().startsWith("{\"success\":false,\"errors\":[{"
                    + "\"code\":\"") && answer.body().contains("\"trace_id\":\""))) {
                return "ENV " + what + " answered " + abbreviate(answer.body());
            }
            return what;
        } catch (HttpTimeoutException e) {
            return "HNG " + method + " " + path;
        } catch (IOException e) {
            // the server may close on an oversized body after answering 413; anything else is a fault
            return body != null && body.length() > 64 * 1024 ? "413 closed " + method : "CLS " + e + " " + path;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A create that is nearly right (right route and credential, a valid or slightly spoiled body). */
    private String create(Sandbox sandbox, Random random) {
        String user = "{\"user_type\":\"individual\",\"email\":\"c" + random.nextInt(1_000_000)
                + "@x.example\",\"first_name\":\"A\",\"last_name\":\"B\",\"phone\":\"+15551234567\","
                + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}";
        String[] target = switch (random.nextInt(3)) {
            case 0 -> new String[] {"/users", user};
            case 1 -> new String[] {"/users/" + userId + "/wallets", "{\"name\":\"W" + random.nextInt(99)
                    + "\",\"currency\":\"" + pick(random, "BTC", "ETH", "USDC", "DOGE") + "\"}"};
            default -> new String[] {"/wallets/" + walletId + "/address", "{\"currency\":\"BTC\",\"network\":\""
                    + pick(random, "bitcoin-testnet", "bitcoin-testnet", "bitcoin", "ethereum-sepolia") + "\"}"};
        };
        String body = random.nextInt(4) == 0 ? target[1].substring(0, random.nextInt(target[1].length()))
                : target[1];
        try {
            HttpResponse<String> answer = sandbox.send("POST", target[0], body, "Content-Type", "application/json",
                    "x-api-key", ownerKey, "Idempotency-Key", random.nextInt(3) == 0 ? "shared-" + random.nextInt(5)
                            : UUID.randomUUID().toString());
            return answer.statusCode() + " create " + target[0];
        } catch (IOException e) {
            return "CLS create " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String path(Random random) {
        String id = pick(random, userId, walletId, customerId, UUID.randomUUID().toString(), "", "..", "%2e%2e",
                "%00", "x".repeat(random.nextInt(3) == 0 ? 5000 : 40), "%E2%98%83", "'%3B%20DROP%20TABLE%20users%3B--",
                "%25", "null", "-1", "9".repeat(30), "%ZZ".replace("%ZZ", "%25ZZ"), "a%2Fb");
        String template = pick(random, "/health", "/auth/login", "/auth/logout", "/customers", "/customers/{c}",
                "/customers/{c}/credentials", "/customers/{c}/users/{u}/token", "/users", "/users/{u}",
                "/users/{u}/wallets", "/wallets", "/wallets/{w}", "/wallets/{w}/address", "/wallets/{w}/addresses",
                "/addresses", "/me", "/me/wallets", "/", "/../../etc/passwd", "/users/{u}/{u}/{u}", "//users",
                "/USERS", "/users/", "/nothing/here");
        return template.replace("{c}", random.nextBoolean() ? customerId : id)
                .replace("{u}", random.nextBoolean() ? userId : id).replace("{w}", random.nextBoolean() ? walletId : id);
    }

    private static String query(Random random) {
        int n = random.nextInt(4);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? "?" : "&");
            String name = pick(random, "filter%5Blimit%5D", "filter%5Bskip%5D", "filter%5Bsort%5D",
                    "filter%5Bwhere%5D%5Bemail%5D", "filter%5Bwhere%5D%5Bemail%5D%5Blike%5D",
                    "filter%5Bwhere%5D%5Bstatus%5D", "filter%5Bwhere%5D%5Bnope%5D", "filter%5B%5D", "filter",
                    "filter%5Bwhere%5D%5Bcreated_at%5D%5Bgt%5D", "x", "filter%5Blimit%5D%5B0%5D");
            String value = pick(random, "10", "-1", "0", "100000000000", "abc", "1e3", "%25", "%25chen%25",
                    "email%20DESC", "created_at%20ASC,email%20DESC", "nope%20UP", "PENDING", "pending",
                    "'%20OR%201=1--", "%00", "%E2%98%83".repeat(random.nextInt(50) + 1), "", "9".repeat(40));
            q.append(name).append('=').append(value);
        }
        return q.toString();
    }

    private String body(Random random) {
        String valid = pick(random,
                "{\"email\":\"operator@sandbox.sovx.test\",\"password\":\"wrong\"}",
                "{\"email\":\"f@x.example\",\"customer_id\":\"fz-" + random.nextInt(1000) + "\",\"entity_name\":\"E\"}",
                "{\"user_type\":\"individual\",\"email\":\"u" + random.nextInt(100_000) + "@x.example\","
                        + "\"first_name\":\"A\",\"last_name\":\"B\",\"phone\":\"+15551234567\","
                        + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}",
                "{\"name\":\"W\",\"currency\":\"BTC\"}",
                "{\"currency\":\"ETH\",\"network\":\"ethereum-sepolia\"}");
        return switch (random.nextInt(15)) {
            case 0, 12, 13, 14 -> valid;
            case 1 -> valid.substring(0, random.nextInt(valid.length())); // cut short
            case 2 -> valid.replaceFirst("\"[^\"]*\"(,|\\})", "12345$1"); // a number for a string
            case 3 -> valid.replace("}", ",\"extra\":{\"deep\":" + "[".repeat(2000) + "]".repeat(2000) + "}}");
            case 4 -> valid.replaceFirst(":\"", ":\"" + "A".repeat(random.nextBoolean() ? 70_000 : 5000));
            case 5 -> "[" + valid + "]";
            case 6 -> "null";
            case 7 -> valid.replaceFirst(":\"", ":\"\\u0000\\u202e\u2603");
            case 8 -> valid.replace("\"", "'");
            case 9 -> valid + valid;
            case 10 -> "";
            default -> valid.replaceFirst(":\"[^\"]*\"", ":null");
        };
    }

    private static byte[] bytes(String body, Random random) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 4 && random.nextInt(15) == 0) {
            utf8[random.nextInt(utf8.length)] = (byte) 0xC3; // invalid UTF-8
        }
        return utf8;
    }

    private void headers(HttpRequest.Builder request, Random random) {
        switch (random.nextInt(9)) {
            case 0, 7, 8 -> request.header("x-api-key", ownerKey);
            case 1 -> request.header("Authorization", "Bearer " + session);
            case 2 -> request.header("x-api-key", "sx_" + "A".repeat(random.nextInt(3) == 0 ? 6000 : 30));
            case 3 -> request.header("Authorization", pick(random, "Bearer", "Bearer ", "Basic Zm9vOmJhcg==",
                    "Bearer " + session + "x", "bearer " + session));
            case 4 -> {
                request.header("x-api-key", ownerKey);
                request.header("Authorization", "Bearer " + session);
            }
            default -> { }
        }
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> request.header("Content-Type", "application/json");
            case 3 -> request.header("Content-Type", pick(random, "text/plain", "application/json; charset=latin1",
                    "application/xml", "multipart/form-data; boundary=x", "APPLICATION/JSON"));
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            request.header("Idempotency-Key", pick(random, UUID.randomUUID().toString(), "same-key", " ",
                    "k".repeat(300), "ключ", "a\tb"));
        }
        if (random.nextInt(10) == 0) {
            request.header("X-Junk", "v".repeat(random.nextInt(20_000)));
        }
    }

    /** A request written on a socket: bad request lines, broken escapes, lying lengths, garbage. */
    private static String raw(Sandbox sandbox, Random random) {
        String request = pick(random,
                "GET /sovx/v1/users?filter[where][email]=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /sovx/v1/users/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /sovx/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10"
                        + "\r\nConnection: close\r\n\r\n{\"a\":1}",
                "POST /sovx/v1/customers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close"
                        + "\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "GET /sovx/v1/health HTTP/1.1\r\nHost: x\r\nX: " + "y".repeat(100) + "\r\nConnection: close\r\n\r\n",
                "\u0000\u0001\u0002 garbage\r\n\r\n",
                "GET /sovx/v1/health HTTP/9.9\r\nConnection: close\r\n\r\n",
                "GET /sovx/v1/health\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", sandbox.server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String line = answer.lines().findFirst().orElse("");
            // the JDK's HTTP server answers broken request lines itself, or closes: both fine if not a 5xx
            return line.matches("HTTP/1\\.1 \\d{3}.*") ? line.substring(9, 12) + " raw" : "000 raw closed";
        } catch (java.net.SocketTimeoutException e) {
            return "HNG raw " + request.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "000 raw " + e.getClass().getSimpleName();
        }
    }

    /** No half-made object: every wallet has its user, every address its wallet, all within one customer. */
    private static void assertConsistent(Sandbox sandbox) throws Exception {
        try (var c = sandbox.server.database().connection(); var st = c.createStatement()) {
            for (String orphans : List.of(
                    "SELECT COUNT(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.pk = u.customer_pk)",
                    "SELECT COUNT(*) FROM wallets w WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.pk = w.user_pk"
                            + " AND u.customer_pk = w.customer_pk AND u.user_id = w.user_id)",
                    "SELECT COUNT(*) FROM addresses a WHERE NOT EXISTS (SELECT 1 FROM wallets w WHERE w.pk = a.wallet_pk"
                            + " AND w.customer_pk = a.customer_pk AND w.wallet_id = a.wallet_id)",
                    "SELECT COUNT(*) FROM api_keys k WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.pk = k.customer_pk)")) {
                try (ResultSet rs = st.executeQuery(orphans)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(orphans).isZero();
                }
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
