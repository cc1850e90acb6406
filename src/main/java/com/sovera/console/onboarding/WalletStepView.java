package com.sovera.console.onboarding;

import static com.sovera.console.onboarding.StepForms.shownFor;

import com.sovera.console.ui.FieldRow;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** The wallet step: a new wallet's name and currency, or one of the user's wallets. */
final class WalletStepView {

    private WalletStepView() {
    }

    static Node of(StepForms kit) {
        OnboardingViewModel model = kit.model;
        ComboBox<String> currency = new ComboBox<>(FXCollections.observableArrayList("BTC", "ETH", "USDC"));
        currency.valueProperty().bindBidirectional(model.walletCurrency);
        FieldRow currencyRow = new FieldRow("Currency", currency, "currency");
        kit.lock(Step.WALLET, currency);
        VBox created = new VBox(10, kit.text("Wallet name", Field.WALLET_NAME), currencyRow);
        javafx.scene.control.ListView<com.sovera.console.api.model.Wallet> wallets =
                new javafx.scene.control.ListView<>(model.picker().wallets());
        wallets.setId("wallet-choices");
        wallets.setPrefHeight(160);
        wallets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(com.sovera.console.api.model.Wallet w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.currency() + "  " + w.name() + "  (" + w.walletId() + ")");
            }
        });
        wallets.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.chosenWallet.set(now));
        Label message = new Label();
        message.setId("wallet-choices-message");
        message.textProperty().bind(model.picker().walletsMessageProperty());
        VBox existing = new VBox(6, message, wallets);
        kit.lock(Step.WALLET, wallets);
        return kit.form("The wallet",
                kit.origin(model.walletOrigin, "New wallet", "Existing wallet", "wallet", Step.WALLET),
                shownFor(created, model.walletOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.walletOrigin, OnboardingViewModel.Origin.EXISTING));
    }
}
