package com.sovera.console.lookup;

import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.Layouts;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search field and what it found: a user, a wallet, an address (verified), a customer, or a trace id. */
public final class SearchBox extends VBox {

    /** The most height what was found takes from the table below (a laptop keeps ten rows of it). */
    private static final double FOUND_HEIGHT = 170;

    private final AddressPanel address;

    private final TextField field = new TextField();

    /** @param files writes a saved QR image off the FX thread */
    public SearchBox(SearchViewModel model, TaskRunner files) {
        setId("search-box");
        setSpacing(6);
        setPadding(new Insets(4, 0, 4, 0));
        field.setId("search");
        field.setAccessibleText("Search");
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
        address = new AddressPanel(files);
        address.resultProperty().bind(model.addressProperty());
        Button close = Icons.button("Close result", "fth-x", "search-close", model::clear);
        close.visibleProperty().bind(result.visibleProperty());
        close.managedProperty().bind(close.visibleProperty());
        Layouts.keepWhole(go, close);
        // a user found is acted on from here, next in Tab's order after Search: support goes on from the e-mail a
        // customer gave
        Button openUser = Icons.button("Open user", "fth-user", "search-open-user", model::openUser);
        Button openWallets = Icons.button("Open wallets", "fth-credit-card", "search-open-wallets",
                model::openWallets);
        for (Button b : new Button[] {openUser, openWallets}) {
            b.visibleProperty().bind(model.userProperty().isNotNull());
            b.managedProperty().bind(b.visibleProperty());
        }
        Layouts.keepWhole(openUser, openWallets);
        // what was found scrolls in a band of its own: an address with its code took the table's height down to a
        // row on a laptop; Close result (or Escape) gives the table all of it back
        VBox found = new VBox(6, result, address);
        ScrollPane band = new ScrollPane(found);
        band.setId("search-found");
        band.setFitToWidth(true);
        band.setMaxHeight(FOUND_HEIGHT);
        band.visibleProperty().bind(result.visibleProperty());
        band.managedProperty().bind(band.visibleProperty());
        getChildren().addAll(new HBox(8, field, go, openUser, openWallets, close), band);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && result.isVisible()) {
                model.clear();
                field.requestFocus(); // the focus was perhaps on a button that has just gone
                e.consume();
            }
        });
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
