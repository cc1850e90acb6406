package com.sovera.console.onboarding;

import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.config.Environment;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.provision.Provisioner;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Scheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;

/**
 * The onboarding wizard without a single control: a thin coordinator over a model per step (connectivity, login,
 * customer, credentials, user, wallet, address) that share a {@link WizardContext}. It owns navigation (the step's
 * one action, Back, starting over), the rules for going on ({@link WizardState}) and the session's end; recovery
 * after a failed call is {@link WizardRecovery}'s, the journal's {@link WizardDrafts}', continuing an existing tree
 * {@link TreeContinuation}'s. Calls leave through the session's runner ({@link SessionCalls}), timers through the
 * {@link Scheduler}; every property changes on the FX thread only, and an answer for an onboarding that was started
 * over is dropped.
 */
public final class OnboardingViewModel {

    /** A network the address step offers, and why it is disabled when it is. */
    public record NetworkOption(String id, boolean enabled, String reason) {
        @Override
        public String toString() {
            return enabled ? id : id + " (" + reason + ")";
        }
    }

    /** Whether a step creates its object or continues from one that exists. */
    public enum Origin { NEW, EXISTING }

    /** Where the owner key of the credentials step comes from. */
    public enum KeySource { MINT, PASTE, KEYCHAIN }

    /**
     * Where a support action continues the tree: a customer (with its owner key, or null to get one), and
     * optionally a user of it and a wallet of that user.
     */
    public record StartPoint(String customerId, String customerEmail, String entityName, String ownerKey, User user,
                             Wallet wallet) {
        @Override
        public String toString() {
            return "StartPoint[" + customerId + ", user " + (user == null ? "-" : user.userId()) + ", wallet "
                    + (wallet == null ? "-" : wallet.walletId()) + "]";
        }
    }


    private final WizardContext wizard;
    private final ConnectivityViewModel connectivity;
    private final LoginViewModel login;
    private final CustomerViewModel customer;
    private final CredentialsViewModel credentials;
    private final UserViewModel user;
    private final WalletViewModel wallet;
    private final AddressViewModel address;
    private final WizardRecovery recovery;
    private final WizardDrafts drafts;
    private final TreeContinuation continuation;
    private final ReadOnlyObjectWrapper<WizardState> state = new ReadOnlyObjectWrapper<>();

    // the steps' inputs the view binds to, each owned by its step's model
    public final StringProperty reloginPassword;
    public final StringProperty secret;
    public final StringProperty lastFour;
    public final StringProperty userType;
    public final StringProperty walletCurrency;
    /** The network of the address to create; null until chosen where the wizard may not guess (production). */
    public final StringProperty network;
    public final ObjectProperty<Origin> customerOrigin;
    public final ObjectProperty<Origin> userOrigin;
    public final ObjectProperty<Origin> walletOrigin;
    public final StringProperty existingCustomerId;
    public final ObjectProperty<KeySource> keySource;
    public final StringProperty pastedKey;
    public final StringProperty userQuery;
    public final ObjectProperty<User> chosenUser;
    public final ObjectProperty<Wallet> chosenWallet;

    /**
     * @param session  the session: its account's client writes the tree, its runner makes every call, and it is told
     *                 of a sign-in
     * @param journal  where the tree earned so far is kept, so that nothing is created twice
     * @param adoptions told of what is adopted after a conflict (the audit trail's "reused")
     */
    public OnboardingViewModel(SessionCalls session, Journal journal, Provisioner.Adoptions adoptions,
                               Scheduler scheduler, Clock clock, Environment environment) {
        this(session, journal, adoptions, scheduler, clock, environment, null);
    }

    /** @param keyRing the keys remembered in the system keychain, or null where it is not offered */
    public OnboardingViewModel(SessionCalls session, Journal journal, Provisioner.Adoptions adoptions,
                               Scheduler scheduler, Clock clock, Environment environment, KeyRing keyRing) {
        wizard = new WizardContext(new OnboardingService(session.account(), journal, adoptions), session, scheduler,
                clock, environment);
        credentials = new CredentialsViewModel(wizard, keyRing);
        address = new AddressViewModel(wizard, new SimpleStringProperty("BTC"));
        wallet = new WalletViewModel(wizard, address.currency(), address);
        customer = new CustomerViewModel(wizard, credentials);
        user = new UserViewModel(wizard);
        connectivity = new ConnectivityViewModel(wizard);
        login = new LoginViewModel(wizard);
        recovery = new WizardRecovery(wizard, credentials, login, this::act);
        drafts = new WizardDrafts(wizard, credentials, user, wallet, address);
        continuation = new TreeContinuation(wizard, customer, credentials, user, wallet, address, recovery, drafts);
        wizard.onFailure = recovery::fail;

        reloginPassword = recovery.reloginPassword;
        secret = credentials.secret;
        lastFour = credentials.lastFour;
        keySource = credentials.keySource;
        pastedKey = credentials.pastedKey;
        userType = user.userType;
        userOrigin = user.origin;
        userQuery = user.query;
        chosenUser = user.chosen;
        walletCurrency = wallet.currency;
        walletOrigin = wallet.origin;
        chosenWallet = wallet.chosen;
        network = address.network;
        customerOrigin = customer.origin;
        existingCustomerId = customer.existingId;

        state.bind(new WizardSnapshot(wizard, connectivity, customer, credentials, user, wallet, address, recovery)
                .binding());
    }

    public void setWriteGuard(WriteGuard guard) {
        wizard.writeGuard = guard;
    }

    /**
     * Makes this a lookups desk's wizard: a step that would create or mint offers its action disabled, with
     * {@link WizardState#refusal()} saying why; signing in and continuing from existing objects still work.
     */
    public void setLookupsOnly(boolean value) {
        wizard.lookupsOnly.set(value);
    }

    /** True on a lookups desk: nothing is created, minted or resumed here. */
    public boolean lookupsOnly() {
        return wizard.lookupsOnly.get();
    }

    // ---- state for the view ----

    /** The rules as they stand: done steps, whether the action and Back may run, the action's label. */
    public ReadOnlyObjectProperty<WizardState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Step> stepProperty() {
        return wizard.step;
    }

    public BooleanProperty busyProperty() {
        return wizard.busy;
    }

    public ObjectProperty<Problem> problemProperty() {
        return wizard.problem;
    }

    public StringProperty statusProperty() {
        return wizard.status;
    }

    public BooleanProperty needsSignInProperty() {
        return recovery.needsSignIn;
    }

    /** Seconds until a rate-limited step is retried by itself; 0 when none waits. */
    public IntegerProperty retryInProperty() {
        return recovery.retryIn;
    }

    public BooleanProperty keyLostProperty() {
        return credentials.keyLost;
    }

    public StringProperty summary(Step s) {
        return wizard.summaries.get(s);
    }

    public StringProperty input(Field f) {
        return wizard.input(f);
    }

    public ObjectProperty<DepositCheck.Result> depositProperty() {
        return address.deposit;
    }

    public ObservableMap<Field, String> serverFieldErrors() {
        return wizard.serverFieldErrors;
    }

    public Progress progress() {
        return wizard.progress();
    }

    /** The existing customers, users and wallets the steps can continue from. */
    public TreePickerViewModel picker() {
        return wizard.picker;
    }

    /** True where the system keychain can give an owner key. */
    public boolean keychainOffered() {
        return credentials.keychainOffered();
    }

    /**
     * True where the credentials step offers a key the operator may hold (pasted, or from the keychain) beside a
     * mint: for a customer that existed, or one whose key was minted in an earlier session.
     */
    public boolean keySourcesOffered() {
        return credentials.sourcesOffered();
    }

    /** Why the keychain cannot give a key here (empty where it can). */
    public String keychainReason() {
        return credentials.keychainReason();
    }

    /** The fault of a field as the contract's rules see it now, or null. */
    public String check(Field f) {
        return wizard.check(f);
    }

    public List<NetworkOption> networkOptions() {
        return address.networkOptions();
    }

    // ---- commands ----

    /** The step's one action: check, sign in, create, verify, or go on once the step's work is done. */
    public void act() {
        WizardState now = state.get();
        if (!now.canAct()) {
            return;
        }
        wizard.problem.set(null);
        wizard.serverFieldErrors.clear();
        Step s = now.step();
        if (s == Step.CREDENTIALS && now.keyShown()) {
            credentials.confirmed();
            return;
        }
        if (now.isDone(s) && s != Step.CONNECTIVITY && s != Step.ADDRESS) {
            wizard.advance();
            return;
        }
        switch (s) {
            case CONNECTIVITY -> connectivity.check();
            case LOGIN -> login.signIn();
            case CUSTOMER -> customer.act();
            case CREDENTIALS -> credentials.act();
            case USER -> user.act();
            case WALLET -> wallet.act();
            case ADDRESS -> address.act(continuation::startOver);
            default -> throw new IllegalStateException("unknown step " + s);
        }
    }

    public void back() {
        if (state.get().canGoBack()) {
            wizard.problem.set(null);
            wizard.step.set(Step.values()[wizard.step.get().ordinal() - 1]);
        }
    }

    /** After a 401: signs in again with the password typed into the prompt, then retries the step that failed. */
    public void signInAgain() {
        recovery.signInAgain();
    }

    /** Finds the customer's users by the text typed (an e-mail or part of one, or a user id). */
    public void findUsers() {
        user.find();
    }

    /** A new onboarding in the same session: inputs, results and anything still out or waiting dropped. */
    public void startOver() {
        continuation.startOver();
    }

    // ---- after a verified address, or from a support action: continue in the same tree ----

    /** Another deposit address for the same wallet. */
    public void anotherAddress() {
        continuation.anotherAddress();
    }

    /** Another wallet (and its address) for the same user. */
    public void anotherWallet() {
        continuation.anotherWallet();
    }

    /** Another user (and its wallet and address) for the same customer. */
    public void anotherUser() {
        continuation.anotherUser();
    }

    /**
     * Continues the tree where a support action stands: an existing customer (with its key when the console has
     * one), and maybe a user and a wallet of it. Whatever onboarding was on screen is replaced.
     */
    public void startFrom(StartPoint start) {
        continuation.startFrom(start);
    }

    /** Loads an unfinished onboarding: inputs and ids come back; the owner key does not, it was never kept. */
    public void resume(Progress saved) {
        if (lookupsOnly()) {
            return; // a resumed onboarding goes on creating: not on a lookups desk (discarding it is allowed)
        }
        drafts.resume(saved);
    }

    // ---- the window and the session ----

    /**
     * The window goes away: what runs on its own stops (a call, a countdown), and a draft still waiting for its
     * moment is journaled now, so nothing typed in the last second is lost.
     */
    public void dispose() {
        recovery.stop();
        drafts.flush();
    }

    /** A key of this customer was revoked (its last four): if the wizard holds it, it drops it. */
    public void keyRevoked(String customerId, String revokedLastFour) {
        credentials.revoked(customerId, revokedLastFour);
    }

    /**
     * The session is about to close: a key shown once and not yet confirmed is lost with it, so the operator is
     * asked first (an idle sign-out drops it, and the next sign-in names it). False: stay signed in.
     */
    public boolean sessionClosing(com.sovera.console.session.SessionEnd end, Ask ask) {
        return credentials.sessionClosing(end, ask);
    }

    /** True while a key is on screen or pasted and not yet used: an idle sign-out is due for it too. */
    public boolean holdsKey() {
        return credentials.holdsKey();
    }

    /** The session ended (sign-out): the key on screen goes, typed input stays journaled. */
    public void signedOut() {
        recovery.stop();
        credentials.signedOut();
        wizard.picker.clear();
        wizard.input(Field.PASSWORD).set("");
        reloginPassword.set("");
        wizard.summary(Step.LOGIN, "");
        credentials.afterSignOut();
        if (wizard.step.get().ordinal() > Step.LOGIN.ordinal()) {
            wizard.step.set(Step.LOGIN);
        }
    }

}
