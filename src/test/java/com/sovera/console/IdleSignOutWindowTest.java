package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.config.Settings;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.task.ManualScheduler;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The idle sign-out in the real window over the real sandbox, its minutes moved by hand: what the operator finds on
 * coming back, and that their own input in the window keeps them signed in.
 */
class IdleSignOutWindowTest extends ConsoleWindowFixture {

    private final ManualScheduler time = new ManualScheduler();

    private OnboardingViewModel open(int idleMinutes) throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT);
        console.settings = Settings.DEFAULTS.withIdleSignOutMinutes(idleMinutes);
        console.scheduler = time;
        console.clock = time.clock(Instant.now());
        console.open();
        return console.window.onboarding();
    }

    private void idleFor(Duration d) {
        interact(() -> time.advance(d));
    }

    private void act(OnboardingViewModel wizard, Step next) throws Exception {
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> wizard.stepProperty().get() == next);
    }

    /** Fills a field the quick way: what is tested is what happens to it, not typing. */
    private void type(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> lookup(id).queryAs(javafx.scene.control.TextInputControl.class).setText(value));
    }

    private boolean signedIn() {
        return !text("#header-account").equals("Not signed in");
    }

    @Test
    void comingBackTheOperatorFindsTheKeyGoneWhatTheyTypedKeptAndSignsInToContinue() throws Exception {
        OnboardingViewModel wizard = open(10);
        act(wizard, Step.LOGIN);
        act(wizard, Step.CUSTOMER);
        type("#customer_email", "ops@idle.example");
        type("#customer_id", "idle-desk");
        type("#entity_name", "Idle Desk Ltd");
        act(wizard, Step.CREDENTIALS);
        interact(() -> lookup("#wizard-action").queryButton().fire()); // mint the owner key
        waitUntil(() -> wizard.secret.get() != null);

        idleFor(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(signedIn()).isTrue();
        assertThat(lookup("#idle-notice").query().isVisible()).isFalse();

        idleFor(Duration.ofSeconds(1));
        waitUntil(() -> !signedIn());
        assertThat(lookup("#idle-notice").query().isVisible()).isTrue();
        assertThat(text("#idle-notice")).startsWith("Signed out after 10 minutes without input");
        assertThat(wizard.secret.get()).as("the minted key is off the screen and out of memory").isNull();
        assertThat(lookup("#secret-value").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
        assertThat(console.client.credentials().session()).isEmpty();
        assertThat(console.client.credentials().hasOwnerKey()).isFalse();
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.LOGIN);
        assertThat(wizard.input(Field.CUSTOMER_EMAIL).get()).isEqualTo("ops@idle.example");
        assertThat(journal()).as("what was typed and created is journaled").contains("idle-desk")
                .contains("ops@idle.example").doesNotContain(DemoAccount.PASSWORD);

        type("#password", DemoAccount.PASSWORD);
        act(wizard, Step.CUSTOMER);
        assertThat(signedIn()).isTrue();
        assertThat(lookup("#idle-notice").query().isVisible()).as("signed in again: the notice goes").isFalse();
        assertThat(wizard.progress().customerCreated()).as("the customer made before stays made").isTrue();
        act(wizard, Step.CREDENTIALS);
    }

    private String journal() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(home.resolve("data"))) {
            StringBuilder all = new StringBuilder();
            for (java.nio.file.Path f : files.filter(p -> p.getFileName().toString().startsWith("onboarding"))
                    .toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        }
    }

    @Test
    void mouseAndKeyboardInTheWindowKeepTheOperatorSignedIn() throws Exception {
        OnboardingViewModel wizard = open(10);
        act(wizard, Step.LOGIN);
        act(wizard, Step.CUSTOMER);
        idleFor(Duration.ofMinutes(9));
        moveTo("#nav-activity").moveBy(12, 3);
        idleFor(Duration.ofMinutes(9));
        assertThat(signedIn()).as("9 minutes since the mouse moved").isTrue();
        press(KeyCode.SHIFT).release(KeyCode.SHIFT);
        idleFor(Duration.ofMinutes(9));
        assertThat(signedIn()).as("9 minutes since a key was pressed").isTrue();
        idleFor(Duration.ofMinutes(1));
        waitUntil(() -> !signedIn());
    }
}
