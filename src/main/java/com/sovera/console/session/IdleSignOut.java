package com.sovera.console.session;

import com.sovera.console.ui.task.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the console out after some minutes without input, so that a desk left alone holds no session, owner key or
 * secret on the clipboard: what the Sign out button does ({@link SessionService#signOut()}: the screens drop what
 * they showed, typed input stays journaled), and a notice that says why, until the operator signs in again.
 * Input only notes the time, since it comes with every mouse move; one timer on the injected scheduler looks at the
 * clock when the limit could have passed. FX thread only.
 */
public final class IdleSignOut {

    private static final Logger LOG = LoggerFactory.getLogger(IdleSignOut.class);

    private final SessionService session;
    private final Scheduler scheduler;
    private final Clock clock;
    private final StringProperty notice = new SimpleStringProperty("");
    private Duration limit = Duration.ZERO;
    private Instant lastInput;
    private Scheduler.Timer timer;

    /** @param minutes minutes without input before signing out; 0 never signs out */
    public IdleSignOut(SessionService session, Scheduler scheduler, Clock clock, int minutes) {
        this.session = session;
        this.scheduler = scheduler;
        this.clock = clock;
        session.state().accountProperty().addListener((o, was, now) -> {
            if (now != null) {
                notice.set(""); // signed in again: the reason is old news
            }
        });
        setMinutes(minutes);
    }

    /** A new limit (Settings saved), counted from now; 0 turns the sign-out off. */
    public void setMinutes(int minutes) {
        stopTimer();
        limit = Duration.ofMinutes(Math.max(0, minutes));
        input();
        if (!limit.isZero()) {
            timer = scheduler.after(limit, this::check);
        }
    }

    /** The limit in force, in minutes; 0 when off. */
    public int minutes() {
        return (int) limit.toMinutes();
    }

    /** The operator did something in the window: the idle time starts again. */
    public void input() {
        lastInput = clock.instant();
    }

    /** Why the console signed out on its own, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** The window is going away: no more sign-outs. */
    public void stop() {
        stopTimer();
        limit = Duration.ZERO;
    }

    private void check() {
        timer = null;
        Duration idle = Duration.between(lastInput, clock.instant());
        if (idle.compareTo(limit) < 0) {
            timer = scheduler.after(limit.minus(idle), this::check);
            return;
        }
        if (session.holdsCredentials()) {
            LOG.info("Signing out after {} minutes without input", limit.toMinutes());
            notice.set("Signed out after " + minutes(limit) + " without input: the session and any owner key"
                    + " were dropped, and a key copied to the clipboard was cleared. What you typed is kept: sign in"
                    + " again to continue.");
            session.signOutIdle();
        }
        input();
        timer = scheduler.after(limit, this::check);
    }

    private static String minutes(Duration d) {
        return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
    }

    private void stopTimer() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }
}
