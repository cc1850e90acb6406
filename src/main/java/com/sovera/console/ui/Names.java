package com.sovera.console.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

/**
 * Accessible names: what Narrator or VoiceOver says when the focus reaches a control. A control with a caption
 * beside it is named by the caption ({@link #caption}); one whose prompt text stands for its caption (a filter
 * field) is named by its prompt ({@link #byPrompt}).
 */
public final class Names {

    private Names() {
    }

    /** Gives the node its spoken name and returns it, for chaining at construction. */
    public static <T extends Node> T named(T node, String name) {
        node.setAccessibleText(name);
        return node;
    }

    /** A caption that names the control it stands beside (mnemonic underscores parsed, as on any label). */
    public static Label caption(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    /** Names a field by the words it shows while empty: the prompt is its only caption. */
    public static <T extends TextInputControl> T byPrompt(T field) {
        field.accessibleTextProperty().bind(field.promptTextProperty());
        return field;
    }

    /** Names a combo box (or date picker) by its prompt, which is its only caption. */
    public static <T extends ComboBoxBase<?>> T byPrompt(T box) {
        box.accessibleTextProperty().bind(box.promptTextProperty());
        return box;
    }
}
