package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.ui.Background;
import java.time.ZoneOffset;
import java.util.List;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Users of the customer in context: server-side paging, sort and filters; a user's details and wallets. */
public final class UsersView extends VBox {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PagedTable<User> table;
    private final TextField email = new TextField();
    private final ComboBox<String> status = choice("any status", "ACTIVE", "PENDING", "VERIFIED", "SUSPENDED");
    private final ComboBox<String> type = choice("any type", "individual", "business");
    private final TextField country = new TextField();
    private final Label detail = new Label();
    private final VBox wallets = new VBox(4);

    public UsersView(SovxClient client, Background background) {
        setId("users");
        setSpacing(8);
        setPadding(new Insets(12));
        PagedModel<User> model = new PagedModel<>(f -> client.api().listUsers(f.asQuery()), background, "created_at");
        table = new PagedTable<>("users-list", model, User::userId);
        table.column("User id", User::userId, null, 280);
        table.column("E-mail", User::email, "email", 240);
        table.column("Name", u -> u.firstName() + " " + u.lastName(), "last_name", 170);
        table.column("Type", User::userType, null, 80);
        table.column("Status", u -> u.status() == null ? "" : u.status().canonical(), "status", 90);
        table.column("Country", User::country, null, 60);
        table.column("Created (UTC)", u -> u.createdAt() == null ? "" : CREATED.format(u.createdAt()), "created_at",
                130);
        table.exportable(background, List.of("user_id", "email", "first_name", "last_name", "user_type", "status",
                "country", "phone", "date_of_birth", "created_at"), u -> List.of(u.userId(), u.email(), u.firstName(),
                u.lastName(), u.userType(), u.status() == null ? "" : u.status().canonical(), u.country(), u.phone(),
                u.dateOfBirth(), u.createdAt() == null ? "" : u.createdAt().toString()), "sovx-users.csv");
        email.setId("users-email");
        email.setPromptText("e-mail contains");
        country.setId("users-country");
        country.setPromptText("country");
        country.setPrefColumnCount(3);
        status.setId("users-status");
        type.setId("users-type");
        Button apply = new Button("_Filter");
        apply.setId("users-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> table.filter(conditions()));
        detail.setId("user-detail");
        detail.setWrapText(true);
        wallets.setId("user-wallets");
        VBox side = new VBox(8, new Label("Selected user"), detail, new Label("Wallets"), wallets);
        side.setPadding(new Insets(0, 0, 0, 8));
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, user) -> {
            wallets.getChildren().clear();
            if (user == null) {
                detail.setText("");
                return;
            }
            detail.setText(user.email() + "\n" + user.firstName() + " " + user.lastName() + " · " + user.userType()
                    + " · " + user.status() + "\n" + user.phone() + " · born " + user.dateOfBirth() + " · "
                    + user.country() + "\n" + user.userId());
            background.run(() -> client.api().listUserWallets(user.userId(), Filter.page(100, 0).asQuery()).execute(),
                    page -> wallets.getChildren().setAll(page.rows().stream().map(w -> new Label(walletLine(w)))
                            .toList()),
                    failure -> wallets.getChildren().setAll(new Label("Wallets could not be loaded.")));
        });
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(new HBox(8, email, status, type, country, apply), split);
    }

    static String walletLine(Wallet w) {
        return w.currency() + "  " + w.balance().toPlainString() + "  " + w.name() + "  (" + w.walletId() + ")";
    }

    public PagedTable<User> table() {
        return table;
    }

    /** Loads the first page for the customer in context. */
    public void reload() {
        table.filter(conditions());
    }

    Filter conditions() {
        Filter f = Filter.none().contains("email", email.getText().trim());
        f = f.where("status", status.getSelectionModel().getSelectedIndex() > 0 ? status.getValue() : null);
        f = f.where("user_type", type.getSelectionModel().getSelectedIndex() > 0 ? type.getValue() : null);
        return f.where("country", country.getText().isBlank() ? null : country.getText().trim().toUpperCase());
    }

    static ComboBox<String> choice(String any, String... values) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(any));
        box.getItems().addAll(values);
        box.getSelectionModel().select(0);
        return box;
    }
}
