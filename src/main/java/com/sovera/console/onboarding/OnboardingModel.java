package com.sovera.console.onboarding;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Rules;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.chain.Network;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.provision.Provisioner;
import com.sovera.console.config.Environment;
import com.sovera.console.ui.Background;
import com.sovera.console.ui.Problem;
import com.sovera.console.session.SessionState;
import com.sovera.console.ui.WriteGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The onboarding wizard's state and commands, without a single control: the inputs, what each step earned,
 * the journal that survives a crash, and the rules for going on. Calls run through {@link Background}; every
 * property changes on the FX thread only.
 */
public final class OnboardingModel {

    /** A network the address step offers, and why it is disabled when it is. */
    public record NetworkOption(String id, boolean enabled, String reason) {
        @Override
        public String toString() {
            return enabled ? id : id + " (" + reason + ")";
        }
    }

    private final SovxClient client;
    private final Background background;
    private final Journal journal;
    private final Environment environment;
    private final SessionState session;
    private final Clock clock;
    private WriteGuard writeGuard = WriteGuard.ALWAYS;
    private boolean writeAllowed;
    private Progress progress = new Progress();
    private Runnable retry;
    private Timeline countdown;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONNECTIVITY);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty needsSignIn = new SimpleBooleanProperty();
    private final ObservableMap<String, String> serverFieldErrors = FXCollections.observableHashMap();
    private final Map<Step, StringProperty> summaries = new EnumMap<>(Step.class);

    public final StringProperty loginEmail = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty reloginPassword = new SimpleStringProperty("");
    public final StringProperty customerEmail = new SimpleStringProperty("");
    public final StringProperty customerId = new SimpleStringProperty("");
    public final StringProperty entityName = new SimpleStringProperty("");
    public final StringProperty secret = new SimpleStringProperty();
    public final StringProperty lastFour = new SimpleStringProperty("");
    public final StringProperty userType = new SimpleStringProperty("individual");
    public final StringProperty userEmail = new SimpleStringProperty("");
    public final StringProperty firstName = new SimpleStringProperty("");
    public final StringProperty lastName = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");
    public final StringProperty dateOfBirth = new SimpleStringProperty("");
    public final StringProperty country = new SimpleStringProperty("");
    public final StringProperty walletName = new SimpleStringProperty("");
    public final StringProperty walletCurrency = new SimpleStringProperty("BTC");
    public final StringProperty network = new SimpleStringProperty("bitcoin-testnet");
    public final IntegerProperty retryIn = new SimpleIntegerProperty();
    private final ObjectProperty<DepositCheck.Result> deposit = new SimpleObjectProperty<>();
    private final BooleanProperty keyLost = new SimpleBooleanProperty();

    public OnboardingModel(SovxClient client, Background background, Journal journal, Environment environment,
                           SessionState session, Clock clock) {
        this.client = client;
        this.background = background;
        this.journal = journal;
        this.environment = environment;
        this.session = session;
        this.clock = clock;
        for (Step s : Step.values()) {
            summaries.put(s, new SimpleStringProperty(""));
        }
        walletCurrency.addListener((o, was, now) -> network.set(defaultNetwork(now)));
        progress.environment = environment.id();
    }

    public void setWriteGuard(WriteGuard guard) {
        this.writeGuard = guard;
    }

    // ---- state for the view ----

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

    public BooleanProperty keyLostProperty() {
        return keyLost;
    }

    public StringProperty summary(Step s) {
        return summaries.get(s);
    }

    public ObjectProperty<DepositCheck.Result> depositProperty() {
        return deposit;
    }

    public ObservableMap<String, String> serverFieldErrors() {
        return serverFieldErrors;
    }

    /** True once the step's object exists: its inputs are then read-only, and Back never re-creates it. */
    public boolean isDone(Step s) {
        return switch (s) {
            case CONNECTIVITY -> !summaries.get(s).get().isEmpty();
            case LOGIN -> client.credentials().session().isPresent();
            case CUSTOMER -> progress.customerCreated;
            case CREDENTIALS -> progress.keyMinted && client.credentials().hasOwnerKey() && keyConfirmed();
            case USER -> progress.userId != null;
            case WALLET -> progress.walletId != null;
            case ADDRESS -> progress.address != null;
        };
    }

    /** The fault of a field as the contract's rules see it now, or null. */
    public String check(String field) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return switch (field) {
            case "login_email" -> Rules.email(loginEmail.get());
            case "password" -> password.get().isEmpty() ? "Required." : null;
            case "customer_email" -> Rules.email(customerEmail.get());
            case "customer_id" -> Rules.slug(customerId.get());
            case "entity_name" -> Rules.name(entityName.get(), 200);
            case "email" -> Rules.email(userEmail.get());
            case "first_name" -> Rules.name(firstName.get(), 100);
            case "last_name" -> Rules.name(lastName.get(), 100);
            case "phone" -> Rules.phone(phone.get());
            case "date_of_birth" -> Rules.dateOfBirth(dateOfBirth.get(), today);
            case "country" -> Rules.country(country.get());
            case "name" -> Rules.name(walletName.get(), 64);
            default -> null;
        };
    }

    private static final Map<Step, List<String>> FIELDS = Map.of(
            Step.LOGIN, List.of("login_email", "password"),
            Step.CUSTOMER, List.of("customer_email", "customer_id", "entity_name"),
            Step.USER, List.of("email", "first_name", "last_name", "phone", "date_of_birth", "country"),
            Step.WALLET, List.of("name"));

    /** True when every field of the step passes its rule. */
    public boolean isValid(Step s) {
        return FIELDS.getOrDefault(s, List.of()).stream().allMatch(f -> check(f) == null)
                && (s != Step.ADDRESS || networkOptions().stream().anyMatch(o -> o.id().equals(network.get())
                && o.enabled()));
    }

    /** Re-evaluated whenever an input, the step or the busy flag changes. */
    public BooleanBinding canAct() {
        return Bindings.createBooleanBinding(() -> !busy.get() && retryIn.get() == 0 && actionAllowed(),
                busy, step, retryIn, loginEmail, password, customerEmail, customerId, entityName, userEmail, firstName,
                lastName, phone, dateOfBirth, country, walletName, network, secret, lastFour, deposit);
    }

    private boolean actionAllowed() {
        Step s = step.get();
        if (s == Step.CREDENTIALS && secret.get() != null) {
            return keyConfirmed();
        }
        if (s == Step.ADDRESS && progress.address != null) {
            return true; // verify again, or start the next onboarding
        }
        return isDone(s) || isValid(s);
    }

    /** The operator proved they stored the key by typing its last four characters. */
    public boolean keyConfirmed() {
        String key = secret.get();
        return key != null && key.length() >= 4 && key.substring(key.length() - 4).equals(lastFour.get());
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

    private static String defaultNetwork(String currency) {
        return "BTC".equals(currency) ? Network.BITCOIN_TESTNET.id() : Network.ETHEREUM_SEPOLIA.id();
    }

    // ---- commands ----

    /** The step's one action: check, sign in, create, or go on once the step's work is done. */
    public void act() {
        if (!canAct().get()) {
            return;
        }
        problem.set(null);
        serverFieldErrors.clear();
        Step s = step.get();
        if (isDone(s) && s != Step.CONNECTIVITY && s != Step.ADDRESS) {
            if (s == Step.CREDENTIALS) {
                summaries.get(s).set("Owner key stored by the operator");
            }
            advance();
            return;
        }
        switch (s) {
            case CONNECTIVITY -> checkConnection();
            case LOGIN -> signIn();
            case CUSTOMER -> createCustomer();
            case CREDENTIALS -> {
                if (secret.get() == null) {
                    mintKey();
                } else {
                    summaries.get(s).set("Owner key stored by the operator");
                    advance();
                }
            }
            case USER -> createUser();
            case WALLET -> createWallet();
            case ADDRESS -> createAddress();
            default -> throw new IllegalStateException("unknown step " + s);
        }
    }

    public void back() {
        if (!busy.get() && step.get().ordinal() > 0) {
            problem.set(null);
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    private void advance() {
        progress.step = Math.max(progress.step, step.get().ordinal() + 1);
        save();
        if (step.get().ordinal() < Step.values().length - 1) {
            step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    private void checkConnection() {
        long started = System.nanoTime();
        run(() -> client.api().health().execute(), (Health h) -> {
            long rtt = (System.nanoTime() - started) / 1_000_000;
            summaries.get(Step.CONNECTIVITY).set("Status " + h.status() + " · up " + uptime(h.uptime())
                    + " · " + rtt + " ms round trip");
            if (h.isOk()) {
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
        String email = loginEmail.get().strip();
        String typed = password.get();
        client.redactor().remember(typed);
        run(() -> client.api().login(new LoginRequest(email, typed)).execute(), (Session s) -> {
            client.credentials().useSession(s);
            session.signedIn(email, s.expires());
            password.set("");
            summaries.get(Step.LOGIN).set("Signed in as " + email);
            advance();
        });
    }

    /** After a 401: sign in again with the password typed into the prompt, then retry what failed. */
    public void signInAgain() {
        String typed = reloginPassword.get();
        client.redactor().remember(typed);
        String email = loginEmail.get().strip();
        Runnable pending = retry;
        run(() -> client.api().login(new LoginRequest(email, typed)).execute(), (Session s) -> {
            client.credentials().useSession(s);
            session.signedIn(email, s.expires());
            reloginPassword.set("");
            needsSignIn.set(false);
            if (pending != null) {
                pending.run();
            }
        });
    }

    private void createCustomer() {
        if (!mayWrite()) {
            return;
        }
        NewCustomer body = new NewCustomer(customerEmail.get().strip(), customerId.get().strip(),
                entityName.get().strip());
        progress.customerEmail = body.email();
        progress.customerId = body.customerId();
        progress.entityName = body.entityName();
        String key = progress.customerKey = Provisioner.key(progress.customerKey, body.toString());
        save();
        Provisioner writes = provisioner();
        run(() -> writes.customer(body, key).value(), (Customer c) -> {
            progress.customerCreated = true;
            session.customerIdProperty().set(c.customerId());
            summaries.get(Step.CUSTOMER).set("Customer " + c.customerId());
            advance();
        });
    }

    private void mintKey() {
        if (!mayWrite()) {
            return;
        }
        String id = progress.customerId;
        String key = progress.credentialsKey = Provisioner.key(progress.credentialsKey, id + "#" + UUID.randomUUID());
        save();
        Provisioner writes = provisioner();
        run(() -> writes.ownerKey(id, key), creds -> {
            client.credentials().useOwnerKey(creds.customerSecret());
            secret.set(creds.customerSecret());
            lastFour.set("");
            keyLost.set(false);
            progress.keyMinted = true;
            save();
        });
    }

    private void createUser() {
        if (!mayWrite()) {
            return;
        }
        NewUser body = new NewUser(userType.get(), userEmail.get().strip(), firstName.get().strip(),
                lastName.get().strip(), phone.get().strip(), dateOfBirth.get().strip(),
                country.get().strip().toUpperCase(Locale.ROOT));
        progress.userType = body.userType();
        progress.userEmail = body.email();
        progress.firstName = body.firstName();
        progress.lastName = body.lastName();
        progress.phone = body.phone();
        progress.dateOfBirth = body.dateOfBirth();
        progress.country = body.country();
        String key = progress.userKey = Provisioner.key(progress.userKey, body.toString());
        save();
        Provisioner writes = provisioner();
        run(() -> writes.user(body, key, Provisioner.SameUser.SAME_PERSON).value(), (User u) -> {
                    progress.userId = u.userId();
                    summaries.get(Step.USER).set("User " + u.userId());
                    advance();
                });
    }

    private void createWallet() {
        if (!mayWrite()) {
            return;
        }
        NewWallet body = new NewWallet(walletName.get().strip(), walletCurrency.get());
        progress.walletName = body.name();
        progress.walletCurrency = body.currency();
        String userId = progress.userId;
        String key = progress.walletKey = Provisioner.key(progress.walletKey, userId + body);
        save();
        Provisioner writes = provisioner();
        run(() -> writes.wallet(userId, body, key), (Wallet w) -> {
            progress.walletId = w.walletId();
            summaries.get(Step.WALLET).set(w.currency() + " wallet " + w.walletId());
            network.set(defaultNetwork(w.currency()));
            advance();
        });
    }

    private void createAddress() {
        if (deposit.get() != null && deposit.get().ok()) {
            startOver();
            return;
        }
        if (progress.address != null) {
            verifyAddress(); // created already: only the checks are run again
            return;
        }
        if (!mayWrite()) {
            return;
        }
        NewAddress body = new NewAddress(progress.walletCurrency, network.get());
        progress.network = body.network();
        String walletId = progress.walletId;
        String key = progress.addressKey = Provisioner.key(progress.addressKey, walletId + body);
        save();
        Provisioner writes = provisioner();
        run(() -> writes.address(walletId, body, key), (DepositAddress a) -> {
            progress.addressId = a.addressId();
            progress.address = a.address();
            save();
            verifyAddress();
        });
    }

    /** The checks before a QR code is shown; retried alone when the server was briefly unavailable. */
    private void verifyAddress() {
        DepositAddress a = new DepositAddress(progress.addressId, progress.walletId, progress.walletCurrency,
                progress.network, progress.address, null);
        SovxApi api = client.api();
        run(() -> DepositCheck.verify(a, api), (DepositCheck.Result r) -> {
            progress.finished = r.ok();
            deposit.set(r);
            summaries.get(Step.ADDRESS).set(r.ok() ? r.address().network() + " address verified"
                    : "Address NOT verified: " + r.failure());
            save();
        });
    }

    /** A new onboarding in the same session: inputs and results cleared, still signed in. */
    public void startOver() {
        progress = new Progress();
        progress.environment = environment.id();
        for (StringProperty p : List.of(customerEmail, customerId, entityName, lastFour, userEmail, firstName, lastName,
                phone, dateOfBirth, country, walletName)) {
            p.set("");
        }
        secret.set(null);
        client.credentials().useOwnerKey(null);
        session.customerIdProperty().set(null);
        deposit.set(null);
        keyLost.set(false);
        summaries.forEach((s, p) -> {
            if (s != Step.CONNECTIVITY && s != Step.LOGIN) {
                p.set("");
            }
        });
        step.set(Step.CUSTOMER);
    }

    /** Stops what runs on its own (a retry countdown) when the window goes away. */
    public void dispose() {
        if (countdown != null) {
            countdown.stop();
        }
    }

    private Provisioner provisioner() {
        return new Provisioner(client.api(), journal::awaitWritten);
    }

    private boolean mayWrite() {
        if (!writeAllowed) {
            writeAllowed = writeGuard.allowWrite();
        }
        if (!writeAllowed) {
            problem.set(new Problem("Not confirmed", "Nothing was created: writing to " + environment.name()
                    + " was not confirmed.", null, null, null, "Confirm to write to this environment."));
        }
        return writeAllowed;
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        Runnable again = () -> run(work, onSuccess);
        background.run(() -> {
            journal.awaitWritten(); // a create's idempotency key is on disk before the create is sent
            return work.call();
        }, value -> {
            busy.set(false);
            onSuccess.accept(value);
        }, failure -> {
            busy.set(false);
            fail(failure, again);
        });
    }

    private void fail(Throwable failure, Runnable again) {
        Problem p = Problem.of(failure);
        if (failure instanceof ApiException e && e.httpStatus() == 401 && client.credentials().session().isPresent()
                && step.get().ordinal() > Step.LOGIN.ordinal() && !e.is("INVALID_CREDENTIALS")) {
            retry = again;
            needsSignIn.set(true);
            problem.set(p);
            return;
        }
        if (failure instanceof ApiException e && e.httpStatus() == 429) {
            Duration wait = e.rateLimit().retryAfter() == null ? Duration.ofSeconds(5) : e.rateLimit().retryAfter();
            startCountdown((int) Math.max(1, wait.toSeconds()), again);
            return;
        }
        if (p.field() != null) {
            serverFieldErrors.put(fieldKey(p.field()), p.message());
        }
        problem.set(p);
    }

    private String fieldKey(String serverField) {
        return step.get() == Step.CUSTOMER && serverField.equals("email") ? "customer_email" : serverField;
    }

    private void startCountdown(int seconds, Runnable again) {
        if (countdown != null) {
            countdown.stop();
        }
        retryIn.set(seconds);
        status.set("Rate limited by the server: retrying in " + seconds + " s");
        countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            retryIn.set(retryIn.get() - 1);
            if (retryIn.get() <= 0) {
                countdown.stop();
                status.set("");
                again.run();
            } else {
                status.set("Rate limited by the server: retrying in " + retryIn.get() + " s");
            }
        }));
        countdown.setCycleCount(seconds);
        countdown.play();
    }

    private void save() {
        progress.step = Math.max(progress.step, step.get().ordinal());
        journal.save(progress);
    }

    // ---- resume ----

    /** Loads an unfinished onboarding: inputs and ids come back; the owner key does not, it was never kept. */
    public void resume(Progress saved) {
        progress = saved;
        progress.environment = environment.id();
        customerEmail.set(nz(saved.customerEmail));
        customerId.set(nz(saved.customerId));
        entityName.set(nz(saved.entityName));
        userType.set(saved.userType == null ? "individual" : saved.userType);
        userEmail.set(nz(saved.userEmail));
        firstName.set(nz(saved.firstName));
        lastName.set(nz(saved.lastName));
        phone.set(nz(saved.phone));
        dateOfBirth.set(nz(saved.dateOfBirth));
        country.set(nz(saved.country));
        walletName.set(nz(saved.walletName));
        walletCurrency.set(saved.walletCurrency == null ? "BTC" : saved.walletCurrency);
        network.set(saved.network == null ? defaultNetwork(walletCurrency.get()) : saved.network);
        if (saved.customerCreated) {
            summaries.get(Step.CUSTOMER).set("Customer " + saved.customerId);
            session.customerIdProperty().set(saved.customerId);
        }
        if (saved.userId != null) {
            summaries.get(Step.USER).set("User " + saved.userId);
        }
        if (saved.walletId != null) {
            summaries.get(Step.WALLET).set(saved.walletCurrency + " wallet " + saved.walletId);
        }
        if (saved.keyMinted) {
            keyLost.set(true);
            summaries.get(Step.CREDENTIALS).set("Key from the interrupted session was not kept: mint a new one");
        }
        step.set(Step.CONNECTIVITY);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Where the resumed onboarding should continue once signed in: the first step not done. */
    public Progress progress() {
        return progress;
    }
}
