package com.sovera.console.ui;

import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** A ControlsFX notification in the corner of the console's window, for long work that has finished. */
public final class Notices {

    private Notices() {
    }

    public static void done(Node from, String title, String text) {
        show(from, title, text, false);
    }

    public static void failed(Node from, String title, String text) {
        show(from, title, text, true);
    }

    private static void show(Node from, String title, String text, boolean problem) {
        if (from.getScene() == null || from.getScene().getWindow() == null) {
            return; // the view was closed meanwhile: its own message line still says it
        }
        Notifications n = Notifications.create().owner(from.getScene().getWindow()).title(title).text(text)
                .hideAfter(Duration.seconds(problem ? 12 : 6));
        if (problem) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
