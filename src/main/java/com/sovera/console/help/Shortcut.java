package com.sovera.console.help;

import java.util.Arrays;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The console's own key bindings: one table that the window's key handler matches and the F1 list shows, so the
 * list can only say what is bound. (Enter, Tab, Esc and Alt+letter are JavaFX's; the list adds them, and the
 * navigation's mnemonics as its buttons spell them.)
 */
public enum Shortcut {
    HELP(new KeyCodeCombination(KeyCode.F1), "This list of shortcuts"),
    SEARCH(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            "Search (id, e-mail, address, trace id)"),
    REFRESH(new KeyCodeCombination(KeyCode.F5), "Refresh the table or customer shown"),
    NEXT_PAGE(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), "Next page of the table shown"),
    PREVIOUS_PAGE(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN),
            "Previous page of the table shown");

    private final KeyCombination keys;
    private final String does;

    Shortcut(KeyCombination keys, String does) {
        this.keys = keys;
        this.does = does;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** What the keys are called on this system ("Ctrl+F"; "⌘F" on a Mac). */
    public String keyText() {
        return keys.getDisplayText();
    }

    public String does() {
        return does;
    }

    /** The shortcut a key press is, if any. */
    public static Optional<Shortcut> of(KeyEvent e) {
        return Arrays.stream(values()).filter(s -> s.keys.match(e)).findFirst();
    }
}
