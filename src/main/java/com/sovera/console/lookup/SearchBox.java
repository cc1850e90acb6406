package com.sovera.console.lookup;

import com.sovera.console.api.CallRecord;
import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.ui.Background;
import com.sovera.console.ui.Problem;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search field and what it found: a user, a wallet, an address (verified), a customer, or a trace id. */
public final class SearchBox extends VBox {

    private record Found(Search.Hit hit, DepositCheck.Result checked) {
    }

    private final TextField field = new TextField();
    private final Label result = new Label();
    private final AddressPanel address = new AddressPanel();

    public SearchBox(Search search, Supplier<List<CallRecord>> activity, Consumer<CallRecord> openTrace,
                     Background background) {
        setId("search-box");
        setSpacing(6);
        setPadding(new Insets(4, 0, 4, 0));
        field.setId("search");
        field.setPromptText("Paste a user id, wallet id, e-mail, customer id, deposit address or trace id");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button go = com.sovera.console.ui.Icons.on(new Button("_Search"), "fth-search");
        go.setId("search-go");
        result.setId("search-result");
        result.setWrapText(true);
        Runnable run = () -> {
            String text = field.getText();
            List<CallRecord> calls = List.copyOf(activity.get());
            result.setText("Searching...");
            address.show(null);
            background.run(() -> {
                Search.Hit hit = search.find(text, calls);
                // found by the server's own address list: that is the read-back
                return new Found(hit, hit.address() == null ? null : DepositCheck.verify(hit.address(), null));
            }, found -> show(found.hit(), found.checked(), openTrace),
                    failure -> result.setText("Search failed: " + Problem.of(failure).message()));
        };
        go.setOnAction(e -> run.run());
        field.setOnAction(e -> run.run());
        getChildren().addAll(new HBox(8, field, go), result, address);
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Searches for the text, as typing it and pressing Enter does. */
    public void search(String text) {
        field.setText(text);
        field.fireEvent(new javafx.event.ActionEvent());
    }

    private void show(Search.Hit hit, DepositCheck.Result checked, Consumer<CallRecord> openTrace) {
        switch (hit.kind()) {
            case "trace" -> {
                result.setText("Trace id of " + hit.activity().method() + " " + hit.activity().path() + " ("
                        + hit.activity().status() + "): opening Activity.");
                openTrace.accept(hit.activity());
            }
            case "user" -> result.setText("User " + hit.user().userId() + ": " + hit.user().email() + ", "
                    + hit.user().firstName() + " " + hit.user().lastName() + ", " + hit.user().status());
            case "wallet" -> result.setText("Wallet " + hit.wallet().walletId() + ": " + hit.wallet().name() + ", "
                    + hit.wallet().currency() + " " + hit.wallet().balance().toPlainString() + ", user "
                    + hit.wallet().userId());
            case "address" -> {
                result.setText("Deposit address of wallet " + hit.address().walletId());
                address.show(checked);
            }
            case "customer" -> result.setText("Customer " + hit.customer().customerId() + ": "
                    + hit.customer().entityName() + " <" + hit.customer().email() + ">");
            default -> result.setText("Nothing found. Tried: " + String.join(", ", hit.tried()) + ".");
        }
    }
}
