package com.sovera.console.onboarding;

import com.sovera.console.api.ApiException;
import com.sovera.console.onboarding.OnboardingViewModel.KeySource;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Scheduler;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a failed step call leads to: a refused owner key sends the operator back to the credentials step; a 401
 * asks for the password and retries the step with what is typed now; a 429 counts down and retries the same step;
 * anything else is shown, on the field the server names where it names one.
 */
final class WizardRecovery {

    private final WizardContext wizard;
    private final CredentialsViewModel credentials;
    private final LoginViewModel login;
    private final Runnable retry;

    final BooleanProperty needsSignIn = new SimpleBooleanProperty();
    final IntegerProperty retryIn = new SimpleIntegerProperty();
    final StringProperty reloginPassword = new SimpleStringProperty("");
    /** The step a retry belongs to. */
    private Step retryStep;
    private Scheduler.Timer countdown;

    /** @param retry runs the step's action again (when the screen is still on the step that failed) */
    WizardRecovery(WizardContext wizard, CredentialsViewModel credentials, LoginViewModel login, Runnable retry) {
        this.wizard = wizard;
        this.credentials = credentials;
        this.login = login;
        this.retry = retry;
    }

    /** After a 401: signs in again with the password typed into the prompt, then retries the step that failed. */
    void signInAgain() {
        login.signInAgain(reloginPassword.get(), () -> {
            reloginPassword.set("");
            needsSignIn.set(false);
            retryPending();
        });
    }

    void fail(Throwable failure, Step at) {
        Problem p = Problem.of(failure);
        if (failure instanceof ApiException e && e.httpStatus() == 401 && !e.is("INVALID_CREDENTIALS")
                && usesOwnerKey(at) && !e.is("TOKEN_EXPIRED")) {
            // the owner key was refused (revoked, or another customer's): signing in again would not help
            wizard.service.client().credentials().useOwnerKey(null);
            wizard.keyAccepted.set(false);
            credentials.keySource.set(credentials.keyAtHand());
            wizard.problem.set(new Problem(p.title(), p.message(), p.code(), p.traceId(), p.field(),
                    "The owner key was refused (revoked, or not this customer's): give the credentials step another"
                            + " one; what you typed is kept."));
            wizard.summary(Step.CREDENTIALS, "The owner key was refused: get another");
            if (at != Step.CREDENTIALS) {
                wizard.step.set(Step.CREDENTIALS);
            }
            return;
        }
        if (failure instanceof ApiException e && e.httpStatus() == 401 && wizard.session.accountProperty().get() != null
                && at.ordinal() > Step.LOGIN.ordinal() && !e.is("INVALID_CREDENTIALS")) {
            retryStep = at;
            needsSignIn.set(true);
            wizard.problem.set(p);
            return;
        }
        if (failure instanceof ApiException e && e.httpStatus() == 429) {
            Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(5) : e.rateLimit().retryAfter();
            startCountdown((int) Math.max(1, wait.toSeconds()), at);
            return;
        }
        if (p.field() != null) {
            Field.named(at, p.field()).ifPresent(f -> wizard.serverFieldErrors.put(f, p.message()));
        }
        wizard.problem.set(p);
    }

    /** The step's call is sent with the owner key (the session's calls are the customer's and the mint). */
    private boolean usesOwnerKey(Step at) {
        return at == Step.USER || at == Step.WALLET || at == Step.ADDRESS
                || (at == Step.CREDENTIALS && credentials.keySource.get() != KeySource.MINT);
    }

    private void startCountdown(int seconds, Step at) {
        if (countdown != null) {
            countdown.stop();
        }
        retryStep = at;
        retryIn.set(seconds);
        wizard.status.set("Rate limited by the server: retrying in " + seconds + " s");
        countdown = wizard.scheduler.every(Duration.ofSeconds(1), () -> {
            retryIn.set(retryIn.get() - 1);
            if (retryIn.get() > 0) {
                wizard.status.set("Rate limited by the server: retrying in " + retryIn.get() + " s");
                return;
            }
            countdown.stop();
            countdown = null;
            wizard.status.set("");
            retryPending();
        });
    }

    /** Runs the step that waited, with what is typed now; nothing if the screen has moved on since. */
    private void retryPending() {
        Step pending = retryStep;
        retryStep = null;
        if (pending != null && pending == wizard.step.get()) {
            retry.run();
        }
    }

    /** The call out and any countdown stop; nothing waits for a retry any more. */
    void stop() {
        wizard.calls.cancel();
        if (countdown != null) {
            countdown.stop();
            countdown = null;
        }
        wizard.busy.set(false);
        retryIn.set(0);
        wizard.status.set("");
        needsSignIn.set(false);
        retryStep = null;
    }
}
