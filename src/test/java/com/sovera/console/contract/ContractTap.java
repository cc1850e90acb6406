package com.sovera.console.contract;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okio.Buffer;

/**
 * Holds what goes over a wire to {@link OpenApiContract}: answers always, requests when asked. Put on a client
 * as a network interceptor, or handed exchanges made by other means; {@link #assertClean()} at the end names
 * every exchange the document does not describe.
 */
public final class ContractTap implements Interceptor {

    private final boolean requests;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private int exchanges;

    /**
     * @param requests true for a client's side: its requests must be ones the document allows; false for a
     *                 server's side: any request may come, and the answer must fit what the document says of it
     */
    public ContractTap(boolean requests) {
        this.requests = requests;
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        okhttp3.Request request = chain.request();
        Buffer body = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(body);
        }
        OpenApiContract.Request seen = new OpenApiContract.Request(request.method(), target(request.url()),
                withContentType(request.headers().toMultimap(), request.body()), body.readByteArray());
        okhttp3.Response response = chain.proceed(request);
        byte[] answer = response.peekBody(Long.MAX_VALUE).bytes();
        check(seen, new OpenApiContract.Response(response.code(), response.headers().toMultimap(), answer));
        return response;
    }

    /** A request only (a MockWebServer's recorded one): the client's side of a wire test. */
    public void checkRequest(OpenApiContract.Request request) {
        count();
        problems.addAll(OpenApiContract.get().checkRequest(request));
    }

    /** An exchange made with the JDK's client, as a test sends raw requests. */
    public void check(HttpRequest request, String body, HttpResponse<String> response) {
        String target = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                : "?" + request.uri().getRawQuery());
        check(new OpenApiContract.Request(request.method(), target, request.headers().map(),
                        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)),
                new OpenApiContract.Response(response.statusCode(), response.headers().map(),
                        response.body().getBytes(StandardCharsets.UTF_8)));
    }

    public void check(OpenApiContract.Request request, OpenApiContract.Response response) {
        count();
        if (requests) {
            problems.addAll(OpenApiContract.get().checkRequest(request));
            problems.addAll(OpenApiContract.get().checkResponse(request, response));
        } else {
            problems.addAll(OpenApiContract.get().checkServer(request, response));
        }
    }

    private synchronized void count() {
        exchanges++;
    }

    public synchronized int exchanges() {
        return exchanges;
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Fails with every problem seen, if any. */
    public void assertClean() {
        List<String> seen = problems();
        if (!seen.isEmpty()) {
            throw new AssertionError(seen.size() + " exchange problem(s) by docs/openapi.yaml:\n  "
                    + String.join("\n  ", seen.subList(0, Math.min(seen.size(), 30))));
        }
    }

    private static String target(okhttp3.HttpUrl url) {
        return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    }

    /** OkHttp adds Content-Type from the body after network interceptors run: put it where the server sees it. */
    private static Map<String, List<String>> withContentType(Map<String, List<String>> headers, okhttp3.RequestBody body) {
        if (body == null || body.contentType() == null || headers.keySet().stream()
                .anyMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            return headers;
        }
        Map<String, List<String>> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(headers);
        all.put("Content-Type", List.of(body.contentType().toString()));
        return all;
    }
}
