package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.platform.Keychain;
import com.sovera.console.ui.Background;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * Whose data the lookups show: a customer and its owner key, kept in memory for the session in the lookup
 * client (apart from the wizard's, so a lookup never changes whose user the wizard creates).
 */
public final class LookupContext extends FlowPane {

    private final SovxClient lookupClient;
    private final StringProperty customerId = new SimpleStringProperty();
    private final ComboBox<String> customers = new ComboBox<>();
    private final PasswordField key = new PasswordField();
    private final Label message = new Label();
    private final CheckBox remember = new CheckBox("Remember in the system _keychain");
    private final String scope;
    private Keychain keychain;
    private final Background background;

    /** @param scope what keys are remembered under besides the customer id: the environment's id */
    public LookupContext(SovxClient lookupClient, SovxClient sessionClient, Background background, String scope) {
        this.scope = scope;
        this.background = background;
        this.lookupClient = lookupClient;
        setId("lookup-context");
        setHgap(8);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        customers.setId("lookup-customer");
        customers.setEditable(true);
        customers.setPromptText("customer id");
        key.setId("lookup-key");
        key.setPromptText("owner key (x-api-key)");
        Button use = com.sovera.console.ui.Icons.on(new Button("_Use"), "fth-key");
        use.setId("lookup-use");
        use.setOnAction(e -> use(customers.getEditor().getText().trim(), key.getText()));
        message.setId("lookup-message");
        remember.setId("lookup-remember");
        remember.setDisable(true);
        getChildren().addAll(new Label("Customer"), customers, key, use, remember, message);
        background.run(Keychain::probe, found -> {
            keychain = found;
            remember.setDisable(!found.available());
            if (!found.available()) {
                remember.setTooltip(new Tooltip(found.unavailableReason()));
                remember.setText("Keychain unavailable");
            }
        }, failure -> remember.setText("Keychain unavailable"));
        customers.valueProperty().addListener((o, was, id) -> {
            if (id != null && keychain != null && keychain.available()) {
                background.run(() -> keychain.load(account(id)), stored -> stored.ifPresent(k -> use(id, k)),
                        failure -> message.setText("The keychain could not be read."));
            }
        });
        if (sessionClient.credentials().session().isPresent()) {
            background.run(() -> sessionClient.api().listCustomers(Filter.page(100, 0).asQuery()).execute().rows(),
                    rows -> customers.getItems().setAll(rows.stream().map(Customer::customerId).toList()),
                    failure -> { }); // (assumed) endpoint: without it the operator types the id
        }
    }

    /** Offers the key a just-finished onboarding minted, one click away. */
    public void offer(String id, String ownerKey) {
        Button offer = new Button("Use " + id + " from onboarding");
        offer.setId("lookup-use-onboarding");
        offer.setOnAction(e -> {
            use(id, ownerKey);
            getChildren().remove(offer);
        });
        getChildren().removeIf(n -> "lookup-use-onboarding".equals(n.getId()));
        getChildren().add(offer);
    }

    /** Looks up this customer's data with its key; the key stays in memory only. */
    public void use(String id, String ownerKey) {
        if (id.isEmpty() || ownerKey == null || ownerKey.isBlank()) {
            message.setText("Enter the customer id and paste its owner key.");
            return;
        }
        lookupClient.credentials().useOwnerKey(ownerKey.trim());
        if (remember.isSelected() && keychain != null && keychain.available()) {
            String account = account(id);
            String secret = ownerKey.trim();
            background.run(() -> {
                keychain.store(account, secret);
                return true;
            }, stored -> message.setText("Looking up " + id + "; its key is in the system keychain."),
                    failure -> message.setText("Looking up " + id + "; the keychain did not take the key."));
        }
        customers.getEditor().setText(id);
        key.clear();
        message.setText("Looking up " + id + ".");
        customerId.set(id);
    }

    private String account(String id) {
        return scope + ":" + id;
    }

    public StringProperty customerIdProperty() {
        return customerId;
    }
}
