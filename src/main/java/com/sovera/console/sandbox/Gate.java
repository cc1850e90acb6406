package com.sovera.console.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the listener hands requests to while the database opens: each waits for the pipeline, then goes through
 * it. If the sandbox could not start, every request is answered 503 with the reason, in the contract's envelope.
 */
final class Gate implements HttpHandler {

    private final CompletableFuture<Pipeline> pipeline;

    Gate(CompletableFuture<Pipeline> pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Pipeline ready;
        try {
            ready = pipeline.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            unavailable(exchange, "The local sandbox could not start: " + e.getCause().getMessage());
            return;
        } catch (TimeoutException e) {
            unavailable(exchange, "The local sandbox is still opening its database; try again in a moment.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        ready.handle(exchange);
    }

    private static void unavailable(HttpExchange exchange, String message) throws IOException {
        String trace = UUID.randomUUID().toString();
        String json = "{\"success\":false,\"errors\":[{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "'").replaceAll("\\p{Cntrl}", " ")
                + "\"}],\"meta\":{\"timestamp\":\"" + com.sovera.console.api.model.Json.TIMESTAMP.format(
                java.time.Instant.now()) + "\",\"version\":\"v1\",\"trace_id\":\"" + trace + "\"}}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Trace-Id", trace);
        exchange.sendResponseHeaders(503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }
}
