package com.sovera.console.sandbox;

/** The contract's audiences, as the sandbox enforces them. */
enum Realm {
    /** No credential needed. */
    OPEN,
    /** An account session: {@code Authorization: Bearer}. */
    SESSION,
    /** A customer's owner key: {@code x-api-key}. */
    OWNER_KEY,
    /** A user token: {@code Authorization: Bearer}. */
    USER
}
