package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The focus contract where Monocle shows it (the desktop profile checks it on a real desk): the focus goes to the
 * first field of each step, Enter acts only on valid fields and otherwise goes to the first invalid one, and the
 * country's type-ahead picks an exact code first.
 */
class FocusContractWindowTest extends ConsoleWindowFixture {

    private void start() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
    }

    private Step step() {
        return console.window.onboarding().stepProperty().get();
    }

    private String focused() {
        Node n = console.window.getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private void waitForFocus(String id) throws Exception {
        try {
            waitUntil(5, () -> id.equals(focused()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the focus is on " + focused() + ", not on " + id);
        }
    }

    private void enterAndWaitFor(Step next) throws Exception {
        type(KeyCode.ENTER);
        waitUntil(() -> step() == next);
    }

    @Test
    void eachStepOpensOnItsFirstFieldAndEnterOnAnInvalidFormGoesToTheFirstInvalidField() throws Exception {
        start();
        waitForFocus("wizard-action");
        enterAndWaitFor(Step.LOGIN);
        waitForFocus("login_email");
        enterAndWaitFor(Step.CUSTOMER);
        waitForFocus("customer_email");
        write("ops@focus.example");
        type(KeyCode.TAB);
        waitForFocus("customer_id");
        write("focus-co");
        // the entity name is missing: Enter sends nothing and takes the focus there
        type(KeyCode.ENTER);
        waitForFocus("entity_name");
        assertThat(step()).isEqualTo(Step.CUSTOMER);
        assertThat(console.activity.entries()).noneMatch(r -> r.path().endsWith("/customers")
                && "POST".equals(r.method()));
        // an invalid e-mail earlier in the form is the first invalid field
        interact(() -> lookup("#customer_email").queryAs(TextField.class).setText("not-an-email"));
        clickOn("#entity_name").write("Focus Ltd");
        type(KeyCode.ENTER);
        waitForFocus("customer_email");
        assertThat(step()).isEqualTo(Step.CUSTOMER);
        interact(() -> lookup("#customer_email").queryAs(TextField.class).setText("ops@focus.example"));
        enterAndWaitFor(Step.CREDENTIALS);
        waitForFocus("wizard-action");
        // the mint reveals the key's confirmation: the focus goes there, never to the header
        type(KeyCode.ENTER);
        waitForFocus("secret-confirm");
        String secret = console.window.onboarding().secret.get();
        write(secret.substring(secret.length() - 4));
        enterAndWaitFor(Step.USER);
        waitForFocus("email");
    }

    @Test
    void typingUsAndEnterInCountryPicksTheUnitedStatesNotAustralia() throws Exception {
        start();
        enterAndWaitFor(Step.LOGIN);
        enterAndWaitFor(Step.CUSTOMER);
        write("ops@country.example");
        type(KeyCode.TAB);
        write("country-co");
        type(KeyCode.TAB);
        write("Country Ltd");
        enterAndWaitFor(Step.CREDENTIALS);
        type(KeyCode.ENTER);
        waitForFocus("secret-confirm");
        String secret = console.window.onboarding().secret.get();
        write(secret.substring(secret.length() - 4));
        enterAndWaitFor(Step.USER);
        waitForFocus("email");
        write("grace@country.example");
        for (String value : new String[] {"Grace", "Hopper", "+12025550123", "1906-12-09"}) {
            type(KeyCode.TAB);
            write(value);
        }
        type(KeyCode.TAB);
        waitForFocus("country");
        // no match: the field says so and keeps the text
        write("Atlantis");
        type(KeyCode.ENTER);
        waitUntil(() -> text("#country-matches").startsWith("No country matches"));
        assertThat(lookup("#country").queryAs(TextField.class).getText()).isEqualTo("Atlantis");
        assertThat(step()).isEqualTo(Step.USER);
        // a name resolves on Enter (shown, not sent)
        interact(() -> lookup("#country").queryAs(TextField.class).clear());
        write("Austr");
        assertThat(text("#country-matches")).startsWith("Enter picks AU  Australia");
        type(KeyCode.ENTER);
        waitUntil(() -> "AU".equals(console.window.onboarding().input(Field.COUNTRY).get()));
        assertThat(lookup("#country").queryAs(TextField.class).getText()).isEqualTo("AU  Australia");
        assertThat(step()).isEqualTo(Step.USER);
        // the exact code: the United States, and Enter acts
        interact(() -> lookup("#country").queryAs(TextField.class).clear());
        write("US");
        assertThat(console.window.onboarding().input(Field.COUNTRY).get()).isEqualTo("US");
        enterAndWaitFor(Step.WALLET);
        assertThat(console.window.onboarding().progress().user().country()).isEqualTo("US");
        waitForFocus("name");
    }

    @Test
    void aFocusMoveToTheHeaderThatNoOperatorMadeIsTakenBackToTheView() throws Exception {
        start();
        enterAndWaitFor(Step.LOGIN);
        enterAndWaitFor(Step.CUSTOMER);
        waitForFocus("customer_email");
        // a hand-off no operator made (JavaFX moving the focus on from a control disabled, hidden or removed under
        // it, which on a desk lands on the header's Sign out: the next Space or Enter signed out) is taken back
        interact(() -> lookup("#sign-out").query().requestFocus());
        waitForFocus("customer_email");
        // the operator's own move is theirs: a click on Help keeps it there
        clickOn("#help");
        waitForFocus("help");
        type(KeyCode.ESCAPE);
    }
}
