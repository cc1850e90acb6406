package com.sovera.console.session;

import com.sovera.console.api.SovxClient;
import com.sovera.console.ui.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The account session of one environment: its clients' credentials (the wizard's and the lookups', which share the
 * session), who is signed in for the header, and sign-out, which ends the session on the server, drops every
 * credential from memory and tells each screen to let go of what it showed. FX thread only.
 */
public final class SessionService {

    private final SovxClient client;
    private final SovxClient lookups;
    private final SessionState state;
    private final TaskRunner runner;
    private final List<Runnable> onSignOut = new ArrayList<>();

    public SessionService(SovxClient client, SovxClient lookups, SessionState state, TaskRunner runner) {
        this.client = client;
        this.lookups = lookups;
        this.state = state;
        this.runner = runner;
    }

    public SessionState state() {
        return state;
    }

    /** {@code action} runs at every sign-out, after the credentials are gone. */
    public void onSignOut(Runnable action) {
        onSignOut.add(action);
    }

    /** True while anything would be dropped by a sign-out: an account session, an owner key or a user token. */
    public boolean holdsCredentials() {
        return state.accountProperty().get() != null || holds(client) || holds(lookups);
    }

    private static boolean holds(SovxClient c) {
        return c.credentials().session().isPresent() || c.credentials().hasOwnerKey()
                || c.credentials().userToken().isPresent();
    }

    /**
     * Ends the session here at once (every credential dropped, every screen told) and then on the server, in the
     * background: a slow or unreachable server never keeps a secret on screen.
     */
    public void signOut() {
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

    /** Drops every credential and tells the screens, without asking the server. */
    public void forget() {
        client.credentials().clear();
        lookups.credentials().clear();
        state.signedOut();
        onSignOut.forEach(Runnable::run);
    }
}
