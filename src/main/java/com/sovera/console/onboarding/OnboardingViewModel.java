package com.sovera.console.onboarding;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.chain.Network;
import com.sovera.console.config.Environment;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.provision.Provisioner;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionState;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.Scheduler;
import com.sovera.console.ui.task.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The onboarding wizard without a single control: the inputs, what each step earned (an immutable
 * {@link Progress}, journaled as it goes), the rules for going on ({@link WizardState}), and recovery: a 401 asks
 * for the password and retries the step with what is typed now; a 429 counts down and retries the same step.
 * Calls leave through the injected {@link TaskRunner}, timers through the {@link Scheduler}; every property changes
 * on the FX thread only, and an answer for an onboarding that was started over is dropped.
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

    private static final Duration DRAFT_DELAY = Duration.ofSeconds(1);

    private final OnboardingService service;
    private final TaskRunner runner;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Environment environment;
    private final SessionState session;
    private WriteGuard writeGuard = WriteGuard.ALWAYS;

    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONNECTIVITY);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty checked = new SimpleBooleanProperty();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty needsSignIn = new SimpleBooleanProperty();
    private final IntegerProperty retryIn = new SimpleIntegerProperty();
    private final ObservableMap<Field, String> serverFieldErrors = FXCollections.observableHashMap();
    private final Map<Step, StringProperty> summaries = new EnumMap<>(Step.class);
    private final Map<Field, StringProperty> inputs = new EnumMap<>(Field.class);
    private final ObjectProperty<DepositCheck.Result> deposit = new SimpleObjectProperty<>();
    private final BooleanProperty keyLost = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<WizardState> state = new ReadOnlyObjectWrapper<>();

    public final StringProperty reloginPassword = new SimpleStringProperty("");
    public final StringProperty secret = new SimpleStringProperty();
    public final StringProperty lastFour = new SimpleStringProperty("");
    public final StringProperty userType = new SimpleStringProperty("individual");
    public final StringProperty walletCurrency = new SimpleStringProperty("BTC");
    /** The network of the address to create; null until chosen where the wizard may not guess (production). */
    public final StringProperty network = new SimpleStringProperty();
    public final ObjectProperty<Origin> customerOrigin = new SimpleObjectProperty<>(Origin.NEW);
    public final ObjectProperty<Origin> userOrigin = new SimpleObjectProperty<>(Origin.NEW);
    public final ObjectProperty<Origin> walletOrigin = new SimpleObjectProperty<>(Origin.NEW);
    public final StringProperty existingCustomerId = new SimpleStringProperty("");
    public final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.MINT);
    public final StringProperty pastedKey = new SimpleStringProperty("");
    public final StringProperty userQuery = new SimpleStringProperty("");
    public final ObjectProperty<User> chosenUser = new SimpleObjectProperty<>();
    public final ObjectProperty<Wallet> chosenWallet = new SimpleObjectProperty<>();
    /** The owner key the client holds was confirmed by the operator or accepted by the server. */
    private final BooleanProperty keyAccepted = new SimpleBooleanProperty();
    private final TreePicker picker;
    private final KeyRing keyRing;

    /** The call out, latest wins (cancelled when the onboarding starts over), and the step a retry belongs to. */
    private final Latest calls;
    private Step retryStep;
    private Scheduler.Timer countdown;
    private Scheduler.Timer draft;

    public OnboardingViewModel(OnboardingService service, TaskRunner runner, Scheduler scheduler, Clock clock,
                               Environment environment, SessionState session) {
        this(service, runner, scheduler, clock, environment, session, null);
    }

    /** @param keyRing the keys remembered in the system keychain, or null where it is not offered */
    public OnboardingViewModel(OnboardingService service, TaskRunner runner, Scheduler scheduler, Clock clock,
                               Environment environment, SessionState session, KeyRing keyRing) {
        this.service = service;
        this.keyRing = keyRing;
        // every call of the wizard belongs to the session in force: a sign-out cancels it and drops its answer
        this.runner = session.runner(runner);
        this.calls = new Latest(this.runner);
        this.picker = new TreePicker(service.client(), this.runner);
        this.scheduler = scheduler;
        this.clock = clock;
        this.environment = environment;
        this.session = session;
        progress.set(Progress.start(environment.id()));
        network.set(defaultNetwork(walletCurrency.get()));
        for (Step s : Step.values()) {
            summaries.put(s, new SimpleStringProperty(""));
        }
        for (Field f : Field.values()) {
            StringProperty value = new SimpleStringProperty("");
            inputs.put(f, value);
            value.addListener((o, was, now) -> serverFieldErrors.remove(f)); // the server judged another value
            if (f != Field.PASSWORD && f != Field.LOGIN_EMAIL) {
                value.addListener((o, was, now) -> keepDraft());
            }
        }
        walletCurrency.addListener((o, was, now) -> network.set(defaultNetwork(now)));
        walletOrigin.addListener((o, was, now) -> {
            if (now == Origin.EXISTING) {
                picker.loadWallets(progress.get().userId());
            }
        });
        step.addListener((o, was, now) -> {
            if (now == Step.WALLET && walletOrigin.get() == Origin.EXISTING) {
                picker.loadWallets(progress.get().userId());
            }
        });
        // the account's customers are asked for only when the operator wants an existing one
        customerOrigin.addListener((o, was, now) -> {
            if (now == Origin.EXISTING && session.accountProperty().get() != null) {
                picker.loadCustomers();
            }
        });
        session.accountProperty().addListener((o, was, now) -> {
            if (now != null && customerOrigin.get() == Origin.EXISTING) {
                picker.loadCustomers();
            }
        });
        List<Observable> facts = new ArrayList<>(List.of(progress, step, busy, checked, needsSignIn, retryIn,
                secret, lastFour, deposit, network, walletCurrency, userType, session.accountProperty(),
                customerOrigin, userOrigin, walletOrigin, existingCustomerId, keySource, pastedKey, chosenUser,
                chosenWallet, keyAccepted));
        facts.addAll(inputs.values());
        ObjectBinding<WizardState> computed = Bindings.createObjectBinding(this::snapshot,
                facts.toArray(Observable[]::new));
        state.bind(computed);
    }

    public void setWriteGuard(WriteGuard guard) {
        this.writeGuard = guard;
    }

    // ---- state for the view ----

    /** The rules as they stand: done steps, whether the action and Back may run, the action's label. */
    public ReadOnlyObjectProperty<WizardState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty needsSignInProperty() {
        return needsSignIn;
    }

    /** Seconds until a rate-limited step is retried by itself; 0 when none waits. */
    public IntegerProperty retryInProperty() {
        return retryIn;
    }

    public BooleanProperty keyLostProperty() {
        return keyLost;
    }

    public StringProperty summary(Step s) {
        return summaries.get(s);
    }

    public StringProperty input(Field f) {
        return inputs.get(f);
    }

    public ObjectProperty<DepositCheck.Result> depositProperty() {
        return deposit;
    }

    public ObservableMap<Field, String> serverFieldErrors() {
        return serverFieldErrors;
    }

    public Progress progress() {
        return progress.get();
    }

    /** The existing customers, users and wallets the steps can continue from. */
    public TreePicker picker() {
        return picker;
    }

    /** True where the system keychain can give an owner key. */
    public boolean keychainOffered() {
        return keyRing != null && keyRing.availableProperty().get();
    }

    /**
     * True where the credentials step offers a key the operator may hold (pasted, or from the keychain) beside a
     * mint: for a customer that existed, or one whose key was minted in an earlier session.
     */
    public boolean keySourcesOffered() {
        Progress p = progress.get();
        return p.customer() != null && (p.customer().wasReused() || p.keyMinted()) && secret.get() == null;
    }

    /** Why the keychain cannot give a key here (empty where it can). */
    public String keychainReason() {
        if (keychainOffered()) {
            return "";
        }
        String note = keyRing == null ? "" : keyRing.noteProperty().get();
        return note == null || note.isBlank() ? "No system keychain is available to this console." : note;
    }

    /** The fault of a field as the contract's rules see it now, or null. */
    public String check(Field f) {
        return f.check(inputs.get(f).get(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    public List<NetworkOption> networkOptions() {
        List<Network> networks = switch (walletCurrency.get()) {
            case "BTC" -> List.of(Network.BITCOIN_TESTNET, Network.BITCOIN);
            default -> List.of(Network.ETHEREUM_SEPOLIA, Network.ETHEREUM);
        };
        return networks.stream().map(n -> environment.kind() == Environment.Kind.CUSTOM || n.isTestnet()
                ? new NetworkOption(n.id(), true, null)
                : new NetworkOption(n.id(), false, "a sandbox issues test-network addresses only")).toList();
    }

    private WizardState snapshot() {
        Step s = step.get();
        String key = secret.get();
        boolean confirmed = key != null && key.length() >= 4 && key.substring(key.length() - 4).equals(lastFour.get());
        return new WizardState(s, progress.get(), checked.get(), session.accountProperty().get() != null,
                key != null, confirmed, service.client().credentials().hasOwnerKey() && keyAccepted.get(),
                deposit.get() == null ? null : deposit.get().ok(), inputsValid(s),
                busy.get() || retryIn.get() > 0 || needsSignIn.get(), reuses(s));
    }

    private boolean reuses(Step s) {
        return switch (s) {
            case CUSTOMER -> customerOrigin.get() == Origin.EXISTING;
            case CREDENTIALS -> keySource.get() != KeySource.MINT;
            case USER -> userOrigin.get() == Origin.EXISTING;
            case WALLET -> walletOrigin.get() == Origin.EXISTING;
            default -> false;
        };
    }

    /** The step's inputs for what it will do: create (its fields), continue from an existing object, or a key. */
    private boolean inputsValid(Step s) {
        return switch (s) {
            case CUSTOMER -> customerOrigin.get() == Origin.EXISTING
                    ? com.sovera.console.api.model.Rules.slug(existingCustomerId.get()) == null
                    : fieldsValid(s);
            case CREDENTIALS -> keySource.get() != KeySource.PASTE || !pastedKey.get().isBlank();
            case USER -> userOrigin.get() == Origin.EXISTING ? chosenUser.get() != null : fieldsValid(s);
            case WALLET -> walletOrigin.get() == Origin.EXISTING ? chosenWallet.get() != null : fieldsValid(s);
            case ADDRESS -> networkOptions().stream().anyMatch(o -> o.id().equals(network.get()) && o.enabled());
            default -> fieldsValid(s);
        };
    }

    private boolean fieldsValid(Step s) {
        return Field.of(s).stream().allMatch(f -> check(f) == null);
    }

    /**
     * A sandbox's test network for the currency; outside a sandbox none: the operator picks (a wrong guess there
     * is an address on a network the customer did not mean).
     */
    private String defaultNetwork(String currency) {
        if (environment.isProductionLike()) {
            return null;
        }
        return "BTC".equals(currency) ? Network.BITCOIN_TESTNET.id() : Network.ETHEREUM_SEPOLIA.id();
    }

    // ---- commands ----

    /** The step's one action: check, sign in, create, verify, or go on once the step's work is done. */
    public void act() {
        WizardState now = state.get();
        if (!now.canAct()) {
            return;
        }
        problem.set(null);
        serverFieldErrors.clear();
        Step s = now.step();
        if (s == Step.CREDENTIALS && now.keyShown()) {
            // the operator stored it: it leaves the screen (the client keeps it in memory for the steps ahead)
            keyAccepted.set(true);
            session.current().keyConfirmed(progress.get().customerId(), secret.get());
            secret.set(null);
            lastFour.set("");
            summaries.get(s).set("Owner key minted and stored by the operator");
            advance();
            return;
        }
        if (now.isDone(s) && s != Step.CONNECTIVITY && s != Step.ADDRESS) {
            advance();
            return;
        }
        switch (s) {
            case CONNECTIVITY -> checkConnection();
            case LOGIN -> signIn();
            case CUSTOMER -> {
                if (customerOrigin.get() == Origin.EXISTING) {
                    useExistingCustomer();
                } else {
                    createCustomer();
                }
            }
            case CREDENTIALS -> {
                switch (keySource.get()) {
                    case PASTE -> useKey(pastedKey.get().strip(), "pasted by the operator");
                    case KEYCHAIN -> keyFromKeychain();
                    default -> mintKey();
                }
            }
            case USER -> {
                if (userOrigin.get() == Origin.EXISTING) {
                    useExistingUser(chosenUser.get());
                } else {
                    createUser();
                }
            }
            case WALLET -> {
                if (walletOrigin.get() == Origin.EXISTING) {
                    useExistingWallet(chosenWallet.get());
                } else {
                    createWallet();
                }
            }
            case ADDRESS -> address();
            default -> throw new IllegalStateException("unknown step " + s);
        }
    }

    public void back() {
        if (state.get().canGoBack()) {
            problem.set(null);
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    private void advance() {
        record(progress.get().atLeast(Step.values()[Math.min(step.get().ordinal() + 1, Step.ADDRESS.ordinal())]));
        if (step.get().ordinal() < Step.values().length - 1) {
            step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    private void checkConnection() {
        long started = System.nanoTime();
        call(service::health, (Health h) -> {
            long rtt = (System.nanoTime() - started) / 1_000_000;
            summaries.get(Step.CONNECTIVITY).set("Status " + h.status() + " · up " + uptime(h.uptime())
                    + " · " + rtt + " ms round trip");
            if (h.isOk()) {
                checked.set(true);
                advance();
            } else {
                problem.set(new Problem("Service not ok", "The server answered status '" + h.status() + "'.", null,
                        null, null, "Try again later, or check the environment."));
            }
        });
    }

    private static String uptime(Long seconds) {
        if (seconds == null) {
            return "?";
        }
        Duration d = Duration.ofSeconds(seconds);
        return d.toDays() > 0 ? d.toDays() + " d" : d.toHours() > 0 ? d.toHours() + " h"
                : d.toMinutes() > 0 ? d.toMinutes() + " min" : seconds + " s";
    }

    private void signIn() {
        String email = text(Field.LOGIN_EMAIL);
        String typed = inputs.get(Field.PASSWORD).get();
        call(() -> service.signIn(email, typed), s -> {
            service.client().credentials().useSession(s);
            session.signedIn(email, s.expires());
            inputs.get(Field.PASSWORD).set("");
            summaries.get(Step.LOGIN).set("Signed in as " + email);
            advance();
        });
    }

    /** After a 401: signs in again with the password typed into the prompt, then retries the step that failed. */
    public void signInAgain() {
        String typed = reloginPassword.get();
        String email = text(Field.LOGIN_EMAIL);
        call(() -> service.signIn(email, typed), s -> {
            service.client().credentials().useSession(s);
            session.signedIn(email, s.expires());
            reloginPassword.set("");
            needsSignIn.set(false);
            retryPending();
        });
    }

    private void createCustomer() {
        if (!mayWrite()) {
            return;
        }
        String email = text(Field.CUSTOMER_EMAIL);
        String id = text(Field.CUSTOMER_ID);
        String name = text(Field.ENTITY_NAME);
        Progress.Customer was = progress.get().customer();
        Progress.Customer planned = new Progress.Customer(email, id, name, Provisioner.key(
                was == null ? null : was.key(), email + "|" + id + "|" + name), false);
        record(progress.get().with(planned));
        call(() -> service.createCustomer(planned), outcome -> {
            record(progress.get().with(new Progress.Customer(email, id, name, planned.key(), true)));
            session.customerIdProperty().set(outcome.value().customerId());
            summaries.get(Step.CUSTOMER).set("Customer " + outcome.value().customerId()
                    + (outcome.existed() ? " (found: created by an earlier attempt)" : " (created)"));
            advance();
        });
    }

    /** Continues from a customer that exists: checked with the (assumed) customer read where it is offered. */
    private void useExistingCustomer() {
        String id = existingCustomerId.get().strip();
        boolean listOffered = picker.customersOfferedProperty().get();
        call(() -> {
            try {
                return service.client().api().getCustomer(id).execute();
            } catch (ApiException e) {
                if (e.isNotOffered() && !listOffered) {
                    return null; // a server without the customer lookups: the typed id is taken as it is
                }
                throw e;
            }
        }, found -> {
            boolean checked = found != null;
            record(progress.get().with(new Progress.Customer(checked ? found.email() : null, id,
                    checked ? found.entityName() : null, null, true, true)));
            session.customerIdProperty().set(id);
            summaries.get(Step.CUSTOMER).set("Customer " + id + (checked ? " (existing)"
                    : " (existing; not checked: this server does not offer customer lookups)"));
            keyAccepted.set(false);
            keySource.set(keyAtHand());
            advance();
        });
    }

    /** An owner key the operator has (pasted, or from the keychain): the server must accept it before it is used. */
    private void useKey(String key, String how) {
        String customerId = progress.get().customerId();
        call(() -> {
            // checked with a client of its own: the wizard's takes the key on the FX thread, where an answer
            // arriving after a sign-out is dropped (never from a worker, which could put it back after one)
            com.sovera.console.api.SovxClient checker = service.client().derive();
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
            service.client().credentials().useOwnerKey(key);
            pastedKey.set("");
            keyAccepted.set(true);
            keyLost.set(false);
            summaries.get(Step.CREDENTIALS).set("Owner key " + how);
            advance();
        });
    }

    private void keyFromKeychain() {
        String customerId = progress.get().customerId();
        call(() -> keyRing.load(customerId).orElse(null), key -> {
            if (key == null) {
                problem.set(new Problem("No key in the keychain", "The system keychain holds no owner key for "
                        + customerId + " in this environment.", null, null, null,
                        "Paste the customer's key, or mint a new one."));
                keySource.set(KeySource.PASTE);
                return;
            }
            useKey(key, "taken from the system keychain");
        });
    }

    private void useExistingUser(User u) {
        Progress.User existing = existing(u);
        record(progress.get().with(existing));
        summarise(existing);
        advance();
    }

    private void useExistingWallet(Wallet w) {
        Progress.Wallet existing = existing(w);
        record(progress.get().with(existing));
        addressFor(existing);
        summarise(existing);
        advance();
    }

    /** Where a key for an existing customer comes from first: the keychain when it is offered, else pasted. */
    private KeySource keyAtHand() {
        return keychainOffered() ? KeySource.KEYCHAIN : KeySource.PASTE;
    }

    private static Progress.User existing(User u) {
        return new Progress.User(u.userType(), u.email(), u.firstName(), u.lastName(), u.phone(), u.dateOfBirth(),
                u.country(), null, u.userId(), true);
    }

    private static Progress.Wallet existing(Wallet w) {
        return new Progress.Wallet(w.name(), w.currency(), null, w.walletId(), true);
    }

    private void summarise(Progress.User existing) {
        summaries.get(Step.USER).set("User " + (existing.email() == null ? existing.userId() : existing.email())
                + " (existing)");
    }

    private void summarise(Progress.Wallet existing) {
        summaries.get(Step.WALLET).set(existing.currency() + " wallet " + existing.walletId() + " (existing)");
    }

    /** The address step set for an existing wallet picked: its currency, on that currency's default network. */
    private void addressFor(Progress.Wallet existing) {
        walletCurrency.set(existing.currency());
        network.set(defaultNetwork(existing.currency()));
    }

    /** The summaries of the steps after signing in, emptied (a new tree). */
    private void clearSummariesAfterLogin() {
        summaries.forEach((s, text) -> {
            if (s != Step.CONNECTIVITY && s != Step.LOGIN) {
                text.set("");
            }
        });
    }

    /** Finds the customer's users by the text typed (an e-mail or part of one, or a user id). */
    public void findUsers() {
        chosenUser.set(null);
        picker.findUsers(userQuery.get());
    }

    private void mintKey() {
        if (!mayWrite()) {
            return;
        }
        keyAccepted.set(false);
        String customerId = progress.get().customerId();
        String key = OnboardingService.mintKey(progress.get().credentials());
        record(progress.get().with(new Progress.Credentials(key, false)));
        call(() -> service.mintKey(customerId, key), minted -> {
            service.client().credentials().useOwnerKey(minted.customerSecret());
            session.current().keyMinted(customerId, minted.customerSecret());
            secret.set(minted.customerSecret());
            lastFour.set("");
            keyLost.set(false);
            record(progress.get().with(new Progress.Credentials(key, true)));
        });
    }

    private void createUser() {
        if (!mayWrite()) {
            return;
        }
        Progress.User was = progress.get().user();
        Progress.User typed = new Progress.User(userType.get(), text(Field.USER_EMAIL), text(Field.FIRST_NAME),
                text(Field.LAST_NAME), text(Field.PHONE), text(Field.DATE_OF_BIRTH),
                text(Field.COUNTRY).toUpperCase(Locale.ROOT), null, null);
        Progress.User planned = new Progress.User(typed.userType(), typed.email(), typed.firstName(),
                typed.lastName(), typed.phone(), typed.dateOfBirth(), typed.country(),
                Provisioner.key(was == null ? null : was.key(), progress.get().customerId() + typed), null);
        record(progress.get().with(planned));
        call(() -> service.createUser(planned), outcome -> {
            String id = outcome.value().userId();
            record(progress.get().with(new Progress.User(planned.userType(), planned.email(), planned.firstName(),
                    planned.lastName(), planned.phone(), planned.dateOfBirth(), planned.country(), planned.key(), id)));
            summaries.get(Step.USER).set("User " + id + (outcome.existed() ? " (found: created by an earlier attempt)"
                    : " (created)"));
            advance();
        });
    }

    private void createWallet() {
        if (!mayWrite()) {
            return;
        }
        String userId = progress.get().userId();
        String name = text(Field.WALLET_NAME);
        String currency = walletCurrency.get();
        Progress.Wallet was = progress.get().wallet();
        Progress.Wallet planned = new Progress.Wallet(name, currency, Provisioner.key(
                was == null ? null : was.key(), userId + "|" + name + "|" + currency), null);
        record(progress.get().with(planned));
        call(() -> service.createWallet(userId, planned), w -> {
            record(progress.get().with(new Progress.Wallet(name, currency, planned.key(), w.walletId())));
            summaries.get(Step.WALLET).set(w.currency() + " wallet " + w.walletId() + " (created)");
            network.set(defaultNetwork(w.currency()));
            advance();
        });
    }

    private void address() {
        if (deposit.get() != null && deposit.get().ok()) {
            startOver();
            return;
        }
        if (progress.get().depositAddress() != null) {
            verifyAddress(); // created already: only the checks run again
            return;
        }
        if (!mayWrite()) {
            return;
        }
        String walletId = progress.get().walletId();
        String currency = progress.get().wallet().currency();
        String chosen = network.get();
        Progress.Address was = progress.get().address();
        Progress.Address planned = new Progress.Address(chosen, Provisioner.key(was == null ? null : was.key(),
                walletId + "|" + currency + "|" + chosen), null, null);
        record(progress.get().with(planned));
        call(() -> service.createAddress(walletId, currency, planned), a -> {
            record(progress.get().with(new Progress.Address(chosen, planned.key(), a.addressId(), a.address())));
            verifyAddress();
        });
    }

    /** The checks before a QR code is shown; retried alone when the server was briefly unavailable. */
    private void verifyAddress() {
        Progress p = progress.get();
        call(() -> service.verify(p), r -> {
            deposit.set(r);
            summaries.get(Step.ADDRESS).set(r.ok() ? r.address().network() + " address verified"
                    : "Address NOT verified: " + r.failure());
            record(progress.get().finished(r.ok()));
        });
    }

    /** A new onboarding in the same session: inputs, results and anything still out or waiting dropped. */
    public void startOver() {
        stopWaiting();
        progress.set(Progress.start(environment.id()));
        for (Field f : Field.values()) {
            if (f != Field.LOGIN_EMAIL && f != Field.PASSWORD) {
                inputs.get(f).set("");
            }
        }
        lastFour.set("");
        secret.set(null);
        service.client().credentials().useOwnerKey(null);
        keyAccepted.set(false);
        session.customerIdProperty().set(null);
        deposit.set(null);
        keyLost.set(false);
        problem.set(null);
        serverFieldErrors.clear();
        resetChoices();
        customerOrigin.set(Origin.NEW);
        existingCustomerId.set("");
        clearSummariesAfterLogin();
        if (draft != null) {
            draft.stop();
        }
        step.set(Step.CUSTOMER);
    }

    /** The user, wallet and key choices back to "new". */
    private void resetChoices() {
        keySource.set(KeySource.MINT);
        pastedKey.set("");
        userOrigin.set(Origin.NEW);
        userQuery.set("");
        chosenUser.set(null);
        walletOrigin.set(Origin.NEW);
        chosenWallet.set(null);
        picker.clear();
    }

    // ---- after a verified address: continue in the same tree ----

    /** Another deposit address for the same wallet. */
    public void anotherAddress() {
        Progress p = progress.get();
        continueWith(p.with(reused(p.customer())).with(reused(p.user())).with(reused(p.wallet())), Step.ADDRESS);
    }

    /** Another wallet (and its address) for the same user. */
    public void anotherWallet() {
        Progress p = progress.get();
        inputs.get(Field.WALLET_NAME).set("");
        continueWith(p.with(reused(p.customer())).with(reused(p.user())).with((Progress.Wallet) null),
                Step.WALLET);
    }

    /** Another user (and its wallet and address) for the same customer. */
    public void anotherUser() {
        Progress p = progress.get();
        for (Field f : Field.of(Step.USER)) {
            inputs.get(f).set("");
        }
        inputs.get(Field.WALLET_NAME).set("");
        continueWith(p.with(reused(p.customer())).with((Progress.User) null).with((Progress.Wallet) null),
                Step.USER);
    }

    /**
     * Continues the tree where a support action stands: an existing customer (with its key when the console has
     * one), and maybe a user and a wallet of it. Whatever onboarding was on screen is replaced.
     */
    public void startFrom(StartPoint start) {
        stopWaiting();
        secret.set(null);
        lastFour.set("");
        deposit.set(null);
        keyLost.set(false);
        problem.set(null);
        serverFieldErrors.clear();
        resetChoices();
        // the forms of the steps ahead start empty: nothing of the previous run's user or wallet is offered again
        for (Field f : Field.of(Step.USER)) {
            inputs.get(f).set("");
        }
        inputs.get(Field.WALLET_NAME).set("");
        userType.set("individual");
        walletCurrency.set("BTC");
        network.set(defaultNetwork(walletCurrency.get()));
        Progress p = Progress.start(environment.id()).with(new Progress.Customer(start.customerEmail(),
                start.customerId(), start.entityName(), null, true, true));
        customerOrigin.set(Origin.EXISTING);
        existingCustomerId.set(start.customerId());
        session.customerIdProperty().set(start.customerId());
        clearSummariesAfterLogin();
        summaries.get(Step.CUSTOMER).set("Customer " + start.customerId() + " (existing)");
        service.client().credentials().useOwnerKey(start.ownerKey());
        keyAccepted.set(start.ownerKey() != null);
        if (start.ownerKey() != null) {
            summaries.get(Step.CREDENTIALS).set("Owner key of the lookups");
        } else {
            keySource.set(keyAtHand());
        }
        Step target = start.ownerKey() == null ? Step.CREDENTIALS : Step.USER;
        if (start.user() != null) {
            Progress.User existing = existing(start.user());
            p = p.with(existing);
            summarise(existing);
            target = start.ownerKey() == null ? Step.CREDENTIALS : Step.WALLET;
        }
        if (start.wallet() != null) {
            Progress.Wallet existing = existing(start.wallet());
            p = p.with(existing);
            addressFor(existing);
            summarise(existing);
            target = start.ownerKey() == null ? Step.CREDENTIALS : Step.ADDRESS;
        }
        record(p.atLeast(target));
        step.set(target);
    }

    private void continueWith(Progress next, Step at) {
        stopWaiting();
        deposit.set(null);
        problem.set(null);
        resetChoices();
        Progress fresh = new Progress(environment.id(), at.ordinal(), false, next.customer(), next.credentials(),
                next.user(), next.wallet(), null);
        summaries.get(Step.ADDRESS).set("");
        if (fresh.user() == null) {
            summaries.get(Step.USER).set("");
        } else {
            summarise(fresh.user());
        }
        if (fresh.wallet() == null) {
            summaries.get(Step.WALLET).set("");
        } else {
            summarise(fresh.wallet());
        }
        summaries.get(Step.CUSTOMER).set("Customer " + fresh.customerId() + " (existing)");
        record(fresh);
        step.set(at);
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

    /**
     * The window goes away: what runs on its own stops (a call, a countdown), and a draft still waiting for its
     * moment is journaled now, so nothing typed in the last second is lost.
     */
    public void dispose() {
        stopWaiting();
        if (draft != null) {
            draft.stop();
            draft = null;
            Progress withDraft = withTypedInputs(progress.get());
            if (withDraft.hasAnything()) {
                service.record(withDraft);
            }
        }
    }

    /** A key of this customer was revoked (its last four): if the wizard holds it, it drops it. */
    public void keyRevoked(String customerId, String revokedLastFour) {
        session.current().keyRevoked(customerId, revokedLastFour);
        if (customerId.equals(progress.get().customerId())
                && service.client().credentials().ownerKeyEndsWith(revokedLastFour)) {
            service.client().credentials().useOwnerKey(null);
            keyAccepted.set(false);
            secret.set(null);
            lastFour.set("");
            summaries.get(Step.CREDENTIALS).set("The key in use was revoked: get another");
            if (step.get().ordinal() > Step.CREDENTIALS.ordinal()) {
                step.set(Step.CREDENTIALS);
            }
        }
    }

    /**
     * The session is about to close: a key shown once and not yet confirmed is lost with it, so the operator is
     * asked first (an idle sign-out drops it, and the next sign-in names it). False: stay signed in.
     */
    public boolean sessionClosing(boolean idle, com.sovera.console.ui.Ask ask) {
        String key = secret.get();
        if (idle || key == null) {
            return true;
        }
        return ask.choose("Owner key not confirmed", "The owner key ending in " + key.substring(key.length() - 4)
                + " was shown once and you have not confirmed storing it. Signing out takes it off the screen for"
                + " good (it stays valid: revoke it if it was not stored).", List.of("Sign _out", "_Stay")) == 0;
    }

    /** True while a key is on screen or pasted and not yet used: an idle sign-out is due for it too. */
    public boolean holdsKey() {
        return secret.get() != null || !pastedKey.get().isBlank();
    }

    /** The session ended (sign-out): the key on screen goes, typed input stays journaled. */
    public void signedOut() {
        stopWaiting();
        keyAccepted.set(false);
        picker.clear();
        pastedKey.set("");
        secret.set(null);
        lastFour.set("");
        inputs.get(Field.PASSWORD).set("");
        reloginPassword.set("");
        summaries.get(Step.LOGIN).set("");
        if (progress.get().keyMinted() || progress.get().customer() != null && progress.get().customer().wasReused()) {
            // the key left with the session: the operator stored it, so it is pasted or taken back, not minted anew
            keySource.set(keyAtHand());
            if (progress.get().keyMinted()) {
                summaries.get(Step.CREDENTIALS).set("The key left with the session: paste it, or take it from the"
                        + " keychain");
            }
        }
        if (step.get().ordinal() > Step.LOGIN.ordinal()) {
            step.set(Step.LOGIN);
        }
    }

    private void stopWaiting() {
        calls.cancel();
        if (countdown != null) {
            countdown.stop();
            countdown = null;
        }
        busy.set(false);
        retryIn.set(0);
        status.set("");
        needsSignIn.set(false);
        retryStep = null;
    }

    private boolean mayWrite() {
        boolean allowed = session.current().mayWrite(writeGuard); // asked once a session, forgotten at its close
        if (!allowed) {
            problem.set(new Problem("Not confirmed", "Nothing was created: writing to " + environment.name()
                    + " was not confirmed.", null, null, null, "Confirm to write to this environment."));
        }
        return allowed;
    }

    private <T> void call(Callable<T> work, Consumer<T> onSuccess) {
        Step at = step.get();
        busy.set(true);
        calls.load(job -> work.call(), value -> {
            busy.set(false);
            onSuccess.accept(value);
        }, failure -> {
            busy.set(false);
            fail(failure, at);
        });
    }

    private void fail(Throwable failure, Step at) {
        Problem p = Problem.of(failure);
        if (failure instanceof ApiException e && e.httpStatus() == 401 && !e.is("INVALID_CREDENTIALS")
                && usesOwnerKey(at) && !e.is("TOKEN_EXPIRED")) {
            // the owner key was refused (revoked, or another customer's): signing in again would not help
            service.client().credentials().useOwnerKey(null);
            keyAccepted.set(false);
            keySource.set(keyAtHand());
            problem.set(new Problem(p.title(), p.message(), p.code(), p.traceId(), p.field(),
                    "The owner key was refused (revoked, or not this customer's): give the credentials step another"
                            + " one; what you typed is kept."));
            summaries.get(Step.CREDENTIALS).set("The owner key was refused: get another");
            if (at != Step.CREDENTIALS) {
                step.set(Step.CREDENTIALS);
            }
            return;
        }
        if (failure instanceof ApiException e && e.httpStatus() == 401 && session.accountProperty().get() != null
                && at.ordinal() > Step.LOGIN.ordinal() && !e.is("INVALID_CREDENTIALS")) {
            retryStep = at;
            needsSignIn.set(true);
            problem.set(p);
            return;
        }
        if (failure instanceof ApiException e && e.httpStatus() == 429) {
            Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(5) : e.rateLimit().retryAfter();
            startCountdown((int) Math.max(1, wait.toSeconds()), at);
            return;
        }
        if (p.field() != null) {
            Field.named(at, p.field()).ifPresent(f -> serverFieldErrors.put(f, p.message()));
        }
        problem.set(p);
    }

    /** The step's call is sent with the owner key (the session's calls are the customer's and the mint). */
    private boolean usesOwnerKey(Step at) {
        return at == Step.USER || at == Step.WALLET || at == Step.ADDRESS
                || (at == Step.CREDENTIALS && keySource.get() != KeySource.MINT);
    }

    private void startCountdown(int seconds, Step at) {
        if (countdown != null) {
            countdown.stop();
        }
        retryStep = at;
        retryIn.set(seconds);
        status.set("Rate limited by the server: retrying in " + seconds + " s");
        countdown = scheduler.every(Duration.ofSeconds(1), () -> {
            retryIn.set(retryIn.get() - 1);
            if (retryIn.get() > 0) {
                status.set("Rate limited by the server: retrying in " + retryIn.get() + " s");
                return;
            }
            countdown.stop();
            countdown = null;
            status.set("");
            retryPending();
        });
    }

    /** Runs the step that waited, with what is typed now; nothing if the screen has moved on since. */
    private void retryPending() {
        Step pending = retryStep;
        retryStep = null;
        if (pending != null && pending == step.get()) {
            act();
        }
    }

    private void record(Progress next) {
        progress.set(next);
        service.record(next);
    }

    private String text(Field f) {
        String v = inputs.get(f).get();
        return v == null ? "" : v.strip();
    }

    // ---- the draft: what is typed, journaled a moment after the last keystroke ----

    private void keepDraft() {
        if (draft != null) {
            draft.stop();
        }
        draft = scheduler.after(DRAFT_DELAY, () -> {
            draft = null;
            Progress withDraft = withTypedInputs(progress.get());
            if (withDraft.hasAnything()) {
                service.record(withDraft);
            }
        });
    }

    /** The progress with the inputs of steps not yet done as typed now (their keys kept, nothing created). */
    private Progress withTypedInputs(Progress p) {
        if (!p.customerCreated() && !allBlank(Field.CUSTOMER_EMAIL, Field.CUSTOMER_ID, Field.ENTITY_NAME)) {
            p = p.with(new Progress.Customer(text(Field.CUSTOMER_EMAIL), text(Field.CUSTOMER_ID),
                    text(Field.ENTITY_NAME), p.customer() == null ? null : p.customer().key(), false));
        }
        if (p.userId() == null && !allBlank(Field.USER_EMAIL, Field.FIRST_NAME, Field.LAST_NAME, Field.PHONE,
                Field.DATE_OF_BIRTH, Field.COUNTRY)) {
            p = p.with(new Progress.User(userType.get(), text(Field.USER_EMAIL), text(Field.FIRST_NAME),
                    text(Field.LAST_NAME), text(Field.PHONE), text(Field.DATE_OF_BIRTH), text(Field.COUNTRY),
                    p.user() == null ? null : p.user().key(), null));
        }
        if (p.walletId() == null && !allBlank(Field.WALLET_NAME)) {
            p = p.with(new Progress.Wallet(text(Field.WALLET_NAME), walletCurrency.get(),
                    p.wallet() == null ? null : p.wallet().key(), null));
        }
        return p;
    }

    private boolean allBlank(Field... fields) {
        for (Field f : fields) {
            if (!text(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // ---- resume ----

    /** Loads an unfinished onboarding: inputs and ids come back; the owner key does not, it was never kept. */
    public void resume(Progress saved) {
        Progress p = saved.in(environment.id());
        progress.set(p);
        Progress.Customer c = p.customer();
        if (c != null) {
            inputs.get(Field.CUSTOMER_EMAIL).set(nz(c.email()));
            inputs.get(Field.CUSTOMER_ID).set(nz(c.customerId()));
            inputs.get(Field.ENTITY_NAME).set(nz(c.entityName()));
            if (c.created()) {
                summaries.get(Step.CUSTOMER).set("Customer " + c.customerId());
                session.customerIdProperty().set(c.customerId());
            }
        }
        Progress.User u = p.user();
        if (u != null) {
            userType.set(u.userType() == null ? "individual" : u.userType());
            inputs.get(Field.USER_EMAIL).set(nz(u.email()));
            inputs.get(Field.FIRST_NAME).set(nz(u.firstName()));
            inputs.get(Field.LAST_NAME).set(nz(u.lastName()));
            inputs.get(Field.PHONE).set(nz(u.phone()));
            inputs.get(Field.DATE_OF_BIRTH).set(nz(u.dateOfBirth()));
            inputs.get(Field.COUNTRY).set(nz(u.country()));
            if (u.userId() != null) {
                summaries.get(Step.USER).set("User " + u.userId());
            }
        }
        Progress.Wallet w = p.wallet();
        if (w != null) {
            inputs.get(Field.WALLET_NAME).set(nz(w.name()));
            walletCurrency.set(w.currency() == null ? "BTC" : w.currency());
            if (w.walletId() != null) {
                summaries.get(Step.WALLET).set(w.currency() + " wallet " + w.walletId());
            }
        }
        network.set(p.address() == null || p.address().network() == null ? defaultNetwork(walletCurrency.get())
                : p.address().network());
        if (p.keyMinted()) {
            keyLost.set(true);
            summaries.get(Step.CREDENTIALS).set("Key from the interrupted session was not kept: mint a new one");
        }
        step.set(Step.CONNECTIVITY);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
