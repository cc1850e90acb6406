package com.sovera.console.onboarding;

import com.sovera.console.chain.Network;
import com.sovera.console.config.Environment;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.onboarding.OnboardingViewModel.NetworkOption;
import com.sovera.console.provision.Provisioner;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The address step: a deposit address on the network chosen, and the checks before its QR code is shown. */
final class AddressViewModel {

    private final WizardContext wizard;
    private final StringProperty currency;

    /** The network of the address to create; null until chosen where the wizard may not guess (production). */
    final StringProperty network = new SimpleStringProperty();
    final ObjectProperty<DepositCheck.Result> deposit = new SimpleObjectProperty<>();

    /** @param currency the wallet's currency (the networks offered follow it) */
    AddressViewModel(WizardContext wizard, StringProperty currency) {
        this.wizard = wizard;
        this.currency = currency;
        network.set(defaultNetwork(currency.get()));
        currency.addListener((o, was, now) -> network.set(defaultNetwork(now)));
    }

    /** The wallet's currency, which this step's networks follow. */
    StringProperty currency() {
        return currency;
    }

    /** Creates the address, or runs the checks again for one created; {@code done} once it was verified. */
    void act(Runnable done) {
        if (deposit.get() != null && deposit.get().ok()) {
            done.run();
            return;
        }
        if (wizard.progress().depositAddress() != null) {
            verify(); // created already: only the checks run again
            return;
        }
        if (!wizard.mayWrite()) {
            return;
        }
        Progress p = wizard.progress();
        String walletId = p.walletId();
        String walletCurrency = p.wallet().currency();
        String chosen = network.get();
        Progress.Address was = p.address();
        Progress.Address planned = new Progress.Address(chosen, Provisioner.key(was == null ? null : was.key(),
                walletId + "|" + walletCurrency + "|" + chosen), null, null);
        wizard.record(p.with(planned));
        wizard.call(() -> wizard.service.createAddress(walletId, walletCurrency, planned), a -> {
            wizard.record(wizard.progress().with(new Progress.Address(chosen, planned.key(), a.addressId(),
                    a.address())));
            verify();
        });
    }

    /** The checks before a QR code is shown; retried alone when the server was briefly unavailable. */
    private void verify() {
        Progress p = wizard.progress();
        wizard.call(() -> wizard.service.verify(p), r -> {
            deposit.set(r);
            wizard.summary(Step.ADDRESS, r.ok() ? r.address().network() + " address verified"
                    : "Address NOT verified: " + r.failure());
            wizard.record(wizard.progress().finished(r.ok()));
        });
    }

    boolean inputsValid() {
        return networkOptions().stream().anyMatch(o -> o.id().equals(network.get()) && o.enabled());
    }

    List<NetworkOption> networkOptions() {
        List<Network> networks = switch (currency.get()) {
            case "BTC" -> List.of(Network.BITCOIN_TESTNET, Network.BITCOIN);
            default -> List.of(Network.ETHEREUM_SEPOLIA, Network.ETHEREUM);
        };
        return networks.stream().map(n -> wizard.environment.kind() == Environment.Kind.CUSTOM || n.isTestnet()
                ? new NetworkOption(n.id(), true, null)
                : new NetworkOption(n.id(), false, "a sandbox issues test-network addresses only")).toList();
    }

    /**
     * A sandbox's test network for the currency; outside a sandbox none: the operator picks (a wrong guess there
     * is an address on a network the customer did not mean).
     */
    String defaultNetwork(String forCurrency) {
        if (wizard.environment.isProductionLike()) {
            return null;
        }
        return "BTC".equals(forCurrency) ? Network.BITCOIN_TESTNET.id() : Network.ETHEREUM_SEPOLIA.id();
    }

    /** The step set for an existing wallet picked: its currency, on that currency's default network. */
    void setFor(Progress.Wallet existing) {
        currency.set(existing.currency());
        network.set(defaultNetwork(existing.currency()));
    }
}
