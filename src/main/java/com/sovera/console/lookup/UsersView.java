package com.sovera.console.lookup;

import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.ui.ErrorBanner;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Users of the customer in context: server-side paging, sort and filters; a user's details and wallets. */
public final class UsersView extends VBox {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PagedTable<User> table;

    public UsersView(UsersViewModel model) {
        setId("users");
        setSpacing(8);
        setPadding(new Insets(12));
        table = new PagedTable<>("users-list", model.list(), User::userId);
        table.table().setAccessibleText("Users");
        table.idColumn("User id", User::userId);
        table.wholeColumn("E-mail", User::email, "email", 210);
        table.flexColumn("Name", u -> u.firstName() + " " + u.lastName(), "last_name", 140);
        table.column("Type", User::userType, null, 82);
        table.column("Status", u -> u.status() == null ? "" : u.status().canonical(), "status", 80);
        table.column("Country", User::country, null, 72);
        // the last to give way on a laptop, whole on hover: the e-mail beside it is what support reads out
        table.flexColumn("Created (UTC)", u -> u.createdAt() == null ? "" : CREATED.format(u.createdAt()),
                "created_at", 142);
        table.exportable(model.export());
        TextField email = new TextField();
        email.setId("users-email");
        email.setPromptText("e-mail contains");
        com.sovera.console.ui.Names.byPrompt(email);
        email.textProperty().bindBidirectional(model.emailContains);
        TextField country = new TextField();
        country.setId("users-country");
        country.setPromptText("country");
        com.sovera.console.ui.Names.byPrompt(country);
        country.setPrefColumnCount(5); // room for its hint, "country"
        country.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        country.textProperty().bindBidirectional(model.country);
        var status = Choices.of("any status", UsersViewModel.STATUSES, model.status);
        status.setId("users-status");
        var type = Choices.of("any type", UsersViewModel.TYPES, model.userType);
        type.setId("users-type");
        Button apply = new Button("_Filter");
        apply.setId("users-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.apply());

        table.selectionFollows(model.selected);
        com.sovera.console.ui.DetailPane<User> detail = new com.sovera.console.ui.DetailPane<>("user-detail",
                "Select a user to see its details, its wallets, and to add a wallet.", java.util.List.of(
                new com.sovera.console.ui.DetailPane.Row<>("User id", "user-detail-id", User::userId),
                new com.sovera.console.ui.DetailPane.Row<>("E-mail", "user-detail-email", User::email),
                new com.sovera.console.ui.DetailPane.Row<>("Name", "user-detail-name",
                        u -> u.firstName() + " " + u.lastName()),
                new com.sovera.console.ui.DetailPane.Row<>("Type", "user-detail-type", User::userType),
                new com.sovera.console.ui.DetailPane.Row<>("Status", "user-detail-status",
                        u -> u.status() == null ? "" : u.status().canonical()),
                new com.sovera.console.ui.DetailPane.Row<>("Phone", "user-detail-phone", User::phone),
                new com.sovera.console.ui.DetailPane.Row<>("Born", "user-detail-born", User::dateOfBirth),
                new com.sovera.console.ui.DetailPane.Row<>("Country", "user-detail-country", User::country),
                new com.sovera.console.ui.DetailPane.Row<>("Created (UTC)", "user-detail-created",
                        u -> u.createdAt() == null ? "" : CREATED.format(u.createdAt()))),
                true); // the side pane is narrow: beside their captions the id and the e-mail were cut
        detail.shownProperty().bind(model.selected);
        ListView<Wallet> wallets = new ListView<>(model.wallets());
        wallets.setId("user-wallets");
        wallets.setAccessibleText("Wallets of this user");
        wallets.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Wallet w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : UsersViewModel.walletLine(w));
            }
        });
        Label walletsMessage = new Label();
        walletsMessage.setId("user-wallets-message");
        walletsMessage.textProperty().bind(model.walletsMessageProperty());
        ErrorBanner walletsProblem = new ErrorBanner();
        walletsProblem.problemProperty().bind(model.walletsProblemProperty());
        Button retry = new Button("Retry");
        retry.setId("user-wallets-retry");
        retry.visibleProperty().bind(model.walletsProblemProperty().isNotNull());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retryWallets());
        Button addWallet = com.sovera.console.ui.Icons.on(new Button("Add wa_llet..."), "fth-plus");
        addWallet.setId("user-add-wallet");
        addWallet.disableProperty().bind(model.selected.isNull().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.lookupsOnlyProperty().get(), model.lookupsOnlyProperty())));
        com.sovera.console.ui.LookupsOnly.explain(model.lookupsOnlyProperty(), addWallet);
        addWallet.setOnAction(e -> model.addWallet());
        VBox side = new VBox(8, new Label("Selected user"), detail, addWallet,
                com.sovera.console.ui.LookupsOnly.reason("user-lookups-only", model.lookupsOnlyProperty()), new Label("Wallets"), walletsMessage,
                walletsProblem, retry, wallets);
        VBox.setVgrow(wallets, Priority.ALWAYS);
        side.setPadding(new Insets(0, 0, 0, 8));
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(table, sideScroll);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, email, status, type, country, apply), split);
    }

    public PagedTable<User> table() {
        return table;
    }
}
