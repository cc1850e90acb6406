package com.sovera.console.session;

import com.sovera.console.api.SovxClient;
import com.sovera.console.ui.task.TaskRunner;

/**
 * A session for a view model's test, made as the window makes it ({@link SessionService#calls()}): its calls run
 * through {@code base} and belong to the session in force, so a sign-out of the test's state ends them.
 */
public final class Sessions {

    private Sessions() {
    }

    /** One client for everything (the lookups' and the account's). */
    public static SessionCalls calls(SovxClient client, TaskRunner base) {
        return calls(client, client, base);
    }

    public static SessionCalls calls(SovxClient account, SovxClient lookups, TaskRunner base) {
        return calls(account, lookups, new SessionState(), base);
    }

    /** In {@code state}, which the test signs in and out. */
    public static SessionCalls calls(SovxClient account, SovxClient lookups, SessionState state, TaskRunner base) {
        return new SessionService(account, lookups, state, base).calls();
    }
}
