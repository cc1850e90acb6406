package com.sovera.console.onboarding;

import com.sovera.console.ui.task.Scheduler;
import java.time.Duration;
import javafx.beans.property.StringProperty;

/**
 * The wizard and its journal: what is typed is journaled a moment after the last keystroke (nothing typed is lost
 * on a crash), and an unfinished onboarding comes back from it.
 */
final class WizardDrafts {

    private static final Duration DRAFT_DELAY = Duration.ofSeconds(1);

    private final WizardContext wizard;
    private final CredentialsViewModel credentials;
    private final UserViewModel user;
    private final WalletViewModel wallet;
    private final AddressViewModel address;
    private Scheduler.Timer draft;

    WizardDrafts(WizardContext wizard, CredentialsViewModel credentials, UserViewModel user, WalletViewModel wallet,
                 AddressViewModel address) {
        this.wizard = wizard;
        this.credentials = credentials;
        this.user = user;
        this.wallet = wallet;
        this.address = address;
        for (Field f : Field.values()) {
            if (f != Field.PASSWORD && f != Field.LOGIN_EMAIL) {
                wizard.input(f).addListener((o, was, now) -> keep());
            }
        }
    }

    private void keep() {
        if (draft != null) {
            draft.stop();
        }
        draft = wizard.scheduler.after(DRAFT_DELAY, () -> {
            draft = null;
            save();
        });
    }

    /** A draft still waiting for its moment is journaled now. */
    void flush() {
        if (draft != null) {
            draft.stop();
            draft = null;
            save();
        }
    }

    /** A draft still waiting is dropped (the onboarding starts over). */
    void drop() {
        if (draft != null) {
            draft.stop();
        }
    }

    private void save() {
        Progress withDraft = withTypedInputs(wizard.progress());
        if (withDraft.hasAnything()) {
            wizard.service.record(withDraft);
        }
    }

    /** The progress with the inputs of steps not yet done as typed now (their keys kept, nothing created). */
    private Progress withTypedInputs(Progress p) {
        if (!p.customerCreated() && !allBlank(Field.CUSTOMER_EMAIL, Field.CUSTOMER_ID, Field.ENTITY_NAME)) {
            p = p.with(new Progress.Customer(wizard.text(Field.CUSTOMER_EMAIL), wizard.text(Field.CUSTOMER_ID),
                    wizard.text(Field.ENTITY_NAME), p.customer() == null ? null : p.customer().key(), false));
        }
        if (p.userId() == null && !allBlank(Field.USER_EMAIL, Field.FIRST_NAME, Field.LAST_NAME, Field.PHONE,
                Field.DATE_OF_BIRTH, Field.COUNTRY)) {
            p = p.with(new Progress.User(user.userType.get(), wizard.text(Field.USER_EMAIL),
                    wizard.text(Field.FIRST_NAME), wizard.text(Field.LAST_NAME), wizard.text(Field.PHONE),
                    wizard.text(Field.DATE_OF_BIRTH), wizard.text(Field.COUNTRY),
                    p.user() == null ? null : p.user().key(), null));
        }
        if (p.walletId() == null && !allBlank(Field.WALLET_NAME)) {
            p = p.with(new Progress.Wallet(wizard.text(Field.WALLET_NAME), wallet.currency.get(),
                    p.wallet() == null ? null : p.wallet().key(), null));
        }
        return p;
    }

    private boolean allBlank(Field... fields) {
        for (Field f : fields) {
            if (!wizard.text(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Loads an unfinished onboarding: inputs and ids come back; the owner key does not, it was never kept. */
    void resume(Progress saved) {
        Progress p = saved.in(wizard.environment.id());
        wizard.progress.set(p);
        Progress.Customer c = p.customer();
        if (c != null) {
            set(Field.CUSTOMER_EMAIL, c.email());
            set(Field.CUSTOMER_ID, c.customerId());
            set(Field.ENTITY_NAME, c.entityName());
            if (c.created()) {
                wizard.summary(Step.CUSTOMER, "Customer " + c.customerId());
                wizard.session.customerIdProperty().set(c.customerId());
            }
        }
        Progress.User u = p.user();
        if (u != null) {
            user.userType.set(u.userType() == null ? "individual" : u.userType());
            set(Field.USER_EMAIL, u.email());
            set(Field.FIRST_NAME, u.firstName());
            set(Field.LAST_NAME, u.lastName());
            set(Field.PHONE, u.phone());
            set(Field.DATE_OF_BIRTH, u.dateOfBirth());
            set(Field.COUNTRY, u.country());
            if (u.userId() != null) {
                wizard.summary(Step.USER, "User " + u.userId());
            }
        }
        Progress.Wallet w = p.wallet();
        if (w != null) {
            set(Field.WALLET_NAME, w.name());
            wallet.currency.set(w.currency() == null ? "BTC" : w.currency());
            if (w.walletId() != null) {
                wizard.summary(Step.WALLET, w.currency() + " wallet " + w.walletId());
            }
        }
        address.network.set(p.address() == null || p.address().network() == null
                ? address.defaultNetwork(wallet.currency.get()) : p.address().network());
        if (p.keyMinted()) {
            credentials.keyLost.set(true);
            wizard.summary(Step.CREDENTIALS, "Key from the interrupted session was not kept: mint a new one");
        }
        wizard.step.set(Step.CONNECTIVITY);
    }

    private void set(Field f, String value) {
        StringProperty input = wizard.input(f);
        input.set(value == null ? "" : value);
    }
}
