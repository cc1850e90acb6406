package com.sovera.console.onboarding;

import com.sovera.console.api.model.Wallet;
import com.sovera.console.onboarding.OnboardingViewModel.Origin;
import com.sovera.console.provision.Provisioner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/** The wallet step: create one in a currency, or continue from one of the user's wallets. */
final class WalletViewModel {

    private final WizardContext wizard;
    private final AddressViewModel address;

    final StringProperty currency;
    final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.NEW);
    final ObjectProperty<Wallet> chosen = new SimpleObjectProperty<>();

    /** @param currency the wallet's currency, which the address step reads too */
    WalletViewModel(WizardContext wizard, StringProperty currency, AddressViewModel address) {
        this.wizard = wizard;
        this.currency = currency;
        this.address = address;
        origin.addListener((o, was, now) -> {
            if (now == Origin.EXISTING) {
                wizard.picker.loadWallets(wizard.progress().userId());
            }
        });
        wizard.step.addListener((o, was, now) -> {
            if (now == Step.WALLET && origin.get() == Origin.EXISTING) {
                wizard.picker.loadWallets(wizard.progress().userId());
            }
        });
    }

    void act() {
        if (origin.get() == Origin.EXISTING) {
            useExisting(chosen.get());
        } else {
            create();
        }
    }

    boolean inputsValid() {
        return origin.get() == Origin.EXISTING ? chosen.get() != null : wizard.fieldsValid(Step.WALLET);
    }

    private void useExisting(Wallet w) {
        Progress.Wallet existing = existing(w);
        wizard.record(wizard.progress().with(existing));
        address.setFor(existing);
        summarise(existing);
        wizard.advance();
    }

    private void create() {
        if (!wizard.mayWrite()) {
            return;
        }
        String userId = wizard.progress().userId();
        String name = wizard.text(Field.WALLET_NAME);
        String chosenCurrency = currency.get();
        Progress.Wallet was = wizard.progress().wallet();
        Progress.Wallet planned = new Progress.Wallet(name, chosenCurrency, Provisioner.key(
                was == null ? null : was.key(), userId + "|" + name + "|" + chosenCurrency), null);
        wizard.record(wizard.progress().with(planned));
        wizard.call(() -> wizard.service.createWallet(userId, planned), w -> {
            wizard.record(wizard.progress().with(new Progress.Wallet(name, chosenCurrency, planned.key(),
                    w.walletId())));
            wizard.summary(Step.WALLET, w.currency() + " wallet " + w.walletId() + " (created)");
            address.network.set(address.defaultNetwork(w.currency()));
            wizard.advance();
        });
    }

    static Progress.Wallet existing(Wallet w) {
        return new Progress.Wallet(w.name(), w.currency(), null, w.walletId(), true);
    }

    void summarise(Progress.Wallet existing) {
        wizard.summary(Step.WALLET, existing.currency() + " wallet " + existing.walletId() + " (existing)");
    }

    /** The choice back to "new". */
    void reset() {
        origin.set(Origin.NEW);
        chosen.set(null);
    }
}
