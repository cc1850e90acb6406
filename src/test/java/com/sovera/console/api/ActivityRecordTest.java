package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.Health;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * What the Activity list records of a call that got no answer: a call the console cancelled (a newer selection,
 * a sign-out, a closed window) reads "Cancelled", never as a failure of the network ("IOException",
 * "SocketException"); a call that really failed still names its failure. Wire cases: a real server cannot be made
 * to hold an answer while the client gives up, so MockWebServer holds it.
 */
class ActivityRecordTest {

    private final List<CallRecord> records = new CopyOnWriteArrayList<>();

    private SovxClient client(MockWebServer server) {
        return SovxClient.builder(server.url("/sovx/v1").toString()).retryPolicy(RetryPolicy.NONE)
                .activity(records::add).build();
    }

    @Test
    void aCallCancelledWhileWaitingForItsAnswerIsRecordedAsCancelled() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{}").headersDelay(3600, TimeUnit.SECONDS).build());
            try (SovxClient client = client(server)) {
                ApiCall<Health> call = client.api().health();
                CompletableFuture<Health> answer = CompletableFuture.supplyAsync(call::execute);
                server.takeRequest(30, TimeUnit.SECONDS); // the request is on the wire, its answer an hour away
                call.cancel();
                assertThat(answer).failsWithin(30, TimeUnit.SECONDS);
                awaitRecords(1);
            }
        }
        CallRecord record = records.get(0);
        assertThat(record.path()).isEqualTo("/sovx/v1/health");
        assertThat(record.status()).isZero();
        assertThat(record.failure()).isEqualTo("Cancelled");
        assertThat(record.cancelled()).isTrue();
    }

    @Test
    void aCallEndedByClosingTheClientIsRecordedAsCancelled() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{}").headersDelay(3600, TimeUnit.SECONDS).build());
            SovxClient client = client(server);
            CompletableFuture<Health> answer = CompletableFuture.supplyAsync(() -> client.api().health().execute());
            server.takeRequest(30, TimeUnit.SECONDS);
            client.close(); // as the window's close and a switch of environment do
            assertThat(answer).failsWithin(30, TimeUnit.SECONDS);
            awaitRecords(1);
        }
        assertThat(records.get(0).failure()).isEqualTo("Cancelled");
    }

    @Test
    void aConnectionThatFailsIsStillRecordedAsAFailure() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start();
        String url = server.url("/sovx/v1").toString();
        server.close(); // nothing listens there any more
        try (SovxClient client = SovxClient.builder(url).retryPolicy(RetryPolicy.NONE).activity(records::add)
                .build()) {
            CompletableFuture<Health> answer = CompletableFuture.supplyAsync(() -> client.api().health().execute());
            assertThat(answer).failsWithin(30, TimeUnit.SECONDS);
            awaitRecords(1);
        }
        assertThat(records.get(0).cancelled()).isFalse();
        assertThat(records.get(0).failure()).isEqualTo("ConnectException");
    }

    private void awaitRecords(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (records.size() < count && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(records).hasSize(count);
    }
}
