package com.sovera.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-out question: a stray Space or Enter keeps the operator signed in (and a key shown once on screen). */
class DialogAskTest extends FxRobot {

    private static Stage stage;
    private Alert alert;

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new Pane(), 400, 300));
            s.show();
        });
    }

    @AfterEach
    void close() {
        interact(() -> {
            if (alert != null && alert.isShowing()) {
                alert.close();
            }
        });
    }

    @Test
    void theSafeChoiceIsTheDefaultAndHasTheFocusSoSpaceStays() {
        DialogAsk ask = new DialogAsk(() -> stage);
        interact(() -> {
            alert = ask.dialog("Owner key not confirmed", "The new owner key was shown once.",
                    List.of("Sign _out", "_Stay"));
            alert.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ButtonType stay = alert.getButtonTypes().get(1);
        Button stayButton = (Button) alert.getDialogPane().lookupButton(stay);
        Button signOut = (Button) alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0));
        Node focused = alert.getDialogPane().getScene().getFocusOwner();
        assertThat(focused).as("the button a stray key press acts on").isSameAs(stayButton);
        assertThat(stayButton.isDefaultButton()).as("Enter").isTrue();
        assertThat(signOut.isDefaultButton()).isFalse();

        type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(alert.getResult()).as("what a stray Space chose").isEqualTo(stay);
    }
}
