package com.sovera.console.onboarding;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.config.Environment;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.SessionService;
import com.sovera.console.session.SessionState;
import com.sovera.console.ui.task.ManualScheduler;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The wizard's view model over a real sandbox, without a window: what the tests of its rules and recovery drive.
 * Inputs are set as the view's bindings set them; the action is what the button runs.
 */
public final class Wizard implements AutoCloseable {

    public final SovxClient client;
    public final Journal journal;
    public final SessionState session = new SessionState();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final OnboardingViewModel model;
    /** Sign-out as the window does it: credentials gone, the session closed, the wizard told. */
    public final SessionService sessions;

    Wizard(SandboxServer sandbox, Path dataDir, TaskRunner runner, RetryPolicy retry) {
        this(SovxClient.builder(sandbox.baseUrl()).retryPolicy(retry).build(), dataDir, runner);
    }

    /** Over a client of the test's own making (through a faulty line, say); closed with the wizard. */
    public Wizard(SovxClient client, Path dataDir, TaskRunner runner) {
        this(client, dataDir, runner, Environment.EMBEDDED_SANDBOX);
    }

    /** In an environment of the test's choosing (a production-like one, say). */
    public Wizard(SovxClient client, Path dataDir, TaskRunner runner, Environment environment) {
        this(client, dataDir, runner, environment, com.sovera.console.provision.Provisioner.Adoptions.NONE);
    }

    /** Telling {@code adoptions} of what it adopts after a conflict, as the window tells the audit trail. */
    public Wizard(SovxClient client, Path dataDir, TaskRunner runner, Environment environment,
                  com.sovera.console.provision.Provisioner.Adoptions adoptions) {
        this.client = client;
        this.journal = new Journal(dataDir);
        sessions = new SessionService(client, client, session, runner);
        this.model = new OnboardingViewModel(sessions.calls(), journal, adoptions, scheduler, Clock.systemUTC(),
                environment);
        model.input(Field.LOGIN_EMAIL).set(DemoAccount.EMAIL);
        model.input(Field.PASSWORD).set(DemoAccount.PASSWORD);
        sessions.beforeClose(model::sessionClosing);
        sessions.holdsAlso(model::holdsKey, () -> { });
        sessions.onSignOut(model::signedOut);
    }

    /** The operator signs out (here only: the server's session is left to expire). */
    public void signOut() {
        sessions.forget();
    }

    /** Signs in again after a sign-out: the password typed again, the sign-in step's action. */
    public Wizard signedInAgain() {
        set(Field.PASSWORD, DemoAccount.PASSWORD);
        model.act();
        return this;
    }

    public Step step() {
        return model.stepProperty().get();
    }

    public void set(Field field, String value) {
        model.input(field).set(value);
    }

    /** Connectivity and sign-in. */
    public Wizard signedIn() {
        model.act();
        model.act();
        return this;
    }

    public Wizard customer(String id) {
        set(Field.CUSTOMER_EMAIL, "ops@" + id + ".example");
        set(Field.CUSTOMER_ID, id);
        set(Field.ENTITY_NAME, "Acme Payments Ltd");
        return this;
    }

    /** Mints the key and confirms it as the operator does, by its last four characters. */
    public String credentials() {
        model.act();
        String secret = model.secret.get();
        model.lastFour.set(secret.substring(secret.length() - 4));
        model.act();
        return secret;
    }

    public Wizard user(String email) {
        set(Field.USER_EMAIL, email);
        set(Field.FIRST_NAME, "Ada");
        set(Field.LAST_NAME, "Lovelace");
        set(Field.PHONE, "+442071234567");
        set(Field.DATE_OF_BIRTH, "1985-12-10");
        set(Field.COUNTRY, "GB");
        return this;
    }

    public Wizard wallet(String name) {
        set(Field.WALLET_NAME, name);
        return this;
    }

    @Override
    public void close() {
        model.dispose();
        journal.flush();
        client.close();
    }
}
