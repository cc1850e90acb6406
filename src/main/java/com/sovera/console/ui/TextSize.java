package com.sovera.console.ui;

import javafx.scene.Node;

/**
 * The text size chosen in Settings, as a style class on the window's root ({@code text-125}, {@code text-150}): the
 * stylesheet sets the root's font size, and every control sized in the theme's em follows. The console's dialogs
 * take the same class on their own root ({@link OwnedWindows}).
 */
public final class TextSize {

    private static final String[] CLASSES = {"text-125", "text-150"};

    private TextSize() {
    }

    /** The text size the window under {@code root} is shown at: 100, 125 or 150. */
    public static int of(Node root) {
        for (String size : CLASSES) {
            if (root.getStyleClass().contains(size)) {
                return Integer.parseInt(size.substring("text-".length()));
            }
        }
        return 100;
    }

    /** Shows the window under {@code root} at {@code percent} (100, 125 or 150; anything else is 100). */
    public static void apply(Node root, int percent) {
        root.getStyleClass().removeAll(CLASSES);
        if (percent == 125 || percent == 150) {
            root.getStyleClass().add("text-" + percent);
        }
    }
}
