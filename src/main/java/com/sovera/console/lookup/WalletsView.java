package com.sovera.console.lookup;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.ErrorBanner;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Wallets of the customer in context; a wallet's deposit addresses, each verified before its QR is shown. */
public final class WalletsView extends VBox {

    private final AddressPanel panel;

    private final PagedTable<Wallet> table;

    /** @param files writes a saved QR image off the FX thread */
    public WalletsView(WalletsViewModel model, TaskRunner files) {
        panel = new AddressPanel(files);
        setId("wallets");
        setSpacing(8);
        setPadding(new Insets(12));
        table = new PagedTable<>("wallets-list", model.list(), Wallet::walletId);
        table.table().setAccessibleText("Wallets");
        table.idColumn("Wallet id", Wallet::walletId);
        table.idColumn("User id", Wallet::userId);
        table.wholeColumn("Name", Wallet::name, "name", 150);
        table.column("Currency", Wallet::currency, "currency", 78);
        table.column("Status", w -> w.status() == null ? "" : w.status().canonical(), null, 70);
        // the pending balance beside the balance, in the same column: eight columns would not fit a laptop
        TableColumn<Wallet, String> balance = table.wholeColumn("Balance (pending)", WalletsViewModel::balanceCell,
                null, 132);
        balance.getStyleClass().add("numeric");
        // the last to give way on a laptop, whole on hover: the name and balance beside it are what support reads out
        // (down to its header's word: with a long name on the page and the sorted arrow, 95px did not fit 1366)
        table.flexColumn("Created (UTC)", w -> w.createdAt() == null ? "" : UsersView.CREATED.format(w.createdAt()),
                "created_at", 120);
        table.exportable(model.export());
        var currency = Choices.of("any currency", WalletsViewModel.CURRENCIES, model.currency);
        currency.setId("wallets-currency");
        var status = Choices.of("any status", WalletsViewModel.STATUSES, model.status);
        status.setId("wallets-status");
        TextField userId = new TextField();
        userId.setId("wallets-user");
        userId.setPromptText("user id");
        com.sovera.console.ui.Names.byPrompt(userId);
        userId.textProperty().bindBidirectional(model.userId);
        TextField name = new TextField();
        name.setId("wallets-name");
        name.setPromptText("name contains");
        com.sovera.console.ui.Names.byPrompt(name);
        name.textProperty().bindBidirectional(model.nameContains);
        Button apply = new Button("_Filter");
        apply.setId("wallets-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.apply());
        table.selectionFollows(model.selected);

        ComboBox<DepositAddress> addresses = new ComboBox<>(model.addresses());
        addresses.setId("wallet-addresses");
        addresses.setAccessibleText("Deposit addresses of this wallet");
        // the chooser names each address by its network and its ends (a laptop's pane would cut it at random);
        // the chosen one is shown whole, grouped for reading out, just below
        addresses.setConverter(com.sovera.console.ui.Converters.showing(a -> a.network() + "  " + ends(a.address())));
        addresses.valueProperty().bindBidirectional(model.selectedAddress);
        Label message = new Label();
        message.setId("wallet-addresses-message");
        message.setWrapText(true);
        message.textProperty().bind(model.addressesMessageProperty());
        ErrorBanner problem = new ErrorBanner();
        problem.setId("wallet-address-problem");
        problem.problemProperty().bind(model.problemProperty());
        Button retry = new Button("_Try again");
        retry.setId("wallet-address-retry");
        retry.visibleProperty().bind(model.problemProperty().isNotNull());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retry());
        panel.resultProperty().bind(model.checkProperty());
        Button newAddress = com.sovera.console.ui.Icons.on(new Button("New de_posit address..."), "fth-plus");
        newAddress.setId("wallet-new-address");
        newAddress.disableProperty().bind(model.selected.isNull().or(javafx.beans.binding.Bindings
                .createBooleanBinding(() -> model.lookupsOnlyProperty().get(), model.lookupsOnlyProperty())));
        com.sovera.console.ui.LookupsOnly.explain(model.lookupsOnlyProperty(), newAddress);
        newAddress.setOnAction(e -> model.newAddress());
        com.sovera.console.ui.DetailPane<Wallet> detail = new com.sovera.console.ui.DetailPane<>("wallet-detail",
                "Select a wallet to see its details and deposit addresses, and to issue a new address.",
                java.util.List.of(
                        new com.sovera.console.ui.DetailPane.Row<>("Wallet id", "wallet-detail-id", Wallet::walletId),
                        new com.sovera.console.ui.DetailPane.Row<>("User id", "wallet-detail-user", Wallet::userId),
                        new com.sovera.console.ui.DetailPane.Row<>("Name", "wallet-detail-name", Wallet::name),
                        new com.sovera.console.ui.DetailPane.Row<>("Currency", "wallet-detail-currency",
                                Wallet::currency),
                        new com.sovera.console.ui.DetailPane.Row<>("Balance", "wallet-detail-balance",
                                w -> w.balance() == null ? "" : w.balance().toPlainString()),
                        new com.sovera.console.ui.DetailPane.Row<>("Pending balance", "wallet-detail-pending",
                                w -> w.pendingBalance() == null ? "not reported by this server"
                                        : w.pendingBalance().toPlainString())),
                true); // each caption above its value: beside its caption the wallet id was cut on a laptop
        detail.shownProperty().bind(model.selected);
        Label depositsTitle = new Label("Latest deposits (UTC)");
        depositsTitle.visibleProperty().bind(model.selected.isNotNull());
        depositsTitle.managedProperty().bind(depositsTitle.visibleProperty());
        Label depositsMessage = new Label();
        depositsMessage.setId("wallet-deposits-message");
        depositsMessage.setWrapText(true);
        depositsMessage.textProperty().bind(model.depositsMessageProperty());
        javafx.scene.control.ListView<String> deposits = new javafx.scene.control.ListView<>(model.deposits());
        deposits.setId("wallet-deposits");
        deposits.setAccessibleText("Latest deposits of this wallet");
        deposits.getStyleClass().add("address-text");
        deposits.setPrefHeight(130);
        deposits.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.deposits()));
        deposits.managedProperty().bind(deposits.visibleProperty());
        // the deposit address and its code first: what support reads out; the wallet's fields below
        VBox side = new VBox(8, newAddress,
                com.sovera.console.ui.LookupsOnly.reason("wallet-lookups-only", model.lookupsOnlyProperty()), new Label("Deposit addresses of the selected wallet"), addresses, message,
                problem, retry, panel, detail, depositsTitle, depositsMessage, deposits);
        side.setPadding(new Insets(0, 0, 0, 8));
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, sideScroll);
        split.setDividerPositions(0.62); // the table's columns with the page's names and balances whole
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, currency, status, userId, name, apply), split);
    }

    private static String ends(String address) {
        return address == null || address.length() <= 20 ? address
                : address.substring(0, 10) + "…" + address.substring(address.length() - 8);
    }

    public PagedTable<Wallet> table() {
        return table;
    }

    /** The deposit address shown waits for the customer's deposit (see {@link AddressPanel#watchDeposits}). */
    public void watchDeposits(com.sovera.console.deposit.DepositWatching watching) {
        panel.watchDeposits(watching);
    }
}
