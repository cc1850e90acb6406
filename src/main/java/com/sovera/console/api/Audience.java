package com.sovera.console.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who an endpoint serves, and so which credential the client attaches to it (see the contract's table). */
public enum Audience {
    /** No credential: health and login. */
    NONE,
    /** SX Customers: {@code Authorization: Bearer <session token>}. */
    SESSION,
    /** SX Connect: {@code x-api-key: <customer_secret>}. */
    OWNER_KEY,
    /** SX Users: {@code Authorization: Bearer <user token>}. */
    USER_TOKEN;

    /** Marks a {@link SovxApi} method with the audience whose credential it needs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Requires {
        Audience value();
    }

    /** Marks a {@link SovxApi} method that creates something: it always carries an {@code Idempotency-Key}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Creates {
    }

    /**
     * Marks a {@link SovxApi} method that starts or ends the account session: a POST, yet no write, so a lookups
     * desk may call it.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface SignsInOrOut {
    }
}
