package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sandbox's training faults at the wire: each answers as the real fault would, counts off, then stops. */
class TrainingFaultsTest {

    @Test
    void eachFaultAnswersAsTheRealOneAndOnlyForTheCallsArmed() throws Exception {
        try (Sandbox sandbox = Sandbox.unchecked(SandboxConfig.inMemory().withDemoUsers(0))) {
            Training training = sandbox.server.training();
            training.slowness(Duration.ofMillis(400));
            training.arm("GET /health", Training.Fault.RATE_LIMITED, 1);
            training.arm("GET /health", Training.Fault.SESSION_EXPIRED, 1);
            training.arm("GET /health", Training.Fault.INTERNAL_ERROR, 1);
            training.arm("GET /health", Training.Fault.SLOW, 1);

            HttpResponse<String> limited = sandbox.send("GET", "/health", null);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(limited.body()).contains("\"RATE_LIMITED\"").contains("[training fault]");

            HttpResponse<String> expired = sandbox.send("GET", "/health", null);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("\"TOKEN_EXPIRED\"");

            HttpResponse<String> failed = sandbox.send("GET", "/health", null);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("\"INTERNAL_ERROR\"").contains("\"trace_id\"");

            long started = System.nanoTime();
            HttpResponse<String> slow = sandbox.send("GET", "/health", null);
            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);

            assertThat(training.armed()).isEmpty();
            assertThat(sandbox.send("GET", "/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyRealEndpointsAndSensibleCountsCanBeArmedAndClearStopsThemAll() throws Exception {
        try (Sandbox sandbox = Sandbox.unchecked(SandboxConfig.inMemory().withDemoUsers(0))) {
            Training training = sandbox.server.training();
            assertThat(training.endpoints()).contains("POST /users", "GET /users", "POST /customers");
            assertThatThrownBy(() -> training.arm("GET /nowhere", Training.Fault.SLOW, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> training.arm("GET /health", Training.Fault.SLOW, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            training.arm("GET /health", Training.Fault.INTERNAL_ERROR, 5);
            training.clear();
            assertThat(sandbox.send("GET", "/health", null).statusCode()).isEqualTo(200);
        }
    }
}
