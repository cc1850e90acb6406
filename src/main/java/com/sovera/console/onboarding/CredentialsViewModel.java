package com.sovera.console.onboarding;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.onboarding.OnboardingViewModel.KeySource;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionEnd;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.Problem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The owner key step: mint one (shown once, confirmed by its last four), or use one the operator has (pasted,
 * or from the system keychain), which the server must accept first. A key leaves with the session or its revocation.
 */
final class CredentialsViewModel {

    private final WizardContext wizard;
    private final KeyRing keyRing;

    final StringProperty secret = new SimpleStringProperty();
    final StringProperty lastFour = new SimpleStringProperty("");
    final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.MINT);
    final StringProperty pastedKey = new SimpleStringProperty("");
    final BooleanProperty keyLost = new SimpleBooleanProperty();

    /** @param keyRing the keys remembered in the system keychain, or null where it is not offered */
    CredentialsViewModel(WizardContext wizard, KeyRing keyRing) {
        this.wizard = wizard;
        this.keyRing = keyRing;
    }

    void act() {
        switch (keySource.get()) {
            case PASTE -> useKey(pastedKey.get().strip(), "pasted by the operator");
            case KEYCHAIN -> keyFromKeychain();
            default -> mint();
        }
    }

    boolean inputsValid() {
        return keySource.get() != KeySource.PASTE || !pastedKey.get().isBlank();
    }

    /** The minted key's last four were typed back: it leaves the screen (the client keeps it for the steps ahead). */
    void confirmed() {
        wizard.keyAccepted.set(true);
        wizard.session.current().keyConfirmed(wizard.progress().customerId(), secret.get());
        secret.set(null);
        lastFour.set("");
        wizard.summary(Step.CREDENTIALS, "Owner key minted and stored by the operator");
        wizard.advance();
    }

    /** True where the system keychain can give an owner key. */
    boolean keychainOffered() {
        return keyRing != null && keyRing.availableProperty().get();
    }

    /** Where a key for an existing customer comes from first: the keychain when it is offered, else pasted. */
    KeySource keyAtHand() {
        return keychainOffered() ? KeySource.KEYCHAIN : KeySource.PASTE;
    }

    /** Why the keychain cannot give a key here (empty where it can). */
    String keychainReason() {
        if (keychainOffered()) {
            return "";
        }
        String note = keyRing == null ? "" : keyRing.noteProperty().get();
        return note == null || note.isBlank() ? "No system keychain is available to this console." : note;
    }

    /** A key the operator may hold is offered beside a mint: for a customer that existed, or a key minted before. */
    boolean sourcesOffered() {
        Progress p = wizard.progress();
        return p.customer() != null && (p.customer().wasReused() || p.keyMinted()) && secret.get() == null;
    }

    /** An owner key the operator has (pasted, or from the keychain): the server must accept it before it is used. */
    private void useKey(String key, String how) {
        String customerId = wizard.progress().customerId();
        wizard.call(() -> {
            // checked with a client of its own: the wizard's takes the key on the FX thread, where an answer
            // arriving after a sign-out is dropped (never from a worker, which could put it back after one)
            SovxClient checker = wizard.service.client().derive();
            checker.credentials().useOwnerKey(key);
            try {
                checker.api().listUsers(Filter.page(1, 0).asQuery()).execute();
            } catch (ApiException e) {
                if (!e.isNotOffered()) {
                    throw e;
                }
                // a server without the (assumed) user list: the key is used unchecked; the first write tells
            }
            return customerId;
        }, id -> {
            wizard.service.client().credentials().useOwnerKey(key);
            pastedKey.set("");
            wizard.keyAccepted.set(true);
            keyLost.set(false);
            wizard.summary(Step.CREDENTIALS, "Owner key " + how);
            wizard.advance();
        });
    }

    private void keyFromKeychain() {
        String customerId = wizard.progress().customerId();
        wizard.call(() -> keyRing.load(customerId).orElse(null), key -> {
            if (key == null) {
                wizard.problem.set(new Problem("No key in the keychain", "The system keychain holds no owner key for "
                        + customerId + " in this environment.", null, null, null,
                        "Paste the customer's key, or mint a new one."));
                keySource.set(KeySource.PASTE);
                return;
            }
            useKey(key, "taken from the system keychain");
        });
    }

    private void mint() {
        if (!wizard.mayWrite()) {
            return;
        }
        wizard.keyAccepted.set(false);
        String customerId = wizard.progress().customerId();
        String key = OnboardingService.mintKey(wizard.progress().credentials());
        wizard.record(wizard.progress().with(new Progress.Credentials(key, false)));
        wizard.call(() -> wizard.service.mintKey(customerId, key), minted -> {
            wizard.service.client().credentials().useOwnerKey(minted.customerSecret());
            wizard.session.current().keyMinted(customerId, minted.customerSecret());
            secret.set(minted.customerSecret());
            lastFour.set("");
            keyLost.set(false);
            wizard.record(wizard.progress().with(new Progress.Credentials(key, true)));
        });
    }

    /** The key on screen and the one the client holds go (nothing else of the step changes). */
    void drop() {
        wizard.service.client().credentials().useOwnerKey(null);
        wizard.keyAccepted.set(false);
        secret.set(null);
        lastFour.set("");
    }

    /** A key of this customer was revoked (its last four): if the wizard holds it, it drops it. */
    void revoked(String customerId, String revokedLastFour) {
        wizard.session.current().keyRevoked(customerId, revokedLastFour);
        if (customerId.equals(wizard.progress().customerId())
                && wizard.service.client().credentials().ownerKeyEndsWith(revokedLastFour)) {
            drop();
            wizard.summary(Step.CREDENTIALS, "The key in use was revoked: get another");
            if (wizard.step.get().ordinal() > Step.CREDENTIALS.ordinal()) {
                wizard.step.set(Step.CREDENTIALS);
            }
        }
    }

    /** A key shown once and not yet confirmed is lost with the session: the operator is asked first (not when idle). */
    boolean sessionClosing(SessionEnd end, Ask ask) {
        String key = secret.get();
        if (end.idle() || key == null) {
            return true;
        }
        return ask.choose(end.question(), "The owner key ending in " + key.substring(key.length() - 4)
                + " was shown once and you have not confirmed storing it. " + end.doing() + " takes it off the"
                + " screen for good (it stays valid: revoke it if it was not stored).", end.goOrStay()) == 0;
    }

    /** True while a key is on screen or pasted and not yet used. */
    boolean holdsKey() {
        return secret.get() != null || !pastedKey.get().isBlank();
    }

    /** The session ended: the key leaves the screen; a key the operator stored is pasted or taken back next time. */
    void signedOut() {
        wizard.keyAccepted.set(false);
        pastedKey.set("");
        secret.set(null);
        lastFour.set("");
    }

    /** After sign-out: where the next key comes from. */
    void afterSignOut() {
        Progress p = wizard.progress();
        if (p.keyMinted() || p.customer() != null && p.customer().wasReused()) {
            // the key left with the session: the operator stored it, so it is pasted or taken back, not minted anew
            keySource.set(keyAtHand());
            if (p.keyMinted()) {
                wizard.summary(Step.CREDENTIALS, "The key left with the session: paste it, or take it from the"
                        + " keychain");
            }
        }
    }
}
