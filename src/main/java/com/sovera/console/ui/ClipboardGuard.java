package com.sovera.console.ui;

import com.sovera.console.ui.task.Scheduler;
import java.time.Duration;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Puts a secret on the clipboard and takes it off again after a while, when the session ends, and when the
 * console closes (a timer dies with the application), unless the clipboard changed since. FX thread only.
 */
public final class ClipboardGuard {

    private final Duration keep;
    private final Scheduler scheduler;
    private Scheduler.Timer pending;
    private String held;

    public ClipboardGuard(Duration keep, Scheduler scheduler) {
        this.keep = keep;
        this.scheduler = scheduler;
    }

    public void copySecret(String secret) {
        if (secret == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        Clipboard.getSystemClipboard().setContent(content);
        held = secret;
        if (pending != null) {
            pending.stop();
        }
        pending = scheduler.after(keep, this::clearNow);
    }

    /** Takes the secret off the clipboard now if it is still there; leaves anything copied since alone. */
    public void clearNow() {
        if (pending != null) {
            pending.stop();
            pending = null;
        }
        if (held == null) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (held.equals(clipboard.getString())) {
            clipboard.clear();
        }
        held = null;
    }
}
