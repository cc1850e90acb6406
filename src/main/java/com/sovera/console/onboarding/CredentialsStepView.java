package com.sovera.console.onboarding;

import static com.sovera.console.onboarding.StepForms.shownFor;

import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.FieldRow;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** The credentials step: the key minted and shown once, or one the operator has (pasted, or from the keychain). */
final class CredentialsStepView {

    private CredentialsStepView() {
    }

    static Node of(StepForms kit, ClipboardGuard clipboard) {
        OnboardingViewModel model = kit.model;
        // the ids of the wizard's key controls predate the shared control: secret-value, -reveal, -copy, -confirm
        com.sovera.console.ui.OwnerKeyReveal shown = new com.sovera.console.ui.OwnerKeyReveal(model.secret,
                model.lastFour, clipboard, "secret");
        Label lost = new Label("The key minted before the interruption was never stored by the console: mint a new"
                + " one (the old one keeps working wherever it was stored).");
        lost.setId("key-lost");
        lost.setWrapText(true);
        lost.visibleProperty().bind(model.keyLostProperty());
        lost.managedProperty().bind(model.keyLostProperty());
        return kit.form("API credentials", lost, keySources(kit), shown);
    }

    /** For an existing customer: mint a new key, paste one, or take the one remembered in the keychain. */
    private static Node keySources(StepForms kit) {
        OnboardingViewModel model = kit.model;
        ToggleButton mint = new ToggleButton("Mint a new key");
        mint.setId("key-mint");
        ToggleButton paste = new ToggleButton("Paste a key");
        paste.setId("key-paste");
        ToggleButton keychain = new ToggleButton("From the keychain");
        keychain.setId("key-keychain");
        org.controlsfx.control.SegmentedButton sources = new org.controlsfx.control.SegmentedButton(mint, paste,
                keychain);
        Map<OnboardingViewModel.KeySource, ToggleButton> buttons = Map.of(OnboardingViewModel.KeySource.MINT, mint,
                OnboardingViewModel.KeySource.PASTE, paste, OnboardingViewModel.KeySource.KEYCHAIN, keychain);
        Runnable show = () -> buttons.forEach((source, b) -> b.setSelected(model.keySource.get() == source));
        buttons.forEach((source, b) -> b.setOnAction(e -> {
            model.keySource.set(source);
            show.run();
        }));
        model.keySource.addListener((o, was, now) -> show.run());
        show.run();
        Label keychainReason = new Label();
        keychainReason.setId("keychain-reason");
        keychainReason.setWrapText(true);
        Runnable greyed = () -> {
            keychain.setDisable(!model.keychainOffered());
            keychainReason.setText(model.keychainReason()); // greyed, and says why
            keychainReason.setVisible(!keychainReason.getText().isEmpty());
            keychainReason.setManaged(keychainReason.isVisible());
        };
        greyed.run();
        model.stateProperty().addListener((o, was, now) -> greyed.run());
        PasswordField pasted = new PasswordField();
        pasted.textProperty().bindBidirectional(model.pastedKey);
        FieldRow pasteRow = new FieldRow("The customer's owner key (x-api-key); the server checks it before use",
                pasted, "pasted-key");
        shownFor(pasteRow, model.keySource, OnboardingViewModel.KeySource.PASTE);
        kit.lock(Step.CREDENTIALS, pasted, mint, paste, keychain);
        VBox box = new VBox(8, sources, keychainReason, pasteRow);
        box.setId("key-sources");
        // a customer created here gets a new key; one that exists (or whose key left with a session) may have one
        box.visibleProperty().bind(Bindings.createBooleanBinding(model::keySourcesOffered, model.stateProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
