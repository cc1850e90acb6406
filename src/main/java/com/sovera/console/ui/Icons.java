package com.sovera.console.ui;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons (Ikonli) on actions: one look for the whole console, coloured by the theme's text colour. */
public final class Icons {

    private Icons() {
    }

    /** A Feather icon by its Ikonli name, e.g. {@code fth-copy}. */
    public static FontIcon of(String name) {
        FontIcon icon = new FontIcon(name);
        icon.getStyleClass().add("action-icon");
        return icon;
    }

    /** The mark beside a fault's words: the red is never the only sign (an operator may not see red). */
    public static FontIcon fault() {
        FontIcon icon = new FontIcon("fth-alert-circle");
        icon.getStyleClass().add("fault-icon");
        return icon;
    }

    /** A button with its icon, its id and what it does: how most of the console's actions are made. */
    public static javafx.scene.control.Button button(String text, String icon, String id, Runnable action) {
        javafx.scene.control.Button b = on(new javafx.scene.control.Button(text), icon);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Puts the icon on a button or label and returns it, for chaining at construction. */
    public static <T extends Labeled> T on(T labeled, String name) {
        labeled.setGraphic(of(name));
        if (labeled instanceof ButtonBase) {
            labeled.setGraphicTextGap(6);
        }
        return labeled;
    }
}
