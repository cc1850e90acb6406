package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.BulkRun;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Skip the rows in error, Run (and why not), then the run's progress with pause, resume and cancel. */
final class RunBar extends VBox {

    RunBar(BulkViewModel model) {
        RunViewModel run = model.run();
        setSpacing(6);
        CheckBox skip = new CheckBox();
        skip.setId("bulk-skip-invalid");
        skip.setMnemonicParsing(true);
        skip.selectedProperty().bindBidirectional(model.skipInvalid);
        skip.textProperty().bind(Bindings.createStringBinding(() -> {
            int invalid = model.preview().countsProperty().get().invalid();
            return String.format("S_kip the %,d %s with errors: %s not sent, and the results list %s as "
                    + "VALIDATION_ERROR", invalid, invalid == 1 ? "row" : "rows", invalid == 1 ? "it is" : "they are",
                    invalid == 1 ? "it" : "them");
        }, model.preview().countsProperty()));
        skip.visibleProperty().bind(Bindings.createBooleanBinding(() ->
                model.preview().countsProperty().get().invalid() > 0, model.preview().countsProperty()));
        skip.managedProperty().bind(skip.visibleProperty());
        skip.disableProperty().bind(run.activeProperty());

        Button start = Icons.on(new Button("_Run"), "fth-play");
        start.setId("bulk-run");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.canRunProperty().not());
        start.setOnAction(e -> model.start());
        com.sovera.console.ui.LookupsOnly.explain(model.lookupsOnlyProperty(), start);
        Label hint = new Label();
        hint.setId("bulk-run-hint");
        hint.getStyleClass().add("field-message");
        hint.textProperty().bind(model.runHintProperty());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("bulk-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(run.fractionProperty());
        Label progressText = new Label();
        progressText.setId("bulk-progress-text");
        progressText.textProperty().bind(run.progressTextProperty());
        HBox.setHgrow(progressText, Priority.ALWAYS);
        Button pause = new Button();
        pause.setId("bulk-pause");
        pause.textProperty().bind(Bindings.when(run.stateProperty().isEqualTo(BulkRun.State.PAUSED))
                .then("Resu_me").otherwise("_Pause"));
        pause.setOnAction(e -> {
            if (run.stateProperty().get() == BulkRun.State.PAUSED) {
                run.resume();
            } else {
                run.pause();
            }
        });
        Button cancel = Icons.on(new Button("Cance_l run"), "fth-x");
        cancel.setId("bulk-cancel");
        cancel.setOnAction(e -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Requests under way are abandoned; the rows not"
                    + " done are in the results as CANCELLED. Importing the file again finishes them and creates"
                    + " nothing twice.", ButtonType.YES, ButtonType.NO);
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText("Cancel the run?");
            if (ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent()) {
                run.cancel();
            }
        });
        for (var n : new javafx.scene.Node[] {pause, cancel}) {
            n.visibleProperty().bind(run.activeProperty());
            n.managedProperty().bind(run.activeProperty());
        }
        progress.visibleProperty().bind(run.stateProperty().isNotNull());
        progress.managedProperty().bind(progress.visibleProperty());

        // the buttons first, the growing text last: Pause stays under the operator's pointer as the run goes on
        Layouts.keepWhole(start, pause, cancel);
        HBox controls = new HBox(10, start, pause, cancel, hint, progress, progressText);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(skip, controls);
    }
}
