package com.sovera.console.lookup;

import com.sovera.console.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The customer in context and its owner key, above the Users and Wallets views. */
public final class LookupContextView extends FlowPane {

    public LookupContextView(LookupContextViewModel model) {
        setId("lookup-context");
        setHgap(8);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> customers = new ComboBox<>(model.customers());
        customers.setId("lookup-customer");
        customers.setEditable(true);
        customers.setPromptText("customer id");
        com.sovera.console.ui.Names.byPrompt(customers);
        customers.getEditor().textProperty().bindBidirectional(model.typedCustomer);
        customers.valueProperty().addListener((o, was, id) -> model.picked(id));
        customers.setOnShowing(e -> model.loadCustomers());
        PasswordField key = new PasswordField();
        key.setId("lookup-key");
        key.setPromptText("owner key (x-api-key)");
        com.sovera.console.ui.Names.byPrompt(key);
        key.textProperty().bindBidirectional(model.typedKey);
        Button use = Icons.button("Use _owner key", "fth-key", "lookup-use", model::useTyped);
        CheckBox remember = new CheckBox();
        remember.setId("lookup-remember");
        remember.selectedProperty().bindBidirectional(model.remember);
        remember.disableProperty().bind(model.keychainAvailableProperty().not());
        remember.textProperty().bind(javafx.beans.binding.Bindings.when(model.keychainAvailableProperty())
                .then("Remember in the system _keychain").otherwise("Keychain unavailable"));
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.keychainNoteProperty());
        remember.setTooltip(why);
        Label message = new Label();
        message.setId("lookup-message");
        message.textProperty().bind(model.messageProperty());
        Button offer = new Button();
        offer.setId("lookup-use-onboarding");
        offer.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.offerProperty().get()
                == null ? "" : "Use " + model.offerProperty().get().customerId() + " from onboarding",
                model.offerProperty()));
        offer.visibleProperty().bind(model.offerProperty().isNotNull());
        offer.managedProperty().bind(offer.visibleProperty());
        offer.setOnAction(e -> {
            LookupContextViewModel.Offer o = model.offerProperty().get();
            if (o != null) {
                model.useKnown(o.customerId(), o.ownerKey());
            }
        });
        getChildren().addAll(new Label("Customer"), customers, key, use, remember, message, offer);
    }
}
