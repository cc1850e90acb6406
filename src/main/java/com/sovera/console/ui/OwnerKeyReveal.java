package com.sovera.console.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A freshly minted owner key, shown once: masked unless revealed, copied through the clipboard guard, and
 * confirmed by typing its last four characters. Visible only while there is a key to show.
 */
public final class OwnerKeyReveal extends VBox {

    /**
     * @param secret   the key on screen (null: nothing is shown)
     * @param lastFour what the operator typed to confirm they stored it
     * @param idPrefix the controls' ids: {@code PREFIX-value}, {@code -reveal}, {@code -copy}, {@code -confirm}
     */
    public OwnerKeyReveal(StringProperty secret, StringProperty lastFour, ClipboardGuard clipboard, String idPrefix) {
        super(8);
        Label masked = new Label();
        masked.setId(idPrefix + "-value");
        masked.getStyleClass().add("secret-value");
        ToggleButton reveal = Icons.on(new ToggleButton("_Reveal"), "fth-eye");
        reveal.setId(idPrefix + "-reveal");
        masked.textProperty().bind(Bindings.createStringBinding(() -> {
            String key = secret.get();
            return key == null ? "" : reveal.isSelected() ? key : "•".repeat(key.length());
        }, secret, reveal.selectedProperty()));
        secret.addListener((o, was, now) -> reveal.setSelected(false));
        Button copy = Icons.on(new Button("C_opy key"), "fth-copy");
        copy.setId(idPrefix + "-copy");
        copy.setOnAction(e -> clipboard.copySecret(secret.get()));
        TextField confirm = new TextField();
        confirm.textProperty().bindBidirectional(lastFour);
        FieldRow confirmRow = new FieldRow("Type the key's last four characters to confirm you stored it",
                confirm, idPrefix + "-confirm");
        Label once = new Label("The owner key (x-api-key) is shown once. Store it in the customer's vault now;"
                + " the console keeps it in memory only.");
        once.setWrapText(true);
        getChildren().addAll(once, new HBox(8, masked, reveal, copy), confirmRow,
                new Label("The clipboard is cleared 60 s after copying (and when the console closes), unless it"
                        + " changed since."));
        visibleProperty().bind(secret.isNotNull());
        managedProperty().bind(secret.isNotNull());
    }
}
