package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A handler that fails unexpectedly: the client sees a 500 envelope with a trace id, the log sees the cause. */
class InternalErrorTest {

    @Test
    void aFailureIsA500WithATraceIdAndNothingElse() throws Exception {
        Logger pipelineLog = (Logger) LoggerFactory.getLogger(Pipeline.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        pipelineLog.addAppender(log);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        try (Database db = Database.open(null)) {
            Clock clock = Clock.systemUTC();
            Route failing = Route.of("GET", "/boom", Realm.OPEN, false, Route.Idempotency.NONE, request -> {
                throw new java.sql.SQLException("Syntax error in SQL statement SELECT password_hash FROM accounts");
            });
            http.createContext("/", new Pipeline(List.of(failing), new Auth(db, clock), new RateLimiter(100, java.time.Duration.ofMinutes(1), clock),
                    new IdempotencyStore(db, clock), clock));
            http.start();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/sovx/v1/boom")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("SQL")
                    .doesNotContain("password_hash").doesNotContain("Exception");
            String traceId = r.headers().firstValue("X-Trace-Id").orElseThrow();
            assertThat(r.body()).contains("\"trace_id\":\"" + traceId + "\"").contains("quote trace id " + traceId);
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains(traceId);
                assertThat(e.getThrowableProxy().getMessage()).contains("Syntax error");
            });
        } finally {
            http.stop(0);
            pipelineLog.detachAppender(log);
        }
    }
}
