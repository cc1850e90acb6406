package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The start window an operator meets when the console cannot connect: why, the policy's problem, a way out. */
class StartWindowTest extends FxRobot {

    private static final String POLICY = "The administrator's policy file /etc/sovx-console/policy.json could not be"
            + " used: it is not valid JSON.";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void show(StartWindow window) throws Exception {
        FxToolkit.setupStage(s -> {
            s.setScene(new javafx.scene.Scene(window, 700, 400));
            s.show();
        });
    }

    @Test
    void aPolicyThatFailedClosedIsToldHereTooAndStaysAboveSettings() throws Exception {
        show(new StartWindow("Cannot start on Local sandbox (embedded): port in use", Optional.of(POLICY), true,
                () -> new Label("the settings")));
        assertThat(lookup("#start-policy-notice").queryAs(Labeled.class).getText()).isEqualTo(POLICY);
        assertThat(lookup("#start-policy-notice").query().isVisible()).isTrue();
        assertThat(lookup("#status").queryAs(Labeled.class).getText()).endsWith("port in use");
        clickOn("#start-settings");
        assertThat(lookup("the settings").tryQuery()).isPresent();
        assertThat(lookup("#start-policy-notice").query().isVisible()).isTrue();
    }

    @Test
    void withoutAProblemNoNoticeAndNoPromiseOfALocalSandboxThatIsOff() throws Exception {
        show(new StartWindow("Cannot start on files.example: unsupported scheme", Optional.empty(), false,
                () -> new Label("the settings")));
        assertThat(lookup("#start-policy-notice").query().isVisible()).isFalse();
        assertThat(lookup("Choose another environment, then Save.").tryQuery()).isPresent();
        assertThat(lookup(n -> n instanceof Labeled l && l.getText().contains("local sandbox")).tryQuery()).isEmpty();
    }
}
