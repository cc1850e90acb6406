package com.sovera.console.help;

import com.sovera.console.ui.Icons;
import com.sovera.console.ui.PathField;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Help → Export audit trail: the days typed, the file's path typed beside a file button, Export. */
final class AuditExportDialog {

    private AuditExportDialog() {
    }

    static Alert of(AuditExportViewModel model, Window owner) {
        TextField from = day("audit-export-from", model.from);
        TextField to = day("audit-export-to", model.to);
        Button choose = new Button("_Choose file...");
        choose.setId("audit-export-choose");
        PathField path = new PathField("audit-export-path", choose, file -> model.export());
        path.field().textProperty().bindBidirectional(model.path);
        path.field().setPromptText("the file to write (type or paste a path)");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            Path typed = Path.of(model.path.get() == null ? "" : model.path.get());
            if (typed.getFileName() != null) {
                chooser.setInitialFileName(typed.getFileName().toString());
            }
            java.io.File file = chooser.showSaveDialog(choose.getScene().getWindow());
            if (file != null) {
                model.chosen(file.toPath());
            }
        });
        Button export = Icons.button("_Export", "fth-download", "audit-export-run", model::export);
        export.disableProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("audit-export-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.textProperty().bind(model.messageProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("_From (UTC day)", from), from);
        grid.addRow(1, label("_To (UTC day, included)", to), to);
        grid.addRow(2, label("File", path.field()), path);
        Label note = new Label("The entries of these days, with a first line that anchors them: the file verifies on"
                + " its own with --verify-audit.");
        note.setWrapText(true);
        note.setMaxWidth(520);
        VBox box = new VBox(10, note, grid, export, message);
        box.setId("audit-export");
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle("Export audit trail");
        alert.setHeaderText("Export audit trail");
        alert.getDialogPane().setContent(box);
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }

    private static TextField day(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(10);
        field.setPromptText("yyyy-mm-dd");
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        com.sovera.console.ui.Layouts.keepWhole(label); // beside a field that grows, it read "To (UTC day, includ..."
        return label;
    }
}
