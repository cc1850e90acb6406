package com.sovera.console.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A failed call as a red panel: what failed, the server's code and message, a copyable trace id, what next. */
public final class ErrorBanner extends VBox {

    private final Label title = new Label();
    private final Label message = new Label();
    private final Label recovery = new Label();
    private final Label trace = new Label();
    private final Button copyTrace = com.sovera.console.ui.Icons.on(new Button("Copy trace id"), "fth-copy");
    private final javafx.beans.property.ObjectProperty<Problem> problem =
            new javafx.beans.property.SimpleObjectProperty<>();
    private String traceId;

    public ErrorBanner() {
        setId("error-banner");
        getStyleClass().add("error-banner");
        setSpacing(4);
        setPadding(new Insets(8));
        title.getStyleClass().add("error-title");
        title.setGraphic(Icons.fault()); // not the red alone: an icon and words say it is an error
        // Tab reaches the banner, and a screen reader reads all of it there
        setFocusTraversable(true);
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        title.setId("error-code");
        message.setId("error-message");
        message.setWrapText(true);
        recovery.setWrapText(true);
        trace.setId("error-trace");
        copyTrace.setId("copy-trace");
        copyTrace.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(traceId);
            Clipboard.getSystemClipboard().setContent(content);
            copyTrace.setText("Copied");
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(title, message, recovery, new HBox(8, trace, gap, copyTrace));
        this.problem.addListener((o, was, now) -> render(now));
        render(null);
    }

    /** The problem shown; null hides the banner. Bind it to a view model's problem. */
    public javafx.beans.property.ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    private void render(Problem problem) {
        setVisible(problem != null);
        setManaged(problem != null);
        if (problem == null) {
            return;
        }
        title.setText(problem.title());
        message.setText(problem.message());
        recovery.setText(problem.recovery());
        traceId = problem.traceId();
        trace.setText(traceId == null ? "" : "Trace id: " + traceId);
        copyTrace.setText("Copy trace id");
        copyTrace.setVisible(traceId != null);
        setAccessibleText(java.util.stream.Stream.of("Error:", problem.title(), problem.message(),
                problem.recovery(), trace.getText()).filter(s -> s != null && !s.isEmpty())
                .collect(java.util.stream.Collectors.joining(" ")));
    }
}
