package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.AccountSession;
import com.sovera.console.session.UnconfirmedKeysFile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * A key shown once and not yet confirmed is not dropped without asking: not by switching environment, not by
 * closing the window; and when the operator leaves it anyway, the next sign-in there names it, restart or not.
 */
class KeyShownOnceWindowTest extends ConsoleWindowFixture {

    @Test
    void switchingEnvironmentOrClosingAsksFirstAndALeftKeyIsRememberedOnDisk() throws Exception {
        List<Settings> switched = new CopyOnWriteArrayList<>();
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT);
        console.switcher = switched::add;
        console.open();
        OnboardingViewModel model = console.window.onboarding();
        fire(model, Step.LOGIN);
        fire(model, Step.CUSTOMER);
        set("#customer_email", "ops@shown-once.example");
        set("#customer_id", "shown-once");
        set("#entity_name", "Shown Once Ltd");
        fire(model, Step.CREDENTIALS);
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> model.secret.get() != null);
        String key = model.secret.get();
        String lastFour = key.substring(key.length() - 4);

        // Settings: another environment, saved. The key would go with the session: the operator is asked
        interact(() -> console.window.showView("nav-settings"));
        String otherUrl = "https://staging.example/sovx/v1";
        waitUntil(() -> lookup("#settings-custom-url").tryQuery().isPresent());
        interact(() -> lookup("#settings-custom-url").queryAs(TextField.class).setText(otherUrl));
        interact(() -> lookup("#settings-add").queryButton().fire());
        chooseCustomEnvironment();
        Platform.runLater(() -> lookup("#settings-save").queryButton().fire()); // the question waits for an answer
        DialogPane asked = question();
        assertThat(asked.getHeaderText()).as("it says what it is doing").isEqualTo("Switch to staging.example?");
        assertThat(asked.getContentText()).contains("ending in " + lastFour)
                .contains("Switching to staging.example takes it off the screen").doesNotContain("Sign");
        assertThat(options(asked)).containsExactly("Switch", "Stay");
        answer(asked, "Stay");
        assertThat(switched).as("the operator stayed: no switch").isEmpty();
        assertThat(model.secret.get()).as("the key still on screen").isEqualTo(key);

        // closing the window asks the same: staying keeps it open
        AtomicReference<Boolean> mayClose = new AtomicReference<>();
        Platform.runLater(() -> mayClose.set(console.window.mayClose()));
        DialogPane closing = question();
        assertThat(closing.getHeaderText()).isEqualTo("Close the console?");
        assertThat(closing.getContentText()).contains("ending in " + lastFour)
                .contains("Closing the console takes it off the screen").doesNotContain("Sign");
        assertThat(options(closing)).containsExactly("Close", "Stay");
        answer(closing, "Stay");
        waitUntil(() -> mayClose.get() != null);
        assertThat(mayClose.get()).isFalse();

        // back to Settings later (it shows what was saved) and saved again; this time the key goes: the switch
        interact(() -> console.window.showView("nav-users"));
        interact(() -> console.window.showView("nav-settings"));
        waitUntil(() -> lookup("#settings-save").tryQuery().isPresent());
        assertThat(lookup("#settings-environment").queryAs(ComboBox.class).getValue()).as("the saved choice shown")
                .extracting(e -> ((Environment) e).kind()).isEqualTo(Environment.Kind.CUSTOM);
        Platform.runLater(() -> lookup("#settings-save").queryButton().fire());
        answer(question(), "Switch");
        waitUntil(() -> switched.size() == 1);
        assertThat(switched.get(0).environment().kind()).isEqualTo(Environment.Kind.CUSTOM);
        mayClose.set(null);
        Platform.runLater(() -> mayClose.set(console.window.mayClose()));
        answer(question(), "Close");
        waitUntil(() -> mayClose.get() != null);
        assertThat(mayClose.get()).isTrue();
        console.close();
        console = null;
        UnconfirmedKeysFile remembered = new UnconfirmedKeysFile(AppDirs.under(home).data()
                .resolve("unconfirmed-keys.json"), Environment.EMBEDDED_SANDBOX.id());
        assertThat(remembered.load()).containsExactly(new AccountSession.MintedKey("shown-once", lastFour));
    }

    private void fire(OnboardingViewModel model, Step next) throws Exception {
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> model.stepProperty().get() == next);
    }

    private void set(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().isPresent());
        interact(() -> lookup(id).queryAs(TextField.class).setText(value));
    }

    @SuppressWarnings("unchecked")
    private void chooseCustomEnvironment() {
        interact(() -> {
            ComboBox<Environment> box = lookup("#settings-environment").queryAs(ComboBox.class);
            box.getItems().stream().filter(e -> e.kind() == Environment.Kind.CUSTOM).findFirst()
                    .ifPresent(box::setValue);
        });
    }

    /** The question about the key, once shown. */
    private DialogPane question() throws Exception {
        AtomicReference<DialogPane> found = new AtomicReference<>();
        waitUntil(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene().getRoot() instanceof DialogPane pane
                        && pane.getContentText() != null && pane.getContentText().contains("shown once")) {
                    found.set(pane);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The question's buttons, as read (without their mnemonics' underscores). */
    private static List<String> options(DialogPane asked) {
        return asked.getButtonTypes().stream().map(t -> t.getText().replace("_", "")).toList();
    }

    private void answer(DialogPane asked, String option) {
        interact(() -> asked.getButtonTypes().stream()
                .filter(t -> t.getText().replace("_", "").equals(option)).findFirst()
                .map(t -> (Button) asked.lookupButton(t)).orElseThrow().fire());
    }
}
