package com.sovera.console.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Reports every attempt to a listener: method, path, status, latency and the server's trace id. */
final class ActivityInterceptor implements Interceptor {

    private static final Pattern TRACE = Pattern.compile("\"trace_id\"\\s*:\\s*\"([^\"]{1,100})\"");
    private static final long PEEK = 64 * 1024;

    private final Consumer<CallRecord> listener;

    ActivityInterceptor(Consumer<CallRecord> listener) {
        this.listener = listener;
    }

    /** One that lists nothing: for calls repeated too often to list (a watch), named once by {@link #note}. */
    ActivityInterceptor unlisted() {
        return new ActivityInterceptor(record -> { });
    }

    /** Lists one line that is no HTTP exchange: {@code method} says what it is, {@code what} its subject. */
    void note(String method, String what) {
        listener.accept(new CallRecord(Instant.now(), method, what, 0, Duration.ZERO, null, null));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = "/" + String.join("/", request.url().pathSegments());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            listener.accept(new CallRecord(started, request.method(), path, response.code(),
                    Duration.ofNanos(System.nanoTime() - t0), traceId(response), null));
            return response;
        } catch (IOException | RuntimeException e) {
            // a cancelled call ends in whatever the closed socket threw (IOException "Canceled", SocketException):
            // only the call knows it was the console that gave up, not the network that failed
            String failure = chain.call().isCanceled() ? CallRecord.CANCELLED : e.getClass().getSimpleName();
            listener.accept(new CallRecord(started, request.method(), path, 0, Duration.ofNanos(System.nanoTime() - t0),
                    null, failure));
            throw e;
        }
    }

    private static String traceId(Response response) {
        String header = response.header("X-Trace-Id");
        if (header != null) {
            return header;
        }
        try {
            Matcher m = TRACE.matcher(response.peekBody(PEEK).string());
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
