package com.sovera.console.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a request's path, query and body, refusing what is badly encoded, too large or not JSON. */
final class RequestReader {

    static final int MAX_BODY = 64 * 1024;
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private RequestReader() {
    }

    /** The decoded segments after the base path; anything outside it, or badly encoded, is a 404. */
    static List<String> segments(String rawPath) {
        String base = Pipeline.BASE_PATH;
        if (rawPath == null || !(rawPath.equals(base) || rawPath.startsWith(base + "/"))) {
            throw new SandboxError(404, "NOT_FOUND", "There is no endpoint at this path; the API lives under "
                    + base + ".", null);
        }
        String rest = rawPath.substring(base.length());
        List<String> segments = new ArrayList<>();
        for (String raw : rest.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(percentDecode(raw));
            }
        }
        return segments;
    }

    private static String percentDecode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SandboxError(404, "NOT_FOUND", "There is no endpoint at this path.", null);
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (query.put(name, value) != null && name.startsWith("filter")) {
                    throw SandboxError.validation(name.length() > 60 ? name.substring(0, 60) : name,
                            "a filter parameter appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw SandboxError.validation("query", "the query string is not correctly percent-encoded");
            }
        }
        return query;
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long seen = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                seen += n;
                if (seen <= MAX_BODY) {
                    buffer.write(chunk, 0, n);
                } else if (seen > DRAIN_LIMIT) {
                    break; // not worth reading on: answer and let the connection close
                }
            }
        }
        if (seen > MAX_BODY) {
            // Read (a while) past the limit, so that the client is listening when the 413 arrives.
            exchange.getResponseHeaders().set("Connection", "close");
            throw tooLarge();
        }
        return buffer.toByteArray();
    }

    private static SandboxError tooLarge() {
        return new SandboxError(413, "PAYLOAD_TOO_LARGE", "The body is over " + MAX_BODY / 1024 + " KiB.", null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new SandboxError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type:"
                    + " application/json.", null);
        }
        try {
            if (!(JsonBody.read(body) instanceof Map<?, ?> object)) {
                throw invalidJson("the body must be a JSON object");
            }
            return (Map<String, Object>) object;
        } catch (JsonBody.NotJson e) {
            throw invalidJson(e.getMessage());
        }
    }

    private static SandboxError invalidJson(String why) {
        return new SandboxError(400, "INVALID_JSON", "Invalid JSON: " + why + ".", null);
    }
}
