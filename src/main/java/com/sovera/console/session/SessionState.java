package com.sovera.console.session;

import com.sovera.console.ui.task.Job;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.task.Work;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The session in force ({@link AccountSession}) and what the header shows of it: who is signed in, until when, and
 * for which customer. Signing out closes the session and opens the next (empty) one. FX thread only.
 */
public final class SessionState {

    private final StringProperty account = new SimpleStringProperty();
    private final ObjectProperty<Instant> expires = new SimpleObjectProperty<>();
    private final StringProperty customerId = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<AccountSession> current = new ReadOnlyObjectWrapper<>();
    private final List<AccountSession.MintedKey> leftUnconfirmed = new ArrayList<>();
    private final UnconfirmedKeysFile remembered;
    private BiConsumer<String, Instant> takenOver = (account, until) -> { };

    /** A state that keeps the keys left unconfirmed in memory only (tests, tools). */
    public SessionState() {
        this(null);
    }

    /**
     * A state that also keeps the keys left unconfirmed in {@code remembered} (null: in memory only), so that they
     * are named at the next sign-in after a restart, a crash or a switch back from another environment.
     */
    public SessionState(UnconfirmedKeysFile remembered) {
        this.remembered = remembered;
        current.set(newSession());
    }

    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<Instant> expiresProperty() {
        return expires;
    }

    public StringProperty customerIdProperty() {
        return customerId;
    }

    /** The session in force; a new one after every sign-out. */
    public AccountSession current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<AccountSession> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * A runner whose every job belongs to the session in force when it starts: a sign-out cancels it and drops its
     * answer. For the calls a screen makes for the signed-in operator.
     */
    public TaskRunner runner(TaskRunner base) {
        return new TaskRunner() {
            @Override
            public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                return current().jobs().run(base, work, onSuccess, onFailure);
            }

            /**
             * Reports from inside work, called on the work's own threads, where the session in force cannot be read
             * (it is FX state, and may have changed since the work began): whether a report still belongs is for
             * the {@link com.sovera.console.ui.task.Latest.Round} captured when the work started, which stops when
             * its session's job is dropped.
             */
            @Override
            public void later(Runnable action) {
                base.later(action);
            }
        };
    }

    /**
     * About to sign in as {@code email} (before the new session's token is handed to a client): another operator's
     * session in force is closed first, told to {@link #onTakenOver} while its credentials are still in the
     * clients, so that it is ended everywhere (screens, clients, server), not only here.
     */
    public void signingIn(String email) {
        String before = current().account();
        if (before != null && !before.equalsIgnoreCase(email)) {
            takenOver.accept(before, expires.get());
            if (current().account() != null) {
                signedOut(); // nobody listening ended it
            }
        }
    }

    /** Signed in (or again, after the session expired): another operator's session before is closed first. */
    public void signedIn(String email, Instant until) {
        signingIn(email);
        current().signedIn(email);
        account.set(email);
        expires.set(until);
    }

    /**
     * {@code action} ends the session in force when another operator signs in over it: whose it was and until
     * when it ran (null: no end was given).
     */
    public void onTakenOver(BiConsumer<String, Instant> action) {
        takenOver = action;
    }

    /** The session closes: its calls are cancelled, its confirmation is gone, and a fresh one takes its place. */
    public void signedOut() {
        close();
        account.set(null);
        expires.set(null);
        customerId.set(null);
    }

    /**
     * Keys minted in sessions since closed whose storing was never confirmed, to name at the next sign-in; taking
     * them empties the list.
     */
    public List<AccountSession.MintedKey> takeUnconfirmedKeys() {
        List<AccountSession.MintedKey> keys = List.copyOf(leftUnconfirmed);
        leftUnconfirmed.clear();
        remember();
        return keys;
    }

    /** Keys an earlier run left unconfirmed here (read from disk off the FX thread): named at the next sign-in. */
    public void recall(List<AccountSession.MintedKey> keys) {
        keys.stream().filter(k -> !leftUnconfirmed.contains(k)).forEach(leftUnconfirmed::add);
    }

    private void close() {
        AccountSession closing = current();
        closing.close();
        closing.unconfirmedKeys().stream().filter(k -> !leftUnconfirmed.contains(k)).forEach(leftUnconfirmed::add);
        current.set(newSession());
    }

    private AccountSession newSession() {
        AccountSession session = new AccountSession();
        session.onKeysChanged(this::remember);
        return session;
    }

    /** What would be named at the next sign-in, were the console to stop now: on disk. */
    private void remember() {
        if (remembered != null) {
            List<AccountSession.MintedKey> keys = new ArrayList<>(leftUnconfirmed);
            current().unconfirmedKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            remembered.save(keys);
        }
    }
}
