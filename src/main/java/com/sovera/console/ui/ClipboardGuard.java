package com.sovera.console.ui;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Puts a secret on the clipboard and takes it off again after a while, unless the clipboard changed since. */
public final class ClipboardGuard {

    private final Duration keep;
    private PauseTransition pending;

    public ClipboardGuard(Duration keep) {
        this.keep = keep;
    }

    public void copySecret(String secret) {
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        Clipboard.getSystemClipboard().setContent(content);
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(keep);
        pending.setOnFinished(e -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (secret.equals(clipboard.getString())) {
                clipboard.clear();
            }
        });
        pending.play();
    }
}
