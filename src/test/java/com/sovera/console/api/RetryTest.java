package com.sovera.console.api;

import static com.sovera.console.api.MockSovx.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(20));
    private static final String HEALTH = "{\"status\":\"ok\",\"uptime\":1}";

    private MockWebServer server;
    private com.sovera.console.contract.ContractTap contract;
    private SovxClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        contract = MockSovx.checkRequests(server);
        server.start();
        client = MockSovx.client(server, FAST);
        client.credentials().useOwnerKey("owner-key-value-000000000000000");
        client.credentials().useSession(new Session("session-token-value", Instant.now().plusSeconds(600)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        contract.assertClean();
    }

    private static MockResponse status(int code) {
        return json(code, MockSovx.error("E" + code, "try later", null));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndThenSucceeds() {
        server.enqueue(new MockResponse.Builder(status(429)).setHeader("Retry-After", "1").build());
        server.enqueue(json(200, HEALTH));

        long started = System.nanoTime();
        assertThat(client.api().health().execute().isOk()).isTrue();
        long waited = (System.nanoTime() - started) / 1_000_000;

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waited).as("waited for Retry-After").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aPostWithoutAnIdempotencyKeyIsNeverRetried() {
        server.enqueue(status(503));
        server.enqueue(json(200, "{\"token\":\"t\"}"));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.api().login(new LoginRequest("a@b.co", "password1")).execute());

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreateIsRetriedWithTheSameIdempotencyKey() throws Exception {
        server.enqueue(status(503));
        server.enqueue(json(201, MockSovx.envelope("{\"user_id\":\"u-1\"}")));

        NewUser user = new NewUser("individual", "a@b.co", "A", "B", "+12345678901", "1990-01-01", "US");
        assertThat(client.api().createUser(user, null).execute().userId()).isEqualTo("u-1");

        String first = server.takeRequest().getHeaders().get("Idempotency-Key");
        String second = server.takeRequest().getHeaders().get("Idempotency-Key");
        assertThat(first).isNotBlank().isEqualTo(second);
    }

    @Test
    void attemptsAreBounded() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(502));
        }
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.api().health().execute());
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(server.getRequestCount()).isEqualTo(FAST.maxAttempts());
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetIsNotWaitedFor() throws Exception {
        server.enqueue(new MockResponse.Builder(status(429)).setHeader("Retry-After", "3600").build());
        // an hour asked for, beyond the policy's 20 s: the 429 is the answer, with nothing waited
        Throwable failure = failureOf(client.api().health());
        assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("E429");
            assertThat(e.rateLimit().retryAfter()).isEqualTo(Duration.ofHours(1));
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /**
     * How a call ended, run beside the test. The waits these tests are about are an hour long: a call still out
     * after two minutes fails the test (a TimeoutException) rather than holding the build for that hour.
     */
    private static Throwable failureOf(ApiCall<?> call) throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(call::execute);
        try {
            running.get(2, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aDroppedConnectionOnAGetIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, HEALTH));
        assertThat(client.api().health().execute().isOk()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void otherErrorsAreNotRetried() {
        server.enqueue(status(500));
        server.enqueue(json(200, HEALTH));
        catchThrowableOfType(ApiException.class, () -> client.api().health().execute());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancellingStopsTheWaitAtOnce() throws Exception {
        // a policy that waits out an hour's Retry-After: only the cancel can end this call in time
        RetryPolicy patient = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofHours(2));
        try (SovxClient waiting = MockSovx.client(server, patient)) {
            server.enqueue(new MockResponse.Builder(status(429)).setHeader("Retry-After", "3600").build());
            ApiCall<?> call = waiting.api().health();
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(call::cancel);
            Throwable failure = failureOf(call);
            assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
            assertThat(server.getRequestCount()).as("no second attempt").isEqualTo(1);
        }
    }
}
