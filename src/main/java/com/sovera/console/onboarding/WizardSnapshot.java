package com.sovera.console.onboarding;

import com.sovera.console.deposit.DepositCheck;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;

/**
 * The wizard's rules as they stand, read from the step models: a {@link WizardState} made anew whenever one of the
 * facts it is made of changes.
 */
final class WizardSnapshot {

    private final WizardContext wizard;
    private final ConnectivityViewModel connectivity;
    private final CustomerViewModel customer;
    private final CredentialsViewModel credentials;
    private final UserViewModel user;
    private final WalletViewModel wallet;
    private final AddressViewModel address;
    private final WizardRecovery recovery;

    WizardSnapshot(WizardContext wizard, ConnectivityViewModel connectivity, CustomerViewModel customer,
                   CredentialsViewModel credentials, UserViewModel user, WalletViewModel wallet,
                   AddressViewModel address, WizardRecovery recovery) {
        this.wizard = wizard;
        this.connectivity = connectivity;
        this.customer = customer;
        this.credentials = credentials;
        this.user = user;
        this.wallet = wallet;
        this.address = address;
        this.recovery = recovery;
    }

    /** The state, kept up to date with every fact it is made of. */
    ObjectBinding<WizardState> binding() {
        List<Observable> facts = new ArrayList<>(List.of(wizard.progress, wizard.step, wizard.busy,
                connectivity.checked, recovery.needsSignIn, recovery.retryIn, credentials.secret,
                credentials.lastFour, address.deposit, address.network, wallet.currency, user.userType,
                wizard.session.accountProperty(), customer.origin, user.origin, wallet.origin, customer.existingId,
                credentials.keySource, credentials.pastedKey, user.chosen, wallet.chosen, wizard.keyAccepted,
                wizard.lookupsOnly));
        facts.addAll(wizard.inputs.values());
        return Bindings.createObjectBinding(this::take, facts.toArray(Observable[]::new));
    }

    private WizardState take() {
        Step s = wizard.step.get();
        String key = credentials.secret.get();
        boolean confirmed = key != null && key.length() >= 4
                && key.substring(key.length() - 4).equals(credentials.lastFour.get());
        DepositCheck.Result deposit = address.deposit.get();
        return new WizardState(s, wizard.progress(), connectivity.checked.get(),
                wizard.session.accountProperty().get() != null, key != null, confirmed,
                wizard.service.client().credentials().hasOwnerKey() && wizard.keyAccepted.get(),
                deposit == null ? null : deposit.ok(), inputsValid(s),
                wizard.busy.get() || recovery.retryIn.get() > 0 || recovery.needsSignIn.get(), reuses(s),
                wizard.lookupsOnly.get());
    }

    private boolean reuses(Step s) {
        return switch (s) {
            case CUSTOMER -> customer.origin.get() == OnboardingViewModel.Origin.EXISTING;
            case CREDENTIALS -> credentials.keySource.get() != OnboardingViewModel.KeySource.MINT;
            case USER -> user.origin.get() == OnboardingViewModel.Origin.EXISTING;
            case WALLET -> wallet.origin.get() == OnboardingViewModel.Origin.EXISTING;
            default -> false;
        };
    }

    /** The step's inputs for what it will do: create (its fields), continue from an existing object, or a key. */
    private boolean inputsValid(Step s) {
        return switch (s) {
            case CUSTOMER -> customer.inputsValid();
            case CREDENTIALS -> credentials.inputsValid();
            case USER -> user.inputsValid();
            case WALLET -> wallet.inputsValid();
            case ADDRESS -> address.inputsValid();
            default -> wizard.fieldsValid(s);
        };
    }
}
