package com.sovera.console.settings;

import com.sovera.console.api.BaseUrl;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.platform.LogLevels;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Environments, timeouts and log level, saved in the config directory; on the embedded sandbox, training faults
 * too.
 */
public final class SettingsView extends VBox {

    private Settings settings;
    private final ComboBox<Environment> environments = new ComboBox<>();
    private final Label message = new Label();

    /** @param training the embedded sandbox's training faults, or null where there are none (any other server) */
    public SettingsView(SettingsStore store, Settings loaded, Consumer<Settings> saved, TrainingFaults training) {
        this.settings = loaded;
        setId("settings");
        setSpacing(10);
        setPadding(new Insets(12));
        environments.setId("settings-environment");
        environments.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : e.name() + (e.baseUrl() == null ? "" : "  " + e.baseUrl());
            }

            @Override
            public Environment fromString(String s) {
                return null;
            }
        });
        refreshEnvironments();
        TextField custom = new TextField();
        custom.setId("settings-custom-url");
        custom.setPromptText("https://sovx.example.com/sovx/v1");
        custom.setPrefColumnCount(36);
        Button add = com.sovera.console.ui.Icons.on(new Button("A_dd environment"), "fth-plus");
        add.setId("settings-add");
        add.setOnAction(e -> {
            try {
                String url = BaseUrl.check(custom.getText());
                settings = settings.withCustom(url);
                refreshEnvironments();
                custom.clear();
                message.setText("Added " + url + ". Custom environments are treated as production.");
            } catch (IllegalArgumentException ex) {
                message.setText(ex.getMessage());
            }
        });
        Spinner<Integer> connect = new Spinner<>(1, 120, settings.connectTimeoutSeconds());
        connect.setId("settings-connect-timeout");
        Spinner<Integer> read = new Spinner<>(1, 600, settings.readTimeoutSeconds());
        read.setId("settings-read-timeout");
        ComboBox<String> level = new ComboBox<>(FXCollections.observableArrayList("ERROR", "WARN", "INFO", "DEBUG",
                "TRACE"));
        level.setId("settings-log-level");
        level.setValue(settings.logLevel());
        ComboBox<String> theme = new ComboBox<>(FXCollections.observableArrayList(Settings.THEMES));
        theme.setId("settings-theme");
        theme.setValue(settings.theme());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "" : switch (t) {
                    case "light" -> "Light";
                    case "dark" -> "Dark";
                    default -> "Follow the system";
                };
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        Button save = com.sovera.console.ui.Icons.on(new Button("_Save"), "fth-save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            Environment chosen = environments.getValue();
            settings = settings.withEnvironment(chosen == null ? settings.environmentId() : chosen.id())
                    .withTimeouts(connect.getValue(), read.getValue()).withLogLevel(level.getValue())
                    .withTheme(theme.getValue());
            try {
                store.save(settings);
                LogLevels.set(settings.logLevel());
                message.setText("Saved. The theme and log level apply now; a new environment or timeout at the next"
                        + " start.");
                saved.accept(settings);
            } catch (RuntimeException ex) {
                message.setText(ex.getMessage());
            }
        });
        message.setId("settings-message");
        message.setWrapText(true);
        getChildren().addAll(new Label("Environment"), environments, new HBox(8, custom, add),
                new Label("Connect timeout (s)"), connect, new Label("Read timeout (s)"), read,
                new Label("Log level"), level, new Label("Theme"), theme, save, message);
        if (training != null) {
            getChildren().add(trainingSection(training));
        }
    }

    /** Arms faults on the embedded sandbox, to practise recovery: what the operator sees is what a real fault shows. */
    private static Node trainingSection(TrainingFaults training) {
        ComboBox<String> endpoint = new ComboBox<>(FXCollections.observableArrayList(training.endpoints()));
        endpoint.setId("training-endpoint");
        endpoint.setValue(training.endpoints().get(0));
        ComboBox<String> fault = new ComboBox<>(FXCollections.observableArrayList(training.faults()));
        fault.setId("training-fault");
        fault.setValue(training.faults().get(0));
        Spinner<Integer> times = new Spinner<>(1, 100, 1);
        times.setId("training-times");
        times.setPrefWidth(80);
        Label armed = new Label();
        armed.setId("training-armed");
        armed.setWrapText(true);
        Runnable show = () -> armed.setText(training.armed().isEmpty() ? "No fault armed."
                : "Armed: " + String.join("; ", training.armed()));
        Button arm = com.sovera.console.ui.Icons.on(new Button("A_rm fault"), "fth-zap");
        arm.setId("training-arm");
        arm.setOnAction(e -> {
            training.arm(endpoint.getValue(), fault.getValue(), times.getValue());
            show.run();
        });
        Button clear = com.sovera.console.ui.Icons.on(new Button("_Clear faults"), "fth-x-circle");
        clear.setId("training-clear");
        clear.setOnAction(e -> {
            training.clear();
            show.run();
        });
        Button refresh = com.sovera.console.ui.Icons.on(new Button("Re_fresh"), "fth-refresh-cw");
        refresh.setOnAction(e -> show.run());
        show.run();
        Label heading = new Label("Training faults (local sandbox only)");
        heading.getStyleClass().add("section-heading");
        Label note = new Label("The next calls of the chosen endpoint answer with the fault, so you can practise"
                + " recovery. Faulty answers say [training fault]; they are never offered for another environment.");
        note.setWrapText(true);
        VBox box = new VBox(8, new Separator(), heading, note, new HBox(8, endpoint, fault, new Label("calls"), times,
                arm, clear, refresh), armed);
        box.setId("training");
        return box;
    }

    private void refreshEnvironments() {
        environments.getItems().setAll(settings.environments());
        environments.getItems().stream().filter(e -> e.id().equals(settings.environmentId())).findFirst()
                .ifPresent(environments::setValue);
    }
}
