package com.sovera.console.lookup;

import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search field and what it found: a user, a wallet, an address (verified), a customer, or a trace id. */
public final class SearchBox extends VBox {

    private final AddressPanel address = new AddressPanel();

    private final TextField field = new TextField();

    public SearchBox(SearchViewModel model) {
        setId("search-box");
        setSpacing(6);
        setPadding(new Insets(4, 0, 4, 0));
        field.setId("search");
        field.setPromptText("Paste a user id, wallet id, e-mail, customer id, deposit address, tx hash or trace id");
        field.textProperty().bindBidirectional(model.text);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button go = Icons.button("_Search", "fth-search", "search-go", model::search);
        field.setOnAction(e -> model.search());
        Label result = new Label();
        result.setId("search-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(model.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        address.resultProperty().bind(model.addressProperty());
        getChildren().addAll(new HBox(8, field, go), result, address);
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** The address found waits for the customer's deposit (see {@link AddressPanel#watchDeposits}). */
    public void watchDeposits(com.sovera.console.deposit.DepositWatching watching) {
        address.watchDeposits(watching);
    }
}
