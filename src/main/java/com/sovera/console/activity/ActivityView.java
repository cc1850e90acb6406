package com.sovera.console.activity;

import com.sovera.console.api.CallRecord;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Notices;
import com.sovera.console.ui.PathField;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The session's calls in a table: copy a trace id, export the list for support. */
public final class ActivityView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public ActivityView(ActivityViewModel model) {
        setId("activity");
        setSpacing(8);
        setPadding(new Insets(12));
        TableView<CallRecord> table = new TableView<>(model.entries());
        table.setId("activity-table");
        table.setAccessibleText("Calls of this session");
        table.getColumns().add(column("Time", r -> TIME.format(r.time()), 95));
        table.getColumns().add(column("Method", CallRecord::method, 60));
        table.getColumns().add(column("Path", CallRecord::path, 380));
        table.getColumns().add(column("Status", r -> r.cancelled() ? "Cancelled"
                : r.status() == 0 ? "—" : Integer.toString(r.status()), 75));
        table.getColumns().add(column("Latency", r -> r.latency().toMillis() + " ms", 75));
        table.getColumns().add(column("Trace id", r -> r.traceId() == null ? "" : r.traceId(), 290));
        // a cancelled call (a newer selection, a sign-out) failed nothing: its status says so, the column stays empty
        table.getColumns().add(column("Failure", r -> r.failure() == null || r.cancelled() ? "" : r.failure(), 120));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
        model.selected.addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        Button copy = Icons.on(new Button("Copy trace i_d"), "fth-copy");
        copy.setId("activity-copy-trace");
        copy.disableProperty().bind(model.selected.isNull());
        copy.setOnAction(e -> {
            String traceId = model.traceIdToCopy();
            if (traceId != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(traceId);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        Button export = Icons.on(new Button("_Export list..."), "fth-download");
        export.setId("activity-export");
        // the file's path typed beside the button: a keyboard journey never needs the native chooser
        PathField exportPath = PathField.forSaving("activity-export-path", export, model.runner(),
                () -> model::exportTo);
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("sovx-activity.csv");
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                exportPath.show(file.toPath());
                model.exportTo(Path.of(file.getPath()));
            }
        });
        Label message = new Label();
        message.setId("activity-message");
        message.textProperty().bind(model.messageProperty());
        model.messageProperty().addListener((o, was, now) -> {
            if (now.startsWith("Exported")) {
                Notices.done(this, "Export finished", now + ".");
            }
        });
        getChildren().addAll(new Label("Every API call of this session. No bodies or credentials are recorded."),
                table, new HBox(8, copy, exportPath, message));
    }

    private static TableColumn<CallRecord, String> column(String title, Function<CallRecord, String> value,
                                                          double width) {
        TableColumn<CallRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
