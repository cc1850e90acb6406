package com.sovera.console.onboarding;

import com.sovera.console.onboarding.OnboardingViewModel.KeySource;
import com.sovera.console.onboarding.OnboardingViewModel.Origin;
import com.sovera.console.onboarding.OnboardingViewModel.StartPoint;

/**
 * Where the next onboarding begins: over, from the customer step; or continuing a tree that exists, after a
 * verified address (another address, wallet or user beside it) or where a support action stands (a customer, maybe
 * a user and a wallet of it).
 */
final class TreeContinuation {

    private final WizardContext wizard;
    private final CustomerViewModel customer;
    private final CredentialsViewModel credentials;
    private final UserViewModel user;
    private final WalletViewModel wallet;
    private final AddressViewModel address;
    private final WizardRecovery recovery;
    private final WizardDrafts drafts;

    TreeContinuation(WizardContext wizard, CustomerViewModel customer, CredentialsViewModel credentials,
                     UserViewModel user, WalletViewModel wallet, AddressViewModel address, WizardRecovery recovery,
                     WizardDrafts drafts) {
        this.wizard = wizard;
        this.customer = customer;
        this.credentials = credentials;
        this.user = user;
        this.wallet = wallet;
        this.address = address;
        this.recovery = recovery;
        this.drafts = drafts;
    }

    /** A new onboarding in the same session: inputs, results and anything still out or waiting dropped. */
    void startOver() {
        recovery.stop();
        wizard.progress.set(Progress.start(wizard.environment.id()));
        for (Field f : Field.values()) {
            if (f != Field.LOGIN_EMAIL && f != Field.PASSWORD) {
                wizard.input(f).set("");
            }
        }
        credentials.lastFour.set("");
        credentials.secret.set(null);
        wizard.service.client().credentials().useOwnerKey(null);
        wizard.keyAccepted.set(false);
        wizard.session.customerIdProperty().set(null);
        address.deposit.set(null);
        credentials.keyLost.set(false);
        wizard.problem.set(null);
        wizard.serverFieldErrors.clear();
        resetChoices();
        customer.origin.set(Origin.NEW);
        customer.existingId.set("");
        wizard.clearSummariesAfterLogin();
        drafts.drop();
        wizard.step.set(Step.CUSTOMER);
    }

    /** The user, wallet and key choices back to "new". */
    private void resetChoices() {
        credentials.keySource.set(KeySource.MINT);
        credentials.pastedKey.set("");
        user.reset();
        wallet.reset();
        wizard.picker.clear();
    }

    /** Another deposit address for the same wallet. */
    void anotherAddress() {
        Progress p = wizard.progress();
        continueWith(p.with(reused(p.customer())).with(reused(p.user())).with(reused(p.wallet())), Step.ADDRESS);
    }

    /** Another wallet (and its address) for the same user. */
    void anotherWallet() {
        Progress p = wizard.progress();
        wizard.input(Field.WALLET_NAME).set("");
        continueWith(p.with(reused(p.customer())).with(reused(p.user())).with((Progress.Wallet) null),
                Step.WALLET);
    }

    /** Another user (and its wallet and address) for the same customer. */
    void anotherUser() {
        Progress p = wizard.progress();
        user.clearForm();
        wizard.input(Field.WALLET_NAME).set("");
        continueWith(p.with(reused(p.customer())).with((Progress.User) null).with((Progress.Wallet) null),
                Step.USER);
    }

    /**
     * Continues the tree where a support action stands: an existing customer (with its key when the console has
     * one), and maybe a user and a wallet of it. Whatever onboarding was on screen is replaced.
     */
    void startFrom(StartPoint start) {
        recovery.stop();
        credentials.secret.set(null);
        credentials.lastFour.set("");
        address.deposit.set(null);
        credentials.keyLost.set(false);
        wizard.problem.set(null);
        wizard.serverFieldErrors.clear();
        resetChoices();
        // the forms of the steps ahead start empty: nothing of the previous run's user or wallet is offered again
        user.clearForm();
        wizard.input(Field.WALLET_NAME).set("");
        user.userType.set("individual");
        wallet.currency.set("BTC");
        address.network.set(address.defaultNetwork(wallet.currency.get()));
        Progress p = Progress.start(wizard.environment.id()).with(new Progress.Customer(start.customerEmail(),
                start.customerId(), start.entityName(), null, true, true));
        customer.origin.set(Origin.EXISTING);
        customer.existingId.set(start.customerId());
        wizard.session.customerIdProperty().set(start.customerId());
        wizard.clearSummariesAfterLogin();
        wizard.summary(Step.CUSTOMER, "Customer " + start.customerId() + " (existing)");
        wizard.service.client().credentials().useOwnerKey(start.ownerKey());
        wizard.keyAccepted.set(start.ownerKey() != null);
        if (start.ownerKey() != null) {
            wizard.summary(Step.CREDENTIALS, "Owner key of the lookups");
        } else {
            credentials.keySource.set(credentials.keyAtHand());
        }
        Step target = start.ownerKey() == null ? Step.CREDENTIALS : Step.USER;
        if (start.user() != null) {
            Progress.User existing = UserViewModel.existing(start.user());
            p = p.with(existing);
            user.summarise(existing);
            target = start.ownerKey() == null ? Step.CREDENTIALS : Step.WALLET;
        }
        if (start.wallet() != null) {
            Progress.Wallet existing = WalletViewModel.existing(start.wallet());
            p = p.with(existing);
            address.setFor(existing);
            wallet.summarise(existing);
            target = start.ownerKey() == null ? Step.CREDENTIALS : Step.ADDRESS;
        }
        wizard.record(p.atLeast(target));
        wizard.step.set(target);
    }

    private void continueWith(Progress next, Step at) {
        recovery.stop();
        address.deposit.set(null);
        wizard.problem.set(null);
        resetChoices();
        Progress fresh = new Progress(wizard.environment.id(), at.ordinal(), false, next.customer(),
                next.credentials(), next.user(), next.wallet(), null);
        wizard.summary(Step.ADDRESS, "");
        if (fresh.user() == null) {
            wizard.summary(Step.USER, "");
        } else {
            user.summarise(fresh.user());
        }
        if (fresh.wallet() == null) {
            wizard.summary(Step.WALLET, "");
        } else {
            wallet.summarise(fresh.wallet());
        }
        wizard.summary(Step.CUSTOMER, "Customer " + fresh.customerId() + " (existing)");
        wizard.record(fresh);
        wizard.step.set(at);
    }

    private static Progress.Customer reused(Progress.Customer c) {
        return c == null ? null : new Progress.Customer(c.email(), c.customerId(), c.entityName(), c.key(), true, true);
    }

    private static Progress.User reused(Progress.User u) {
        return u == null ? null : new Progress.User(u.userType(), u.email(), u.firstName(), u.lastName(), u.phone(),
                u.dateOfBirth(), u.country(), u.key(), u.userId(), true);
    }

    private static Progress.Wallet reused(Progress.Wallet w) {
        return w == null ? null : new Progress.Wallet(w.name(), w.currency(), w.key(), w.walletId(), true);
    }
}
