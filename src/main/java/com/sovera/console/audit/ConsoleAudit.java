package com.sovera.console.audit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;

/**
 * The trail as the console keeps it for one environment: its clients record every write on the wire (the
 * {@link #interceptor()}, the operator being whoever is signed in now), and the console records what the wire
 * cannot tell: a sign-out as it happens (by the operator, after the idle time, or for an environment switch) and the
 * switch itself. Toolkit-free; the recording methods block on the disk: call them off the FX thread.
 */
public final class ConsoleAudit {

    /** How a session ended, as {@code objects.reason} of its {@code session.sign_out} entry says. */
    public enum SignOut {
        OPERATOR("operator"), IDLE("idle"), ENVIRONMENT_SWITCH("environment_switch"), WINDOW_CLOSED("window_closed"),
        /** Another operator signed in after this session had expired. */
        EXPIRED("expired"),
        /** Another operator signed in while this session still ran (nobody signed it out). */
        ANOTHER_SIGN_IN("another_sign_in");

        private final String word;

        SignOut(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }


    private final AuditTrail trail;
    private final String environment;
    private final String baseUrl;
    private final AtomicReference<String> operator = new AtomicReference<>();

    /** @param environmentId the environment's id ({@code embedded}, {@code sovera-sandbox}, {@code custom:...}) */
    public ConsoleAudit(AuditTrail trail, String environmentId, String baseUrl) {
        this.trail = Objects.requireNonNull(trail);
        this.environment = Objects.requireNonNull(environmentId);
        this.baseUrl = Objects.requireNonNull(baseUrl);
    }

    /** The environment's id its entries name. */
    public String environment() {
        return environment;
    }

    public AuditTrail trail() {
        return trail;
    }

    /**
     * For the environment's client: every write with its outcome, a write the trail cannot record refused before
     * it goes out, sign-ins (failed ones too). The sign-out on the wire is left to {@link #signedOut}: the console
     * ends the session here first and tells the server afterwards, when nobody is signed in any more.
     */
    public Interceptor interceptor() {
        return AuditInterceptor.forConsoleSession(trail, environment, baseUrl, operator::get);
    }

    /** Who is signed in now (their e-mail), or null: the operator of the entries from here on. Any thread. */
    public void operator(String email) {
        operator.set(email);
    }

    /** Records that {@code email}'s session ended, and how. */
    public Head signedOut(String email, SignOut how) throws AuditUnavailableException {
        return trail.record(new AuditEvent(email, environment, baseUrl, "session.sign_out",
                Map.of("reason", how.word()), Outcome.SUCCEEDED, null, null));
    }

    /** Records that the console switched to {@code toEnvironmentId} here (the entry names where it came from). */
    public Head switchedFrom(String email, String fromEnvironmentId) throws AuditUnavailableException {
        return trail.record(new AuditEvent(email, environment, baseUrl, "environment.switch",
                Map.of("from", fromEnvironmentId), Outcome.SUCCEEDED, null, null));
    }

    /** Records an object adopted after a conflict (409) as reused, for the operator signed in. */
    public void adopted(String action, Map<String, String> ids) {
        trail.adopted(operator.get(), environment, baseUrl, action, ids);
    }

    /** The head of the chain (count and last hash), read from the disk. */
    public Head head() throws AuditUnavailableException {
        return trail.head();
    }

    @Override
    public String toString() {
        return "ConsoleAudit[" + trail.directory() + ", " + environment + "]";
    }
}
