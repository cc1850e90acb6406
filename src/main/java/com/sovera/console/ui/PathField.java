package com.sovera.console.ui;

import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A file button with a field beside it for the file's path: typed or pasted, Enter opens it, or saves to it (the
 * button still offers the native chooser, whose choice then shows in the field). A path that cannot be read as
 * one says so; a save says why it wrote nothing (see {@link TypedSave}), and the field keeps what was typed.
 */
public final class PathField extends HBox {

    private final TextField field = new TextField();

    public PathField(String id, Button button, Consumer<Path> open) {
        this(id, button);
        field.setPromptText("or type or paste a path, then Enter");
        field.setTooltip(new Tooltip("A file's path (~ is your home folder); Enter opens it"));
        Label problem = new Label("Not a path: type a file's path");
        field.setOnAction(e -> {
            e.consume();
            TypedPath.parse(field.getText(), home()).ifPresentOrElse(open, () -> fault(problem, true));
        });
        field.textProperty().addListener((o, was, now) -> fault(problem, false));
        problem.setId(id + "-message");
        problem.getStyleClass().add("field-error-text");
        problem.setGraphic(Icons.fault());
        field.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(problem.visibleProperty())
                .then(problem.textProperty()).otherwise((String) null));
        fault(problem, false);
        getChildren().add(problem);
    }

    /** The red border, and the words that say it (the red is never the only sign). */
    private void fault(Label problem, boolean shown) {
        field.getStyleClass().remove("field-error");
        if (shown) {
            field.getStyleClass().add("field-error");
        }
        problem.setVisible(shown);
        problem.setManaged(shown);
    }

    private PathField(String id, Button button) {
        super(6);
        field.setId(id);
        field.setPrefColumnCount(22);
        // read out as its button's words: "Export CSV: the file's path"
        field.setAccessibleText(button.getText().replace("_", "").replace("...", "").replace("…", "").strip()
                + ": the file's path");
        HBox.setHgrow(field, Priority.SOMETIMES);
        getChildren().addAll(field, button);
        Layouts.keepWhole(button);
    }

    /**
     * A Save button's field: Enter saves to the typed path through {@code saver}, read when Enter is pressed (what
     * to save is what was shown then), once the path was checked off the FX thread by {@code runner}. A file there
     * already is replaced only if the operator agrees through the {@link Ask} given to {@link #askThrough}. The
     * field is disabled with its button.
     */
    public static PathField forSaving(String id, Button button, TaskRunner runner, Supplier<Consumer<Path>> saver) {
        PathField path = new PathField(id, button);
        TextField field = path.field;
        field.setPromptText("or a path to save to, then Enter");
        field.setPrefColumnCount(16);
        field.setTooltip(new Tooltip("The path to save to (~ is your home folder); Enter saves"));
        field.disableProperty().bind(button.disabledProperty());
        Label problem = new Label();
        problem.setId(id + "-problem");
        problem.getStyleClass().add("field-error-text");
        problem.setGraphic(Icons.fault());
        problem.setWrapText(true); // a long folder name wraps beside the field rather than being cut
        problem.setMaxWidth(360);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        field.accessibleHelpProperty().bind(problem.textProperty());
        path.getChildren().add(problem);
        TypedSave save = new TypedSave(runner, home());
        field.setOnAction(e -> {
            e.consume();
            problem.setText("");
            save.submit(field.getText(), path.ask(), saver.get(), problem::setText);
        });
        field.textProperty().addListener((o, was, now) -> problem.setText(""));
        return path;
    }

    /** Makes {@code ask} the question a save field under {@code scope} asks before it replaces a file. */
    public static void askThrough(Node scope, Ask ask) {
        scope.getProperties().put(Ask.class, ask);
    }

    /** The nearest {@link Ask} above this field, or null where nobody can be asked. */
    private Ask ask() {
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p.getProperties().get(Ask.class) instanceof Ask ask) {
                return ask;
            }
        }
        return null;
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    /** Shows the path chosen another way (the chooser). */
    public void show(Path path) {
        field.setText(path.toString());
    }

    public TextField field() {
        return field;
    }
}
