package com.sovera.console.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries only what is safe to repeat (GETs, and POSTs with an {@code Idempotency-Key}) on 429, 502, 503, 504
 * and connection failures: exponential backoff with full jitter, {@code Retry-After} honoured, bounded in
 * attempts and total time, and stopped at once by a cancel.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
    private static final long SLICE_MILLIS = 50;

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!isSafe(request)) {
            return chain.proceed(request);
        }
        long deadline = System.nanoTime() + policy.maxTotal().toNanos();
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            IOException failure = null;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!isRetryable(e) || chain.call().isCanceled()) {
                    throw e;
                }
                failure = e;
            }
            if (response != null && !RETRY_STATUSES.contains(response.code())) {
                return response;
            }
            Duration retryAfter = response == null ? null
                    : Failures.retryAfter(response.header("Retry-After"), java.time.Instant.now());
            Duration delay = delay(attempt, retryAfter);
            boolean outOfTime = System.nanoTime() + delay.toNanos() > deadline;
            if (attempt >= policy.maxAttempts() || outOfTime) {
                if (response != null) {
                    return response;
                }
                throw failure;
            }
            LOG.debug("{} {} failed ({}), attempt {} of {}, retrying in {} ms", request.method(),
                    request.url().encodedPath(), response != null ? "HTTP " + response.code()
                            : failure.getClass().getSimpleName(), attempt, policy.maxAttempts(), delay.toMillis());
            if (response != null) {
                response.close();
            }
            sleep(delay, chain.call());
        }
    }

    static boolean isSafe(Request request) {
        return request.method().equals("GET") || request.method().equals("HEAD")
                || request.header(SovxApi.IDEMPOTENCY_KEY) != null;
    }

    /**
     * Failures worth another try: the request may not have reached the server, or its answer not us. Not a TLS
     * failure, an unknown host or a missing credential: those fail the same way again.
     */
    private static boolean isRetryable(IOException e) {
        if (e instanceof SSLException || e instanceof MissingCredentialException || e instanceof NotSentException
                || e instanceof java.net.UnknownHostException) {
            return false;
        }
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException
                || "timeout".equals(e.getMessage());
    }

    private Duration delay(int attempt, Duration retryAfter) {
        long capMillis = Math.min(policy.maxDelay().toMillis(),
                policy.base().toMillis() * (1L << Math.min(attempt - 1, 20)));
        long jitter = capMillis <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capMillis + 1);
        if (retryAfter != null) {
            // The server said when: wait that long, plus a little jitter so many clients do not return at once.
            return retryAfter.plusMillis(Math.min(jitter, policy.base().toMillis()));
        }
        return Duration.ofMillis(jitter);
    }

    private static void sleep(Duration delay, Call call) throws IOException {
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (true) {
                if (call.isCanceled()) {
                    throw new IOException("Canceled");
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("retry wait interrupted");
        }
    }
}
