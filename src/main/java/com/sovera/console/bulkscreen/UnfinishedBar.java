package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.BulkImports;
import com.sovera.console.ui.Icons;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * An import that did not finish (the console was closed or killed mid-run), offered to resume with the
 * customer's owner key, or to discard. Shown while there is one and no run is under way.
 */
final class UnfinishedBar extends VBox {

    private static final DateTimeFormatter BEGUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    UnfinishedBar(BulkViewModel model) {
        setId("bulk-unfinished");
        getStyleClass().add("resume-bar");
        setSpacing(6);
        Label text = new Label();
        text.setId("bulk-unfinished-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.unfinished().isEmpty() ? ""
                : describe(model.unfinished().get(0), model.unfinished().size() - 1), model.unfinished()));
        PasswordField key = new PasswordField();
        key.setId("bulk-resume-key");
        key.setPrefColumnCount(28);
        key.textProperty().bindBidirectional(model.resumeKey);
        key.promptTextProperty().bind(Bindings.createStringBinding(() -> model.unfinished().isEmpty() ? ""
                : "owner key of " + model.unfinished().get(0).customerId(), model.unfinished()));
        Button resume = Icons.button("Resume _import", "fth-play", "bulk-resume", () -> model.resume(model.unfinished().get(0)));
        key.setOnAction(e -> resume.fire());
        Button discard = Icons.button("Discard...", "fth-trash-2", "bulk-discard", () -> {
            BulkImports.Unfinished u = model.unfinished().get(0);
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "What it created stays on the server; importing the"
                    + " same file again reuses it and creates nothing twice.", ButtonType.YES, ButtonType.NO);
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText("Discard the unfinished import of " + u.source() + "?");
            if (ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent()) {
                model.discard(u);
            }
        });
        javafx.beans.value.ObservableBooleanValue lookupsOnly = model.lookupsOnlyProperty();
        resume.disableProperty().bind(model.busyProperty().isNotEqualTo(BulkViewModel.Busy.NONE)
                .or(Bindings.createBooleanBinding(lookupsOnly::get, lookupsOnly)));
        key.disableProperty().bind(Bindings.createBooleanBinding(lookupsOnly::get, lookupsOnly));
        com.sovera.console.ui.LookupsOnly.explain(lookupsOnly, resume);
        HBox actions = new HBox(8, new Label("Owner key"), key, resume, discard,
                com.sovera.console.ui.LookupsOnly.reason("bulk-resume-lookups-only", lookupsOnly));
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(text, actions);
        visibleProperty().bind(Bindings.isNotEmpty(model.unfinished()).and(model.run().activeProperty().not()));
        managedProperty().bind(visibleProperty());
    }

    static String describe(BulkImports.Unfinished u, int more) {
        return String.format("An import did not finish: %s for %s, begun %s, %,d of %,d rows done. Resume it with the"
                        + " customer's owner key (the console keeps no key), or discard it.%s", u.source(),
                u.customerId(), BEGUN.format(u.startedAt()), u.rowsDone(), u.rows(),
                more > 0 ? String.format(" (%d more after this one.)", more) : "");
    }
}
