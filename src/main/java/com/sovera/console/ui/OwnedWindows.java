package com.sovera.console.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every window the console's window owns (an Alert, a question of the dialog service, About, the audit trail's
 * export, the enlarged QR) takes its stylesheets and its text size as it is shown: a dialog is a scene of its own,
 * which the theme's root rule would otherwise size at 100%. Done in one place, so a dialog added later follows too.
 */
public final class OwnedWindows {

    private final Parent root;
    /** Held here, registered weakly: a console rebuilt (another environment) leaves no listener behind. */
    private final ListChangeListener<Window> shown = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::follow);
        }
    };

    private OwnedWindows(Parent root) {
        this.root = root;
        Window.getWindows().addListener(new WeakListChangeListener<>(shown));
    }

    /**
     * Makes the windows owned by the window of {@code root} follow it, for as long as the returned object is kept.
     * A window is restyled before it is sized (the list of windows changes as it starts showing), so its size
     * fits its words.
     */
    public static OwnedWindows follow(Parent root) {
        return new OwnedWindows(root);
    }

    private void follow(Window window) {
        Scene console = root.getScene();
        Scene owned = window.getScene();
        if (console == null || owned == null || owned == console || !ownedBy(window, console.getWindow())) {
            return;
        }
        for (String css : root.getStylesheets()) {
            if (!owned.getStylesheets().contains(css)) {
                owned.getStylesheets().add(css);
            }
        }
        TextSize.apply(owned.getRoot(), TextSize.of(root));
    }

    private static boolean ownedBy(Window window, Window console) {
        for (Window w = window; w instanceof Stage s; w = s.getOwner()) {
            if (s.getOwner() == console && console != null) {
                return true;
            }
        }
        return false;
    }
}
