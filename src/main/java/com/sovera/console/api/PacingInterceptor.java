package com.sovera.console.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Holds each attempt until the {@link RateLimitPacer} lets it through, and tells it what the answer said. */
final class PacingInterceptor implements Interceptor {

    private final RateLimitPacer pacer;

    PacingInterceptor(RateLimitPacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        pacer.acquire(chain.call()::isCanceled);
        try {
            Response response = chain.proceed(chain.request());
            pacer.answered(response.code(), Failures.rateLimit(response.headers()));
            return response;
        } finally {
            pacer.released();
        }
    }
}
