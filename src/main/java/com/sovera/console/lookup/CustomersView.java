package com.sovera.console.lookup;

import com.sovera.console.api.model.Customer;
import com.sovera.console.ui.DetailPane;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The account's customers: filters, a page of them, the selected one's details, counts and actions. */
public final class CustomersView extends VBox {

    private final PagedTable<Customer> table;
    private final VBox side;

    public CustomersView(CustomersViewModel model) {
        setId("customers");
        setSpacing(8);
        setPadding(new Insets(12));
        table = new PagedTable<>("customers-list", model.list(), Customer::customerId);
        table.table().setAccessibleText("Customers");
        table.column("Customer id", Customer::customerId, "customer_id", 180);
        table.flexColumn("E-mail", Customer::email, null, 200);
        table.flexColumn("Entity name", Customer::entityName, "entity_name", 200);
        table.column("Created (UTC)", c -> c.createdAt() == null ? "" : UsersView.CREATED.format(c.createdAt()),
                "created_at", 125);
        TextField id = filter("customers-id", "customer id contains", model.idContains);
        TextField email = filter("customers-email", "e-mail contains", model.emailContains);
        TextField name = filter("customers-name", "entity name contains", model.nameContains);
        Button apply = new Button("_Filter");
        apply.setId("customers-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.apply());
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, c) -> model.selected.set(c));

        DetailPane<Customer> detail = new DetailPane<>("customer-detail",
                "Select a customer to see its details, look it up or mint an owner key.", List.of(
                new DetailPane.Row<>("Customer id", "customer-detail-id", Customer::customerId),
                new DetailPane.Row<>("E-mail", "customer-detail-email", Customer::email),
                new DetailPane.Row<>("Entity name", "customer-detail-name", Customer::entityName),
                new DetailPane.Row<>("Created (UTC)", "customer-detail-created",
                        c -> c.createdAt() == null ? "" : UsersView.CREATED.format(c.createdAt()))));
        detail.shownProperty().bind(model.selected);
        Label counts = new Label();
        counts.setId("customer-counts");
        counts.setWrapText(true);
        counts.textProperty().bind(model.countsProperty());
        Button lookUp = Icons.button("_Look up its users and wallets", "fth-search", "customer-look-up", model::lookUp);
        Button mint = Icons.button("_Mint owner key...", "fth-key", "customer-mint-key", model::mintKey);
        mint.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.lookupsOnlyProperty().get(), model.lookupsOnlyProperty()));
        com.sovera.console.ui.LookupsOnly.explain(model.lookupsOnlyProperty(), mint);
        Layouts.keepWhole(lookUp, mint);
        FlowPane actions = new FlowPane(8, 6, lookUp, mint); // one under the other when the pane is narrow
        actions.disableProperty().bind(model.selected.isNull());
        side = new VBox(8, detail, counts, actions,
                com.sovera.console.ui.LookupsOnly.reason("customer-lookups-only", model.lookupsOnlyProperty()));
        side.setPadding(new Insets(0, 0, 0, 8));
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, scroll);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, id, email, name, apply), split);
    }

    /** Room under the actions for more about the selected customer (its owner keys). */
    public VBox side() {
        return side;
    }

    public PagedTable<Customer> table() {
        return table;
    }

    private static TextField filter(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        com.sovera.console.ui.Names.byPrompt(field);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
