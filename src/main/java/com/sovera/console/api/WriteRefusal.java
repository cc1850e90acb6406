package com.sovera.console.api;

import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * On a lookups desk, refuses every write before it leaves: anything but a read ({@code GET}, {@code HEAD}) or a
 * sign-in or sign-out ({@link Audience.SignsInOrOut}). Judged by the HTTP method rather than a list of endpoints,
 * so that an endpoint added later is refused until it is known to be harmless.
 */
final class WriteRefusal implements Interceptor {

    private final String reason;

    WriteRefusal(String reason) {
        this.reason = reason;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (isWrite(request)) {
            Invocation invocation = request.tag(Invocation.class);
            String what = invocation == null ? request.method() + " " + request.url().encodedPath()
                    : invocation.method().getName();
            throw new WritesRefusedException(reason + ": " + what + " was not sent.");
        }
        return chain.proceed(request);
    }

    static boolean isWrite(Request request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            return false;
        }
        Invocation invocation = request.tag(Invocation.class);
        return invocation == null || !invocation.method().isAnnotationPresent(Audience.SignsInOrOut.class);
    }
}
