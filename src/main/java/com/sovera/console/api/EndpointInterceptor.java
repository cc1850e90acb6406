package com.sovera.console.api;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Reads each request's {@link SovxApi} method and attaches what the contract asks for it: the credential of
 * its audience, and an {@code Idempotency-Key} on every create that does not carry one yet.
 */
final class EndpointInterceptor implements Interceptor {

    private final Credentials credentials;

    EndpointInterceptor(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Invocation invocation = request.tag(Invocation.class);
        if (invocation == null) {
            return chain.proceed(request);
        }
        Request.Builder builder = request.newBuilder();
        Audience.Requires requires = invocation.method().getAnnotation(Audience.Requires.class);
        Audience audience = requires == null ? Audience.NONE : requires.value();
        switch (audience) {
            case SESSION -> builder.header("Authorization", "Bearer " + credentials.session()
                    .orElseThrow(() -> new MissingCredentialException("Sign in first: this needs an account session."))
                    .token());
            case OWNER_KEY -> {
                String key = credentials.ownerKey();
                if (key == null) {
                    throw new MissingCredentialException(
                            "No owner key for this session: mint one in the Credentials step, or paste a customer's key.");
                }
                builder.header("x-api-key", key);
            }
            case USER_TOKEN -> builder.header("Authorization", "Bearer " + credentials.userToken()
                    .orElseThrow(() -> new MissingCredentialException("No user token: create one for the user first."))
                    .token());
            case NONE -> {
                // health and login carry no credential
            }
            default -> throw new IllegalStateException("unknown audience " + audience);
        }
        if (invocation.method().isAnnotationPresent(Audience.Creates.class)
                && request.header(SovxApi.IDEMPOTENCY_KEY) == null) {
            builder.header(SovxApi.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        }
        return chain.proceed(builder.build());
    }
}
