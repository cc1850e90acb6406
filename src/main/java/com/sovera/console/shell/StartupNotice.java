package com.sovera.console.shell;

import javafx.scene.control.Label;

/**
 * The notice under the header of what an operator must hear of: a settings file or journal that was corrupt and set
 * aside, a sandbox that could not start. Notices add up; hidden while there is none.
 */
final class StartupNotice extends Label {

    StartupNotice() {
        setId("startup-notice");
        setWrapText(true);
        getStyleClass().add("resume-bar");
        setMaxWidth(Double.MAX_VALUE);
    }

    /** Adds a notice (none if {@code text} is null). */
    void show(String text) {
        if (text != null) {
            setText(getText() == null || getText().isEmpty() ? text : getText() + " " + text);
        }
        setVisible(!getText().isEmpty());
        setManaged(isVisible());
    }
}
