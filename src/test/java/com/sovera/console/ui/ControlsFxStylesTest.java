package com.sovera.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * ControlsFX's stylesheets are written against Modena's colour names; under AtlantaFX each name it does not find
 * was a CSS warning in the log ("Caught java.lang.ClassCastException ... while converting value for
 * '-fx-background-color' from rule '*.custom-text-field:focused'"). The controls the console uses (the searchable
 * Country list with its filter field, notifications) are styled here as the console styles them, in both themes,
 * and JavaFX's CSS logger must have nothing to say.
 */
class ControlsFxStylesTest extends FxRobot {

    /** JavaFX's CSS warnings go to the platform logger "javafx.css" (java.util.logging by default). */
    private final Logger css = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler collect = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private SearchableComboBox<String> country;
    private TextField clearable;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void listen() {
        css.addHandler(collect);
    }

    @AfterEach
    void stopListening() throws Exception {
        css.removeHandler(collect);
        FxToolkit.cleanupStages();
        interact(() -> Theme.apply("light"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void theControlsFxControlsWeUseLogNoCssWarning(String theme) throws Exception {
        Stage stage = FxToolkit.setupStage(s -> {
            Theme.apply(theme);
            country = new SearchableComboBox<>(
                    FXCollections.observableArrayList("AU  Australia", "US  United States"));
            country.setId("country");
            clearable = TextFields.createClearableTextField();
            VBox root = new VBox(8, new Button("Before"), country, clearable);
            Scene scene = new Scene(root, 600, 400);
            scene.getStylesheets().add(Theme.class.getResource("/com/sovera/console/shell/console.css")
                    .toExternalForm());
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        interact(() -> clearable.requestFocus());
        write("text");
        interact(() -> country.show()); // its filter field (a ControlsFX CustomTextField) takes the focus
        write("US");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            country.hide();
            Notices.done(country, "Export finished", "Exported 3 calls.");
            Notices.failed(country, "Export failed", "The disk is full.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> stage.getScene().getRoot().applyCss());

        assertThat(warnings).as("CSS warnings under the %s theme", theme).isEmpty();
    }
}
