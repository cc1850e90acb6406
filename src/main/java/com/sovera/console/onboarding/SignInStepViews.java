package com.sovera.console.onboarding;

import com.sovera.console.ui.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The views of the steps before the customer: the connection check, the sign-in, and signing in again. */
final class SignInStepViews {

    private SignInStepViews() {
    }

    /** The first step: which environment, and what GET /health answered. */
    static Node connectivity(StepForms kit, String environmentLine) {
        OnboardingViewModel model = kit.model;
        Label env = new Label(environmentLine);
        env.setId("connectivity-environment");
        env.setWrapText(true);
        Label result = new Label();
        result.setId("connectivity-result");
        result.textProperty().bind(model.summary(Step.CONNECTIVITY));
        return kit.form("Test connectivity", new Label("GET /health confirms the base URL answers before any"
                + " credential is used."), env, result);
    }

    /** The sign-in step, with the note the shell leaves there (why the last session ended). */
    static Node login(StepForms kit, Label loginNote) {
        loginNote.setId("login-note");
        loginNote.setWrapText(true);
        return kit.form("Log in", loginNote, kit.text("E-mail", Field.LOGIN_EMAIL),
                kit.text("Password", Field.PASSWORD), new Label("The session token is kept in memory only."));
    }

    /** After a 401: the password again, then the step is retried with what the form holds now. */
    static Node signInAgain(OnboardingViewModel model) {
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(model.reloginPassword);
        pw.setId("relogin-password");
        Button again = Icons.button("Sign in a_gain", "fth-log-in", "relogin", model::signInAgain);
        again.disableProperty().bind(model.reloginPassword.isEmpty().or(model.busyProperty()));
        VBox box = new VBox(6, new Label("The session has ended. Enter the password to sign in again; the step is"
                + " then retried with what the form holds now."), new HBox(8, pw, again));
        box.setId("relogin-bar");
        box.visibleProperty().bind(model.needsSignInProperty());
        box.managedProperty().bind(model.needsSignInProperty());
        return box;
    }
}
