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

    /** Ends the session on the server (best effort) and here (always). */
    public void signOut() {
        if (client.credentials().session().isEmpty()) {
            forget();
            return;
        }
        runner.run(() -> {
            client.api().logout().execute();
            return true;
        }, ok -> forget(), failure -> forget());
    }

    /** Drops every credential and tells the screens, without asking the server. */
    public void forget() {
        client.credentials().clear();
        lookups.credentials().clear();
        state.signedOut();
        onSignOut.forEach(Runnable::run);
    }
}
