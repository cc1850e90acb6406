package com.sovera.console.session;

import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.JobGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * One signed-in session (or the time before one): who is signed in, the calls made for it, its write confirmation
 * and the owner keys minted in it and not yet confirmed. Made when the previous one closes; closing it cancels its
 * calls (their answers are dropped) and forgets its confirmation, so nothing of it reaches the next operator.
 * FX thread only.
 */
public final class AccountSession {

    /** A key minted for a customer in this session, named by its last four characters. */
    public record MintedKey(String customerId, String lastFour) {
        /** How it is named at the next sign-in. */
        public String describe() {
            return "Key …" + lastFour + " of " + customerId + " was minted and never confirmed.";
        }
    }

    private final JobGroup jobs = new JobGroup();
    private final List<MintedKey> unconfirmed = new ArrayList<>();
    private String account;
    private boolean writeConfirmed;
    private Runnable keysChanged = () -> { };

    AccountSession() {
    }

    /** The signed-in e-mail, or null before sign-in. */
    public String account() {
        return account;
    }

    void signedIn(String email) {
        account = email;
    }

    /** The calls made for this session. */
    public JobGroup jobs() {
        return jobs;
    }

    public boolean isOpen() {
        return !jobs.isClosed();
    }

    /**
     * True when writing may go ahead: the guard is asked at the session's first write (in production, the typed
     * host name), and its yes holds until the session closes.
     */
    public boolean mayWrite(WriteGuard guard) {
        if (!writeConfirmed && isOpen()) {
            writeConfirmed = guard.allowWrite();
        }
        return writeConfirmed && isOpen();
    }

    /** A key was minted and shown once: until {@link #keyConfirmed} it is named when the session closes. */
    public void keyMinted(String customerId, String key) {
        unconfirmed.add(new MintedKey(customerId, lastFour(key)));
        keysChanged.run();
    }

    /** The operator confirmed storing the key (or it was revoked): nothing to name any more. */
    public void keyConfirmed(String customerId, String key) {
        if (unconfirmed.remove(new MintedKey(customerId, lastFour(key)))) {
            keysChanged.run();
        }
    }

    /** A key of this customer was revoked: nothing to name. */
    public void keyRevoked(String customerId, String lastFour) {
        if (unconfirmed.remove(new MintedKey(customerId, lastFour))) {
            keysChanged.run();
        }
    }

    /** Told whenever the keys left unconfirmed change (the state keeps them on disk: a crash must not lose them). */
    void onKeysChanged(Runnable action) {
        keysChanged = action;
    }

    /** Keys minted in this session whose storing the operator never confirmed. */
    public List<MintedKey> unconfirmedKeys() {
        return List.copyOf(unconfirmed);
    }

    /** Ends the session: its calls are cancelled, its confirmation is gone. */
    void close() {
        jobs.close();
        writeConfirmed = false;
    }

    private static String lastFour(String key) {
        return key == null || key.length() < 4 ? "" : key.substring(key.length() - 4);
    }

    @Override
    public String toString() {
        return "AccountSession[" + (account == null ? "signed out" : account) + (isOpen() ? "" : ", closed") + "]";
    }
}
