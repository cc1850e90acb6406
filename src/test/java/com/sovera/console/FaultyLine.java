package com.sovera.console;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What lies between the console and a real server when things go wrong: a pass-through to the sandbox that, for
 * the requests a fault is aimed at, answers as a broken proxy, gateway or network would. Faults that spoil an
 * answer (cut, garbled, late) let the sandbox act first, so the console must cope with a create that happened.
 */
final class FaultyLine implements AutoCloseable {

    enum Spoil {
        NONE, READ_TIMEOUT, RESET_MID_BODY, HTML_502, MALFORMED_JSON, TRUNCATED_BODY, WRONG_SHAPE, FORBIDDEN_403,
        NOT_FOUND_404, UNAVAILABLE_503,
        /** The server acts, and its answer is held back (as when the console dies before it arrives). */
        HOLD
    }

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient forward = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private final String upstream;
    private final AtomicInteger traces = new AtomicInteger();
    private volatile Spoil spoil = Spoil.NONE;
    private volatile String method;
    private volatile String pathPattern;
    final AtomicInteger spoiled = new AtomicInteger();
    /** Every password, token and secret that crossed the line, in either direction. */
    final java.util.Set<String> secretsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile(
            "\"(password|token|customer_secret)\"\\s*:\\s*\"([^\"]+)\"");
    /** Held requests the server has already acted on. */
    final AtomicInteger acted = new AtomicInteger();

    /** @param upstreamOrigin {@code http://127.0.0.1:PORT} of the sandbox */
    FaultyLine(String upstreamOrigin) throws IOException {
        this.upstream = upstreamOrigin;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** The console's base URL through this line. */
    String baseUrl() {
        return server.url("/sovx/v1").toString();
    }

    /** Spoils every {@code method} request whose whole path matches {@code pathPattern} until {@link #heal()}. */
    void spoil(Spoil how, String method, String pathPattern) {
        this.method = method;
        this.pathPattern = pathPattern;
        this.spoil = how;
    }

    void heal() {
        spoil = Spoil.NONE;
    }

    private MockResponse answer(RecordedRequest request) {
        Spoil how = spoil;
        boolean aimed = how != Spoil.NONE && request.getMethod().equals(method)
                && request.getUrl().encodedPath().matches(pathPattern);
        if (!aimed) {
            return pass(request);
        }
        spoiled.incrementAndGet();
        return switch (how) {
            case HTML_502 -> new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                            + "</center><hr><center>nginx</center></body></html>").build();
            case FORBIDDEN_403 -> error(403, "FORBIDDEN", "This credential may not call this endpoint.");
            case NOT_FOUND_404 -> error(404, "NOT_FOUND", "There is no endpoint at this path.");
            case UNAVAILABLE_503 -> error(503, "SERVICE_UNAVAILABLE", "The service is down for maintenance.");
            case READ_TIMEOUT -> new MockResponse.Builder(pass(request)).headersDelay(3, TimeUnit.SECONDS).build();
            case RESET_MID_BODY -> new MockResponse.Builder(pass(request))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
            case TRUNCATED_BODY -> {
                MockResponse real = pass(request);
                String body = bodyOf(real);
                yield new MockResponse.Builder(real).body(body.substring(0, body.length() / 2)).build();
            }
            case MALFORMED_JSON -> new MockResponse.Builder(pass(request))
                    .body("{\"success\": true, \"data\": {\"id\": , }, }").build();
            case WRONG_SHAPE -> new MockResponse.Builder(pass(request)).code(200)
                    .body("{\"success\":true,\"data\":[1,2,3],\"meta\":{\"trace_id\":\"t\"}}").build();
            case HOLD -> {
                MockResponse real = pass(request);
                acted.incrementAndGet();
                yield new MockResponse.Builder(real).headersDelay(120, TimeUnit.SECONDS).build();
            }
            case NONE -> pass(request);
        };
    }

    private MockResponse error(int status, String code, String message) {
        String trace = "line-trace-" + traces.incrementAndGet();
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .setHeader("X-Trace-Id", trace)
                .body("{\"success\":false,\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message
                        + "\"}],\"meta\":{\"trace_id\":\"" + trace + "\"}}").build();
    }

    private MockResponse pass(RecordedRequest request) {
        Headers.Builder headers = new Headers.Builder();
        for (var h : request.getHeaders()) {
            String name = h.getFirst().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-length") && !name.equals("connection")
                    && !name.equals("accept-encoding")) {
                headers.add(h.getFirst(), h.getSecond());
            }
        }
        String apiKey = request.getHeaders().get("x-api-key");
        String bearer = request.getHeaders().get("Authorization");
        if (apiKey != null) {
            secretsSeen.add(apiKey);
        }
        if (bearer != null) {
            secretsSeen.add(bearer.replaceFirst("(?i)^Bearer\\s+", ""));
        }
        collect(request.getBody() == null ? "" : request.getBody().utf8());
        String type = request.getHeaders().get("Content-Type");
        RequestBody body = request.getMethod().equals("POST") ? RequestBody.create(
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray(),
                type == null ? null : MediaType.parse(type)) : null;
        Request call = new Request.Builder().url(upstream + request.getTarget()).headers(headers.build())
                .method(request.getMethod(), body).build();
        try (Response response = forward.newCall(call).execute()) {
            MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
            for (var h : response.headers()) {
                String name = h.getFirst().toLowerCase(java.util.Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")
                        && !name.equals("date")) {
                    answer.addHeader(h.getFirst(), h.getSecond());
                }
            }
            String text = response.body().string();
            collect(text);
            return answer.body(text).build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(599).body("upstream failed: " + e).build();
        }
    }

    private void collect(String json) {
        var m = SECRET_FIELD.matcher(json);
        while (m.find()) {
            secretsSeen.add(m.group(2));
        }
    }

    private static String bodyOf(MockResponse response) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            response.getBody().writeTo(buffer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.readUtf8();
    }

    @Override
    public void close() throws IOException {
        server.close();
        forward.dispatcher().executorService().shutdown();
        forward.connectionPool().evictAll();
    }
}
