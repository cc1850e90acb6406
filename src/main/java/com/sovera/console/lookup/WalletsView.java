package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.ui.Background;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Wallets of the customer in context; a wallet's deposit addresses, each verified before its QR is shown. */
public final class WalletsView extends VBox {

    private final PagedTable<Wallet> table;
    private final ComboBox<String> currency = UsersView.choice("any currency", "BTC", "ETH", "USDC");
    private final ComboBox<String> status = UsersView.choice("any status", "ACTIVE", "PENDING", "SUSPENDED");
    private final TextField userId = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<DepositAddress> addresses = new ComboBox<>();
    private final AddressPanel addressPanel = new AddressPanel();

    public WalletsView(SovxClient client, Background background) {
        setId("wallets");
        setSpacing(8);
        setPadding(new Insets(12));
        PagedModel<Wallet> model = new PagedModel<>(f -> client.api().listWallets(f.asQuery()), background,
                "created_at");
        table = new PagedTable<>("wallets-list", model, Wallet::walletId);
        table.column("Wallet id", Wallet::walletId, null, 270);
        table.column("User id", Wallet::userId, null, 270);
        table.column("Name", Wallet::name, "name", 160);
        table.column("Currency", Wallet::currency, "currency", 70);
        table.column("Status", w -> w.status() == null ? "" : w.status().canonical(), null, 70);
        TableColumn<Wallet, String> balance = table.column("Balance", w -> w.balance() == null ? ""
                : w.balance().toPlainString(), null, 150);
        balance.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle("-fx-alignment: CENTER-RIGHT; -fx-font-family: 'monospace';");
            }
        });
        table.column("Created (UTC)", w -> w.createdAt() == null ? "" : UsersView.CREATED.format(w.createdAt()),
                "created_at", 130);
        table.exportable(background, List.of("wallet_id", "user_id", "name", "currency", "status", "balance",
                "created_at"), w -> List.of(w.walletId(), w.userId(), w.name(), w.currency(),
                w.status() == null ? "" : w.status().canonical(), w.balance() == null ? "" : w.balance().toPlainString(),
                w.createdAt() == null ? "" : w.createdAt().toString()), "sovx-wallets.csv");
        currency.setId("wallets-currency");
        status.setId("wallets-status");
        userId.setId("wallets-user");
        userId.setPromptText("user id");
        name.setId("wallets-name");
        name.setPromptText("name contains");
        Button apply = new Button("_Filter");
        apply.setId("wallets-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> table.filter(conditions()));
        addresses.setId("wallet-addresses");
        addresses.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DepositAddress a) {
                return a == null ? "" : a.network() + "  " + a.address();
            }

            @Override
            public DepositAddress fromString(String s) {
                return null;
            }
        });
        addresses.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
            addressPanel.show(null);
            if (a != null) {
                background.run(() -> DepositCheck.verify(a, client.api()), addressPanel::show, failure -> { });
            }
        });
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, w) -> {
            addresses.getItems().clear();
            if (w != null) {
                background.run(() -> client.api().listWalletAddresses(w.walletId(), Filter.page(100, 0).asQuery())
                        .execute().rows(), rows -> {
                            addresses.getItems().setAll(rows);
                            if (!rows.isEmpty()) {
                                addresses.getSelectionModel().select(0);
                            }
                        }, failure -> addresses.setPromptText("Addresses could not be loaded."));
            }
        });
        VBox side = new VBox(8, new Label("Deposit addresses of the selected wallet"), addresses, addressPanel);
        side.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(new HBox(8, currency, status, userId, name, apply), split);
    }

    public PagedTable<Wallet> table() {
        return table;
    }

    public void reload() {
        table.filter(conditions());
    }

    Filter conditions() {
        Filter f = Filter.none().contains("name", name.getText().trim());
        f = f.where("currency", currency.getSelectionModel().getSelectedIndex() > 0 ? currency.getValue() : null);
        f = f.where("status", status.getSelectionModel().getSelectedIndex() > 0 ? status.getValue() : null);
        return f.where("user_id", userId.getText().isBlank() ? null : userId.getText().trim());
    }

    List<DepositAddress> addresses() {
        return addresses.getItems();
    }
}
