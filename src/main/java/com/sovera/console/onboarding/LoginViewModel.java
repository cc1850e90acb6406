package com.sovera.console.onboarding;

/** The sign-in step: the account's session, and signing in again after a 401 with the password typed then. */
final class LoginViewModel {

    private final WizardContext wizard;

    LoginViewModel(WizardContext wizard) {
        this.wizard = wizard;
    }

    void signIn() {
        String email = wizard.text(Field.LOGIN_EMAIL);
        String typed = wizard.input(Field.PASSWORD).get();
        wizard.call(() -> wizard.service.signIn(email, typed), s -> {
            wizard.session.signingIn(email); // another operator's session ends before this one is used
            wizard.service.client().credentials().useSession(s);
            wizard.session.signedIn(email, s.expires());
            wizard.input(Field.PASSWORD).set("");
            wizard.summary(Step.LOGIN, "Signed in as " + email);
            wizard.advance();
        });
    }

    /**
     * Signs in again with {@code typed}, then runs {@code then} (the step that failed); another operator's sign-in
     * ends the session before and starts from the login step as any sign-in does: the failed step was theirs.
     */
    void signInAgain(String typed, Runnable then) {
        String email = wizard.text(Field.LOGIN_EMAIL);
        wizard.call(() -> wizard.service.signIn(email, typed), s -> {
            String before = wizard.session.current().account();
            wizard.session.signingIn(email); // another operator's session ends before this one is used
            wizard.service.client().credentials().useSession(s);
            wizard.session.signedIn(email, s.expires());
            if (before == null || before.equalsIgnoreCase(email)) {
                then.run();
            } else {
                wizard.summary(Step.LOGIN, "Signed in as " + email);
                wizard.advance();
            }
        });
    }
}
