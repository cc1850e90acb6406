package com.sovera.console.api;

import com.sovera.console.api.model.Session;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The credentials of this console session, one per audience, held in memory only. The client reads them to
 * attach the right header to each endpoint; nothing else ever builds an auth header.
 */
public final class Credentials {

    private final AtomicReference<Session> session;
    private final AtomicReference<String> ownerKey = new AtomicReference<>();
    private final AtomicReference<Session> userToken = new AtomicReference<>();
    private final Redactor redactor;

    /** @param session the account session's slot, shared by the clients of one environment */
    Credentials(Redactor redactor, AtomicReference<Session> session) {
        this.redactor = redactor;
        this.session = session;
    }

    AtomicReference<Session> sessionSlot() {
        return session;
    }

    /** The account session from login; null to sign out. */
    public void useSession(Session value) {
        remember(value);
        session.set(value);
    }

    /** The customer's owner key ({@code customer_secret}); null to forget it. */
    public void useOwnerKey(String customerSecret) {
        redactor.remember(customerSecret);
        ownerKey.set(customerSecret);
    }

    /** A user token for the SX Users endpoints; null to forget it. */
    public void useUserToken(Session value) {
        remember(value);
        userToken.set(value);
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session.get());
    }

    public boolean hasOwnerKey() {
        return ownerKey.get() != null;
    }

    /** True when the owner key held ends with these characters (a key's listed last four), without showing it. */
    public boolean ownerKeyEndsWith(String lastFour) {
        String key = ownerKey.get();
        return key != null && lastFour != null && !lastFour.isEmpty() && key.endsWith(lastFour);
    }

    public Optional<Session> userToken() {
        return Optional.ofNullable(userToken.get());
    }

    /** Forgets everything, the shared session included: sign-out. */
    public void clear() {
        session.set(null);
        ownerKey.set(null);
        userToken.set(null);
    }

    String ownerKey() {
        return ownerKey.get();
    }

    private void remember(Session value) {
        if (value != null) {
            redactor.remember(value.token());
        }
    }

    @Override
    public String toString() {
        return "Credentials[session=" + (session.get() != null) + ", ownerKey=" + hasOwnerKey()
                + ", userToken=" + (userToken.get() != null) + "]";
    }
}
