package com.sovera.console.onboarding;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The country, typed as a code or a name: the model holds the ISO code. As the operator types, the line under it
 * says what Enter would pick ({@link Countries}' ranking: an exact code first, so "US" is the United States, never
 * Australia); Enter on text that names no country exactly picks the best match and shows it, without acting, and
 * with no match the field says so and keeps the text. Enter on an exact code is the step's action.
 */
final class CountryField {

    final TextField field = new TextField();
    final Label matches = new Label();
    private final StringProperty code;
    /** Set while the field's text changes the code, or the code the text: neither rewrites the other. */
    private boolean syncing;

    CountryField(StringProperty code) {
        this.code = code;
        field.setPromptText("code or name: US, United States");
        matches.setId("country-matches");
        matches.getStyleClass().add("field-message");
        matches.setWrapText(true);
        code.addListener((o, was, now) -> {
            if (!syncing) {
                show(now);
            }
        });
        show(code.get());
        field.textProperty().addListener((o, was, typed) -> {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                code.set(Countries.exact(typed).map(Countries::code).orElse(typed.strip()));
            } finally {
                syncing = false;
            }
            offer(typed);
        });
        // a filter: it runs before the field's own Enter, which would otherwise end the key's way to the action
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            String typed = field.getText();
            if (e.getCode() == KeyCode.ENTER && Countries.exact(typed).isEmpty()) {
                e.consume(); // resolving is not acting: the operator sees the pick before Enter sends it
                Countries.best(typed).ifPresentOrElse(line -> {
                    show(Countries.code(line));
                    code.set(Countries.code(line));
                }, () -> offer(typed));
            }
        });
    }

    /** What Enter would pick, or that nothing matches. */
    private void offer(String typed) {
        if (typed == null || typed.isBlank() || Countries.exact(typed).isPresent()) {
            matches.setText("");
            return;
        }
        List<String> found = Countries.matches(typed, 4);
        matches.setText(found.isEmpty() ? "No country matches \u201c" + typed.strip() + "\u201d."
                : "Enter picks " + found.get(0) + (found.size() > 1 ? " (also: "
                + String.join(", ", found.subList(1, found.size())) + ")" : "") + ".");
    }

    /** The code as the list shows it ("US  United States"); anything else as it is. */
    private void show(String now) {
        syncing = true;
        try {
            field.setText(Countries.line(now).orElse(now == null ? "" : now));
            matches.setText("");
        } finally {
            syncing = false;
        }
    }
}
