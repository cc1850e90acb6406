package com.sovera.console.shell;

import com.sovera.console.session.AccountSession;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Names, at sign-in, the keys minted in a session that closed before the operator confirmed storing them, with
 * Revoke at hand (it opens the customer's keys; nothing is revoked by itself).
 */
final class UnconfirmedKeysBar extends HBox {

    private final Label text = new Label();
    private final Button revoke = new Button("Revoke…");
    private final Button dismiss = new Button("Dismiss");

    UnconfirmedKeysBar(Consumer<String> openKeysOf) {
        super(8);
        setId("unconfirmed-keys");
        getStyleClass().add("resume-bar");
        text.setId("unconfirmed-keys-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        revoke.setId("unconfirmed-keys-revoke");
        dismiss.setId("unconfirmed-keys-dismiss");
        getChildren().addAll(text, revoke, dismiss);
        dismiss.setOnAction(e -> show(List.of(), openKeysOf));
        show(List.of(), openKeysOf);
    }

    void show(List<AccountSession.MintedKey> keys, Consumer<String> openKeysOf) {
        text.setText(String.join(" ", keys.stream().map(AccountSession.MintedKey::describe).toList())
                + (keys.isEmpty() ? "" : " It stays valid: revoke it unless it was stored."));
        revoke.setOnAction(e -> {
            openKeysOf.accept(keys.get(0).customerId());
            show(keys.subList(1, keys.size()), openKeysOf);
        });
        setVisible(!keys.isEmpty());
        setManaged(isVisible());
    }
}
