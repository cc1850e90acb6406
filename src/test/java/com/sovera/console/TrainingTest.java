package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.config.Environment;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/** Training faults: armed from Settings on the embedded sandbox, answered by the real server, offered nowhere else. */
class TrainingTest extends ConsoleWindowFixture {

    private Node usersBanner() {
        return from(lookup("#users-list").queryAll()).lookup("#error-banner").query();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorArmsAFaultInSettingsAndPractisesRecoveringFromIt() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.NONE).open();
        clickOn("#nav-settings");
        waitUntil(() -> lookup("#training").tryQuery().isPresent());
        assertThat(text("#training-armed")).isEqualTo("No fault armed.");
        interact(() -> {
            lookup("#training-endpoint").queryAs(ComboBox.class).setValue("GET /users");
            lookup("#training-fault").queryAs(ComboBox.class).setValue("500 internal error");
        });
        clickOn("#training-arm");
        assertThat(text("#training-armed")).isEqualTo("Armed: 500 internal error on GET /users × 1");

        clickOn("#nav-users");
        waitUntil(() -> usersBanner().isVisible());
        assertThat(from(lookup("#users-list").queryAll()).lookup("#error-code").queryAs(Labeled.class).getText())
                .isEqualTo("INTERNAL_ERROR");
        assertThat(from(lookup("#users-list").queryAll()).lookup("#error-message").queryAs(Labeled.class).getText())
                .contains("[training fault]");
        assertThat(from(lookup("#users-list").queryAll()).lookup("#error-trace").queryAs(Labeled.class).getText())
                .startsWith("Trace id: ");

        clickOn("#users-list-retry"); // the fault was armed for one call: the next one answers
        waitUntil(() -> text("#users-list-total").equals("1–20 of 30")); // the banner goes as the retry starts
        assertThat(usersBanner().isVisible()).isFalse();
        assertThat(console.sandbox.training().armed()).isEmpty();
    }

    @Test
    void noOtherEnvironmentOffersTrainingFaults() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.NONE);
        console.environment = Environment.SOVERA_SANDBOX;
        console.open();
        clickOn("#nav-settings");
        waitUntil(() -> lookup("#settings-save").tryQuery().isPresent());
        assertThat(lookup("#training").tryQuery()).isEmpty();
        assertThat(lookup("#training-arm").tryQuery()).isEmpty();
    }
}
