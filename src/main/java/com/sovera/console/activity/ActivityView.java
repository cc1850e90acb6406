package com.sovera.console.activity;

import com.sovera.console.api.CallRecord;
import com.sovera.console.session.ActivityLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    private final TableView<CallRecord> table = new TableView<>();
    private final Label message = new Label();

    public ActivityView(ActivityLog log) {
        setId("activity");
        setSpacing(8);
        setPadding(new Insets(12));
        table.setId("activity-table");
        table.setItems(log.entries());
        table.getColumns().add(column("Time", r -> TIME.format(r.time())));
        table.getColumns().add(column("Method", CallRecord::method));
        table.getColumns().add(column("Path", CallRecord::path));
        table.getColumns().add(column("Status", r -> r.status() == 0 ? "—" : Integer.toString(r.status())));
        table.getColumns().add(column("Latency", r -> r.latency().toMillis() + " ms"));
        table.getColumns().add(column("Trace id", r -> r.traceId() == null ? "" : r.traceId()));
        table.getColumns().add(column("Failure", r -> r.failure() == null ? "" : r.failure()));
        double[] widths = {95, 60, 380, 55, 75, 290, 120};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        Button copy = com.sovera.console.ui.Icons.on(new Button("Copy _trace id"), "fth-copy");
        copy.setId("activity-copy-trace");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> {
            CallRecord r = table.getSelectionModel().getSelectedItem();
            if (r != null && r.traceId() != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(r.traceId());
                Clipboard.getSystemClipboard().setContent(content);
                message.setText("Trace id copied.");
            }
        });
        Button export = com.sovera.console.ui.Icons.on(new Button("_Export list..."), "fth-download");
        export.setId("activity-export");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("sovx-activity.csv");
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                exportTo(Path.of(file.getPath()));
            }
        });
        message.setId("activity-message");
        getChildren().addAll(new Label("Every API call of this session. No bodies or credentials are recorded."),
                table, new HBox(8, copy, export, message));
    }

    /** Selects and shows one call, as a search for its trace id does. */
    public void select(CallRecord record) {
        table.getSelectionModel().select(record);
        table.scrollTo(record);
        message.setText("Trace id " + record.traceId());
    }

    /** Exports what the table lists, off the FX thread. */
    public void exportTo(Path file) {
        java.util.List<CallRecord> rows = java.util.List.copyOf(table.getItems());
        javafx.concurrent.Task<Void> write = new javafx.concurrent.Task<>() {
            @Override
            protected Void call() throws IOException {
                ActivityLog.export(rows, file);
                return null;
            }
        };
        write.setOnSucceeded(e -> {
            message.setText("Exported " + rows.size() + " calls to " + file.getFileName());
            com.sovera.console.ui.Notices.done(this, "Export finished", message.getText() + ".");
        });
        write.setOnFailed(e -> message.setText("Could not export: " + write.getException().getMessage()));
        Thread worker = new Thread(write, "activity-export");
        worker.setDaemon(true);
        worker.start();
    }

    private static TableColumn<CallRecord, String> column(String title,
                                                          java.util.function.Function<CallRecord, String> value) {
        TableColumn<CallRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }
}
