package com.sovera.console.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A labelled input with its message underneath: the rule while typing, the fault after a failed check. */
public final class FieldRow extends VBox {

    private final Label message = new Label();
    private final Node input;

    public FieldRow(String label, Node input, String id) {
        this.input = input;
        input.setId(id);
        message.setId(id + "-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        Label caption = new Label(label);
        caption.setLabelFor(input);
        caption.setWrapText(true); // a long caption in a narrow pane goes on two lines, never cut
        setSpacing(2);
        getChildren().addAll(caption, input, message);
    }

    /** Shows a fault (red) or a hint (grey); null clears it. */
    public void setMessage(String text, boolean fault) {
        boolean faulty = fault && text != null && !text.isEmpty();
        message.setText(text == null ? "" : text);
        // a hint and a fault can read alike: the fault also has its icon, never the red alone
        message.setGraphic(faulty ? Icons.fault() : null);
        // a screen reader says the rule or the fault with the field, where the operator is
        input.setAccessibleHelp(text == null || text.isEmpty() ? null : (faulty ? "Error: " : "") + text);
        input.getStyleClass().remove("field-error");
        message.getStyleClass().remove("field-error-text");
        if (faulty) {
            input.getStyleClass().add("field-error");
            message.getStyleClass().add("field-error-text");
        }
    }

    public Node input() {
        return input;
    }
}
