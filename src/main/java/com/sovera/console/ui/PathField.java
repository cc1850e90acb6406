package com.sovera.console.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A file button with a field beside it for the file's path: typed or pasted, Enter opens it (the button still
 * offers the native chooser, whose choice then shows in the field). A path that cannot be read as one says so.
 */
public final class PathField extends HBox {

    private final TextField field = new TextField();
    private final javafx.scene.control.Label problem = new javafx.scene.control.Label("Not a path: type a file's path");

    public PathField(String id, Button button, Consumer<Path> open) {
        super(6);
        field.setId(id);
        field.setPromptText("or type or paste a path, then Enter");
        field.setAccessibleText("Path of the file");
        field.setPrefColumnCount(22);
        field.setTooltip(new Tooltip("A file's path (~ is your home folder); Enter opens it"));
        HBox.setHgrow(field, Priority.SOMETIMES);
        field.setOnAction(e -> {
            e.consume();
            TypedPath.parse(field.getText(), Path.of(System.getProperty("user.home")))
                    .ifPresentOrElse(open, () -> fault(true));
        });
        field.textProperty().addListener((o, was, now) -> fault(false));
        problem.setId(id + "-message");
        problem.getStyleClass().add("field-error-text");
        problem.setGraphic(Icons.fault());
        field.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(problem.visibleProperty())
                .then(problem.textProperty()).otherwise((String) null));
        fault(false);
        getChildren().addAll(field, button, problem);
        Layouts.keepWhole(button);
    }

    /** The red border, and the words that say it (the red is never the only sign). */
    private void fault(boolean shown) {
        field.getStyleClass().remove("field-error");
        if (shown) {
            field.getStyleClass().add("field-error");
        }
        problem.setVisible(shown);
        problem.setManaged(shown);
    }

    /** Shows the path chosen another way (the chooser). */
    public void show(Path path) {
        field.setText(path.toString());
    }

    public TextField field() {
        return field;
    }
}
