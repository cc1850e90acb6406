package com.sovera.console.shell;

import com.sovera.console.session.IdleSignOut;
import com.sovera.console.session.SessionService;
import com.sovera.console.ui.task.Scheduler;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;

/**
 * The idle sign-out in the window: any keyboard, mouse, scroll or touch input in it starts the idle time again, and
 * the reason for a sign-out it made stays under the header until the operator signs in again.
 */
final class IdleWatch {

    private final IdleSignOut idle;
    private final Label notice = new Label();

    IdleWatch(Node window, SessionService session, Scheduler scheduler, Clock clock, int minutes) {
        idle = new IdleSignOut(session, scheduler, clock, minutes);
        // a filter, so that input a control consumes counts too
        window.addEventFilter(InputEvent.ANY, e -> idle.input());
        notice.setId("idle-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.getStyleClass().add("resume-bar");
        notice.textProperty().bind(idle.noticeProperty());
        notice.visibleProperty().bind(idle.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
    }

    /** Where the reason for an idle sign-out is shown. */
    Node notice() {
        return notice;
    }

    void setMinutes(int minutes) {
        idle.setMinutes(minutes);
    }

    void stop() {
        idle.stop();
    }
}
