package com.sovera.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated deposit ({@code POST /sandbox/deposits}) is recorded though the embedded sandbox does not offer it
 * yet: MockWebServer stands in for the endpoint to come.
 */
class SimulatedDepositAuditTest {

    @TempDir
    Path dir;

    @Test
    void aSimulatedDepositIsRecordedWithItsIds() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json")
                    .setHeader("X-Trace-Id", "trace-dep").body("{\"success\":true,\"data\":{\"deposit_id\":\"d-1\","
                            + "\"wallet_id\":\"w-1\",\"amount\":\"0.5\"},\"meta\":{}}").build());
            String base = server.url("/sovx/v1/").toString();
            AuditTrail trail = new AuditTrail(dir, "desk-1", Clock.systemUTC());
            OkHttpClient http = new OkHttpClient.Builder()
                    .addInterceptor(AuditInterceptor.forConsole(trail, "embedded", base, () -> "ops@sovera.test"))
                    .build();
            try (Response r = http.newCall(new Request.Builder().url(base + "sandbox/deposits").post(RequestBody
                    .create("{\"wallet_id\":\"w-1\",\"amount\":\"0.5\"}", MediaType.get("application/json")))
                    .build()).execute()) {
                assertThat(r.code()).isEqualTo(201);
            }
            String line = Files.readAllLines(trail.currentFile()).get(0);
            assertThat(line).contains("\"action\":\"deposit.simulate\",\"objects\":{\"wallet_id\":\"w-1\","
                    + "\"deposit_id\":\"d-1\"},\"outcome\":\"created\",\"trace_id\":\"trace-dep\"");
            http.dispatcher().executorService().shutdown();
        }
    }
}
