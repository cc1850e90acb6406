package com.sovera.console.session;

import com.sovera.console.api.SovxClient;
import com.sovera.console.ui.task.TaskRunner;

/**
 * What a view model is given to make calls for the signed-in operator: the session's clients (they attach its
 * credentials) and its runner, whose every job belongs to the session in force when it starts, so that a sign-out
 * cancels it and drops its answer. A view model holds this, never a client or a runner of its own: no call it makes
 * outlives the session it was made for. Made by {@link SessionService#calls()}.
 */
public final class SessionCalls {

    private final SovxClient account;
    private final SovxClient lookups;
    private final TaskRunner runner;
    private final SessionState state;

    SessionCalls(SovxClient account, SovxClient lookups, TaskRunner runner, SessionState state) {
        this.account = account;
        this.lookups = lookups;
        this.runner = runner;
        this.state = state;
    }

    /** The account's client: its session, and the wizard's owner key (creates customers, mints and revokes keys). */
    public SovxClient account() {
        return account;
    }

    /** The lookups' client: the same session and connections, the owner key of the customer looked up. */
    public SovxClient lookups() {
        return lookups;
    }

    /** Runs work for the session in force: a sign-out cancels it and drops its answer. */
    public TaskRunner runner() {
        return runner;
    }

    /** The session in force and who is signed in (a sign-in is told to it; its write confirmation is asked of it). */
    public SessionState state() {
        return state;
    }

    @Override
    public String toString() {
        return "SessionCalls[" + account.baseUrl() + "]";
    }
}
