package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * One Idempotency-Key, three requests: the first fails and stores nothing while the second waits for the key;
 * a third arrives while the second is creating. It must wait for the second and replay its answer: one create.
 * The order is forced with latches and by watching where the server's threads wait, never by sleeping.
 */
class IdempotencyLockTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    private final CountDownLatch firstIn = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final CountDownLatch secondIn = new CountDownLatch(1);
    private final CountDownLatch releaseSecond = new CountDownLatch(1);
    private final CountDownLatch thirdIn = new CountDownLatch(1);

    /** The endpoint: the first call fails as a database hiccup would, the next ones create. */
    private Reply create(SandboxRequest request) throws java.sql.SQLException {
        int n = calls.incrementAndGet();
        if (n == 1) {
            firstIn.countDown();
            await(releaseFirst);
            throw new java.sql.SQLException("connection lost (test)");
        }
        if (n == 2) {
            secondIn.countDown();
            await(releaseSecond);
        } else {
            thirdIn.countDown();
        }
        creates.incrementAndGet();
        return Reply.created(Map.of("id", "object-" + n));
    }

    @Test
    void aKeyWhoseFirstAttemptFailedStillCreatesOnceUnderARace() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> new Thread(r, "idem-lock-" + r.hashCode()));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        try (Database db = Database.open(null)) {
            Clock clock = Clock.systemUTC();
            Route route = Route.of("POST", "/things", Realm.OPEN, true, Route.Idempotency.STORED, this::create);
            http.createContext("/", new Pipeline(List.of(route), new Auth(db, clock),
                    new RateLimiter(100, Duration.ofMinutes(1), clock), new IdempotencyStore(db, clock), clock));
            http.setExecutor(threads);
            http.start();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getAddress().getPort()
                            + "/sovx/v1/things"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "one-key")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build();

            var first = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            await(firstIn);
            var second = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            waitUntil(IdempotencyLockTest::aRequestWaitsForItsKey, "the second request waits for the key");
            releaseFirst.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
            await(secondIn);

            var third = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            waitUntil(() -> thirdIn.getCount() == 0 || aRequestWaitsForItsKey(),
                    "the third request waits for the key, or (wrongly) runs beside the second");
            releaseSecond.countDown();
            HttpResponse<String> created = second.get(30, TimeUnit.SECONDS);
            HttpResponse<String> replayed = third.get(30, TimeUnit.SECONDS);

            assertThat(creates.get()).as("objects created for one key").isEqualTo(1);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(replayed.statusCode()).isEqualTo(201);
            assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(replayed.body()).isEqualTo(created.body());
        } finally {
            releaseFirst.countDown();
            releaseSecond.countDown();
            http.stop(0);
            threads.shutdownNow();
        }
    }

    /** A server thread parked in the pipeline's idempotency step, not inside the endpoint: it waits for a key. */
    private static boolean aRequestWaitsForItsKey() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("idem-lock-"))
                .filter(e -> e.getKey().getState() == Thread.State.BLOCKED
                        || e.getKey().getState() == Thread.State.WAITING)
                .map(e -> Arrays.asList(e.getValue()))
                .anyMatch(stack -> stack.stream().anyMatch(f -> f.getClassName().equals(Pipeline.class.getName())
                        && f.getMethodName().equals("idempotent"))
                        && stack.stream().noneMatch(f -> f.getClassName().startsWith(IdempotencyLockTest.class.getName())));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("a step of the race did not happen in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
