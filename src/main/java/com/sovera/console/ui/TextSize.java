package com.sovera.console.ui;

import javafx.scene.Node;

/**
 * The text size chosen in Settings, as a style class on the window's root ({@code text-125}, {@code text-150}): the
 * stylesheet sets the root's font size, and every control sized in the theme's em follows.
 */
public final class TextSize {

    private static final String[] CLASSES = {"text-125", "text-150"};

    private TextSize() {
    }

    /** Shows the window under {@code root} at {@code percent} (100, 125 or 150; anything else is 100). */
    public static void apply(Node root, int percent) {
        root.getStyleClass().removeAll(CLASSES);
        if (percent == 125 || percent == 150) {
            root.getStyleClass().add("text-" + percent);
        }
    }
}
