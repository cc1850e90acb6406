package com.sovera.console.session;

import com.sovera.console.api.SovxClient;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.task.TaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The account session of one environment: its clients' credentials (the wizard's and the lookups', which share the
 * session), the session in force ({@link SessionState#current()}), and sign-out, which ends the session on the
 * server, drops every credential from memory, closes the session and tells each screen to let go of what it
 * showed. FX thread only.
 */
public final class SessionService {

    private final SovxClient client;
    private final SovxClient lookups;
    private final SessionState state;
    private final TaskRunner runner;
    private final SessionCalls calls;
    private final List<Runnable> onSignOut = new ArrayList<>();
    private final List<BooleanSupplier> alsoHeld = new ArrayList<>();
    private final List<Closing> closing = new ArrayList<>();
    private ConsoleAudit audit; // null: nothing recorded (a screen's test without a trail)

    /** Work of the session that has a say before it closes: a key shown once, a bulk import under way. */
    @FunctionalInterface
    public interface Closing {
        /**
         * The session is about to close as {@code end} says (asking in its words; when {@link SessionEnd#idle()},
         * by itself, with nobody to ask: decide without asking). False keeps the operator signed in.
         */
        boolean mayClose(SessionEnd end, Ask ask);
    }

    public SessionService(SovxClient client, SovxClient lookups, SessionState state, TaskRunner runner) {
        this.client = client;
        this.lookups = lookups;
        this.state = state;
        this.runner = runner;
        this.calls = new SessionCalls(client, lookups, state.runner(runner), state);
        state.onTakenOver(this::takenOver);
    }

    /** What the screens' view models make their calls through: the session's clients and its runner. */
    public SessionCalls calls() {
        return calls;
    }

    public SessionState state() {
        return state;
    }

    /**
     * Records this session's sign-outs in {@code audit} (how each came about), and names whoever is signed in as
     * the operator of the clients' entries.
     */
    public void audit(ConsoleAudit trail) {
        this.audit = trail;
        trail.operator(state.accountProperty().get());
        state.accountProperty().addListener((o, was, now) -> trail.operator(now));
    }

    /**
     * Another operator signs in over a session nobody closed (it had expired, or was left open): it ends as an idle
     * sign-out does (nobody asked, a bulk import paused), recorded as the first operator's, its keys leave every
     * client and screen, and its token is ended on the server.
     */
    private void takenOver(String account, Instant until) {
        closing.forEach(hook -> hook.mayClose(SessionEnd.IDLE, Ask.NOBODY));
        signOut(account, until != null && !until.isAfter(Instant.now())
                ? ConsoleAudit.SignOut.EXPIRED : ConsoleAudit.SignOut.ANOTHER_SIGN_IN);
    }

    /** {@code hook} is asked before every sign-out, in the order registered. */
    public void beforeClose(Closing hook) {
        closing.add(hook);
    }

    /**
     * The operator's sign-out: what has a say is asked first (a key not confirmed, a bulk import under way); false
     * when the operator chose to stay signed in.
     */
    public boolean signOut(Ask ask) {
        if (!mayClose(SessionEnd.SIGN_OUT, ask)) {
            return false;
        }
        signOut(ConsoleAudit.SignOut.OPERATOR);
        return true;
    }

    /**
     * Asks what has a say whether the session may close as {@code end} says (a sign-out, an environment switch or
     * closing the window, each in its own words): false when the operator chose to stay. A bulk import the
     * operator chose to pause or cancel is.
     */
    public boolean mayClose(SessionEnd end, Ask ask) {
        for (Closing hook : closing) {
            if (!hook.mayClose(end, ask)) {
                return false;
            }
        }
        return true;
    }

    /** The idle sign-out: nobody is asked; what has a say decides alone (a bulk import is paused). */
    public void signOutIdle() {
        closing.forEach(hook -> hook.mayClose(SessionEnd.IDLE, Ask.NOBODY));
        signOut(ConsoleAudit.SignOut.IDLE);
    }

    /** {@code action} runs at every sign-out, after the credentials are gone. */
    public void onSignOut(Runnable action) {
        onSignOut.add(action);
    }

    /**
     * A secret held outside the clients (a key pasted into a screen that is not in a client yet): a sign-out is
     * due while it is held, and {@code forget} drops it.
     */
    public void holdsAlso(BooleanSupplier held, Runnable forget) {
        alsoHeld.add(held);
        onSignOut.add(forget);
    }

    /**
     * True while anything would be dropped by a sign-out: an account session, an owner key or a user token, in a
     * client or pasted into a screen.
     */
    public boolean holdsCredentials() {
        return state.accountProperty().get() != null || holds(client) || holds(lookups)
                || alsoHeld.stream().anyMatch(BooleanSupplier::getAsBoolean);
    }

    private static boolean holds(SovxClient c) {
        return c.credentials().session().isPresent() || c.credentials().hasOwnerKey()
                || c.credentials().userToken().isPresent();
    }

    /**
     * Ends the session here at once (every credential dropped, every screen told) and then on the server, in the
     * background: a slow or unreachable server never keeps a secret on screen. Nothing is asked.
     */
    public void signOut() {
        signOut(ConsoleAudit.SignOut.OPERATOR);
    }

    private void signOut(ConsoleAudit.SignOut how) {
        signOut(state.accountProperty().get(), how);
    }

    private void signOut(String account, ConsoleAudit.SignOut how) {
        if (account != null) {
            record(account, how);
        }
        String token = client.credentials().session().map(com.sovera.console.api.model.Session::token).orElse(null);
        forget();
        if (token != null) {
            runner.run(() -> {
                client.api().endSession("Bearer " + token).execute();
                return true;
            }, ok -> { }, failure -> org.slf4j.LoggerFactory.getLogger(SessionService.class)
                    .info("The server was not told of the sign-out: {}", failure.getMessage()));
        }
    }

    /** The trail's entry for the end of {@code account}'s session, if a trail is kept. */
    private void record(String account, ConsoleAudit.SignOut how) {
        if (audit != null) {
            ConsoleAudit trail = audit;
            // recorded, not held back: a sign-out always happens (lookups and sign-in keep working without a trail)
            runner.run(() -> trail.signedOut(account, how), head -> { }, failure -> org.slf4j.LoggerFactory
                    .getLogger(SessionService.class).error("audit: the sign-out of {} could not be recorded: {}",
                            account, failure.getMessage()));
        }
    }

    /**
     * Drops every credential, closes the session (its calls cancelled, their answers dropped, its write
     * confirmation gone) and tells the screens, without asking the server.
     */
    public void forget() {
        client.credentials().clear();
        lookups.credentials().clear();
        state.signedOut();
        onSignOut.forEach(Runnable::run);
    }
}
