package com.sovera.console.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Sends an answer with its trace id, after reading what is left of the request so the connection can go on. */
final class ResponseWriter {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private ResponseWriter() {
    }

    static void write(HttpExchange exchange, int status, byte[] body, boolean replayed, String traceId)
            throws IOException {
        write(exchange, status, body, replayed, traceId, JSON_TYPE);
    }

    static void write(HttpExchange exchange, int status, byte[] body, boolean replayed, String traceId,
                      String mediaType) throws IOException {
        var headers = exchange.getResponseHeaders();
        drainRequest(exchange);
        headers.set("Content-Type", mediaType);
        headers.set("X-Trace-Id", traceId);
        if (replayed) {
            headers.set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Reads what is left of a request body the answer did not need (a refused request, a body on a GET), so the
     * connection can carry the next request; a body too large to skip closes it, and the answer says so.
     */
    private static void drainRequest(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] chunk = new byte[8192];
            long skipped = 0;
            for (int n; (n = in.read(chunk)) > 0; ) {
                skipped += n;
                if (skipped > 2L * RequestReader.MAX_BODY) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
    }
}
