package com.sovera.console.lookup;

import com.sovera.console.api.model.Transaction;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Deposits of the customer in context: paged, sorted and filtered on the server, exported as CSV. */
public final class TransactionsView extends VBox {

    private final PagedTable<Transaction> table;

    public TransactionsView(TransactionsViewModel model) {
        setId("transactions");
        setSpacing(8);
        setPadding(new Insets(12));
        table = new PagedTable<>("transactions-list", model.list(), Transaction::transactionId);
        table.table().setAccessibleText("Transactions");
        table.idColumn("Tx hash", Transaction::txHash);
        table.column("Currency", Transaction::currency, null, 78);
        TableColumn<Transaction, String> amount = table.wholeColumn("Amount", t -> t.amount().toPlainString(), "amount",
                150);
        amount.getStyleClass().add("numeric");
        table.column("Status", t -> t.status() == null ? "" : t.status().canonical(), null, 95);
        table.column("Confirmations", t -> t.confirmations() == null ? "" : t.confirmations() + " of "
                + t.requiredConfirmations(), null, 110);
        table.flexColumn("Address", Transaction::address, null, 200);
        table.idColumn("Wallet id", Transaction::walletId);
        table.column("Created (UTC)", t -> t.createdAt() == null ? "" : UsersView.CREATED.format(t.createdAt()),
                "created_at", 142);
        table.exportable(model.export());
        var currency = Choices.of("any currency", WalletsViewModel.CURRENCIES, model.currency);
        currency.setId("transactions-currency");
        var status = Choices.of("any status", TransactionsViewModel.STATUSES, model.status);
        status.setId("transactions-status");
        TextField hash = field("transactions-hash", "tx hash", model.txHash);
        TextField address = field("transactions-address", "address", model.address);
        TextField wallet = field("transactions-wallet", "wallet id", model.walletId);
        HBox.setHgrow(hash, Priority.ALWAYS);
        Button apply = new Button("_Filter");
        apply.setId("transactions-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.apply());
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, t) -> model.selected.set(t));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, currency, status, hash, address, wallet, apply), table);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        com.sovera.console.ui.Names.byPrompt(f);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    public PagedTable<Transaction> table() {
        return table;
    }
}
