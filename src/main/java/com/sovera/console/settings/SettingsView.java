package com.sovera.console.settings;

import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.policy.Policy;
import com.sovera.console.ui.FieldRow;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Names;
import com.sovera.console.ui.TextSize;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Environments, timeouts, log level, idle sign-out and theme; on the embedded sandbox, training faults too. What the
 * administrator's policy pins is disabled and says so beside it.
 */
public final class SettingsView extends VBox {

    public SettingsView(SettingsViewModel model) {
        setId("settings");
        setSpacing(10);
        setPadding(new Insets(12));
        ComboBox<Environment> environments = new ComboBox<>(model.environments());
        environments.setId("settings-environment");
        environments.setConverter(com.sovera.console.ui.Converters.showing(e -> e.name()
                + (e.baseUrl() == null ? "" : "  " + e.baseUrl())));
        environments.valueProperty().bindBidirectional(model.environment);
        environments.setDisable(!model.mayChooseEnvironment());
        TextField custom = new TextField();
        custom.setId("settings-custom-url");
        custom.setPromptText("https://sovx.example.com/sovx/v1");
        custom.setPrefColumnCount(36);
        custom.textProperty().bindBidirectional(model.customUrl);
        Button add = Icons.button("A_dd environment", "fth-plus", "settings-add", model::addCustom);
        custom.setDisable(!model.mayAddEnvironments());
        add.setDisable(!model.mayAddEnvironments());
        Spinner<Integer> connect = new Spinner<>(1, 120, model.connectTimeout.get());
        connect.setId("settings-connect-timeout");
        connect.valueProperty().addListener((o, was, now) -> model.connectTimeout.set(now));
        Spinner<Integer> read = new Spinner<>(1, 600, model.readTimeout.get());
        read.setId("settings-read-timeout");
        read.valueProperty().addListener((o, was, now) -> model.readTimeout.set(now));
        ComboBox<String> level = new ComboBox<>(FXCollections.observableArrayList(model.logLevels()));
        level.setId("settings-log-level");
        level.valueProperty().bindBidirectional(model.logLevel);
        level.setDisable(!model.mayChooseLogLevel());
        Spinner<Integer> idle = new Spinner<>(0, Settings.MAX_IDLE_MINUTES, model.idleMinutes.get());
        idle.setId("settings-idle-minutes");
        idle.setEditable(true);
        idle.valueProperty().addListener((o, was, now) -> model.idleMinutes.set(now));
        model.idleMinutes.addListener((o, was, now) -> idle.getValueFactory().setValue(now.intValue()));
        idle.setDisable(!model.mayChooseIdleMinutes());
        ComboBox<String> theme = new ComboBox<>(FXCollections.observableArrayList(Settings.THEMES));
        theme.setId("settings-theme");
        theme.valueProperty().bindBidirectional(model.theme);
        theme.setConverter(com.sovera.console.ui.Converters.showing(t -> switch (t) {
            case "light" -> "Light";
            case "dark" -> "Dark";
            default -> "Follow the system";
        }));
        ComboBox<Integer> textSize = new ComboBox<>(FXCollections.observableArrayList(Settings.TEXT_SIZES));
        textSize.setId("settings-text-size");
        textSize.setConverter(com.sovera.console.ui.Converters.showing(p -> p + "%"));
        textSize.valueProperty().bindBidirectional(model.textSize);
        // applied when chosen, to see it at once; Save keeps it for the next start
        textSize.valueProperty().addListener((o, was, now) -> {
            if (now != null && getScene() != null) {
                TextSize.apply(getScene().getRoot(), now);
            }
        });
        Label textSizeNote = note("Applies at once; Save keeps it for the next start.");
        TextField blocks = new TextField();
        blocks.setId("settings-block-seconds");
        blocks.setPrefColumnCount(5);
        blocks.textProperty().bindBidirectional(model.blockSeconds);
        blocks.setDisable(!model.mayChooseBlockSeconds());
        FieldRow blocksRow = new FieldRow("Local sandbox: seconds between simulated blocks", blocks,
                "settings-block-seconds");
        blocksRow.setMessage(SettingsViewModel.BLOCK_SECONDS_NOTE, false);
        model.blockSecondsProblemProperty().addListener((o, was, now) -> blocksRow.setMessage(
                now.isEmpty() ? SettingsViewModel.BLOCK_SECONDS_NOTE : now + " " + SettingsViewModel.BLOCK_SECONDS_NOTE,
                !now.isEmpty()));
        Button save = Icons.on(new Button("_Save"), "fth-save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        custom.setAccessibleText("Base URL of an environment to add");
        // a caption beside each control: the whole form in sight on a laptop, where one under the other it was not
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(120, 220, 260), new ColumnConstraints());
        row(form, Names.caption("Environment", environments), pinned(model, environments, Policy.Item.ENVIRONMENTS,
                Policy.Item.DEFAULT_ENVIRONMENT));
        row(form, null, pinned(model, new HBox(8, custom, add), Policy.Item.CUSTOM_ENVIRONMENTS));
        row(form, Names.caption("Connect timeout (s)", connect), connect);
        row(form, Names.caption("Read timeout (s)", read), read);
        row(form, Names.caption("Log level", level), pinned(model, level, Policy.Item.MINIMUM_LOG_LEVEL));
        row(form, Names.caption("Sign out after this many minutes without input (0: never)", idle),
                pinned(model, idle, Policy.Item.IDLE_SIGN_OUT));
        row(form, Names.caption("Theme", theme), theme);
        row(form, Names.caption("Text size", textSize), new HBox(10, textSize, textSizeNote));
        form.add(blocksRow, 0, form.getRowCount(), 2, 1);
        getChildren().addAll(form, save, message);
        administered(model).ifPresent(getChildren()::add);
        if (model.training() != null) {
            getChildren().add(training(model.training()));
        }
    }

    /** A row of the form: the caption (wrapping when long), then the control. */
    private static void row(GridPane form, Label caption, Node control) {
        int row = form.getRowCount();
        if (caption != null) {
            caption.setWrapText(true);
            form.add(caption, 0, row);
        }
        form.add(control, 1, row);
    }

    /** A control with the administrator's note beside it, for each of these items the policy pins. */
    private static Node pinned(SettingsViewModel model, Node control, Policy.Item... items) {
        HBox row = new HBox(10, control);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Policy.Item item : items) {
            if (model.pinned(item)) {
                row.getChildren().add(note(model, item));
            }
        }
        return row;
    }

    /** The pinned items that have no control here: the local sandbox, training faults, the keychain, the trail, writes. */
    private static Optional<Node> administered(SettingsViewModel model) {
        VBox box = new VBox(4);
        for (Policy.Item item : new Policy.Item[] {Policy.Item.EMBEDDED_SANDBOX, Policy.Item.TRAINING_FAULTS,
                Policy.Item.KEYCHAIN, Policy.Item.AUDIT_DIRECTORY,
                Policy.Item.WRITES}) {
            if (model.pinned(item)) {
                box.getChildren().add(note(model, item));
            }
        }
        if (box.getChildren().isEmpty()) {
            return Optional.empty();
        }
        box.setId("settings-administered");
        return Optional.of(box);
    }

    private static Label note(SettingsViewModel model, Policy.Item item) {
        Label note = note(model.note(item));
        note.setId("pinned-" + item.key());
        return note;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("field-message");
        return note;
    }

    /** Arms faults on the embedded sandbox, to practise recovery: what the operator sees is what a real fault shows. */
    private static Node training(TrainingViewModel model) {
        ComboBox<String> endpoint = new ComboBox<>(model.endpoints());
        endpoint.setId("training-endpoint");
        endpoint.setAccessibleText("Endpoint to fault");
        endpoint.valueProperty().bindBidirectional(model.endpoint);
        ComboBox<String> fault = new ComboBox<>(model.faults());
        fault.setId("training-fault");
        fault.setAccessibleText("Fault to answer with");
        fault.valueProperty().bindBidirectional(model.fault);
        Spinner<Integer> times = new Spinner<>(1, 100, model.times.get());
        times.setId("training-times");
        times.setPrefWidth(80);
        times.valueProperty().addListener((o, was, now) -> model.times.set(now));
        Label armed = new Label();
        armed.setId("training-armed");
        armed.setWrapText(true);
        armed.textProperty().bind(model.armedProperty());
        Button arm = Icons.button("A_rm fault", "fth-zap", "training-arm", model::arm);
        Button clear = Icons.button("C_lear faults", "fth-x-circle", "training-clear", model::clear);
        Button refresh = Icons.on(new Button("Re_fresh"), "fth-refresh-cw");
        refresh.setOnAction(e -> model.refresh());
        Label heading = new Label("Training faults (local sandbox only)");
        heading.getStyleClass().add("section-heading");
        Label note = new Label("The next calls of the chosen endpoint answer with the fault, so you can practise"
                + " recovery. Faulty answers say [training fault]; they are never offered for another environment.");
        note.setWrapText(true);
        VBox box = new VBox(8, new Separator(), heading, note, new HBox(8, endpoint, fault, Names.caption("calls", times), times,
                arm, clear, refresh), armed);
        box.setId("training");
        return box;
    }

}
