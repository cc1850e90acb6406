package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Closing the client, as the window does when it closes, ends calls under way at once. */
class ShutdownTest {

    @Test
    void closeCancelsACallUnderWay() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{}").headersDelay(3600, TimeUnit.SECONDS).build());
            SovxClient client = MockSovx.client(server, RetryPolicy.DEFAULT);
            CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> client.api().health().execute());
            Thread.sleep(300);
            client.close();
            Throwable failure = null;
            try {
                call.get(2, TimeUnit.MINUTES); // the answer is an hour away: only the close can end the call sooner
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOf(TransportException.class);
            assertThat(((TransportException) failure).kind()).as("cancelled, not timed out")
                    .isEqualTo(TransportException.Kind.CANCELLED);
        }
    }
}
