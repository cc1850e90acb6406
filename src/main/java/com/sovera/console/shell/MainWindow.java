package com.sovera.console.shell;

import com.sovera.console.activity.ActivityView;
import com.sovera.console.activity.ActivityViewModel;
import com.sovera.console.api.WireLog;
import com.sovera.console.bulkscreen.BulkView;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.help.HelpMenu;
import com.sovera.console.help.Shortcut;
import com.sovera.console.lookup.ContinueFrom;
import com.sovera.console.lookup.CustomersView;
import com.sovera.console.lookup.CustomersViewModel;
import com.sovera.console.lookup.LookupContextModel;
import com.sovera.console.lookup.LookupContextView;
import com.sovera.console.lookup.LookupList;
import com.sovera.console.lookup.OwnerKeysModel;
import com.sovera.console.lookup.OwnerKeysView;
import com.sovera.console.lookup.PagedTable;
import com.sovera.console.lookup.Search;
import com.sovera.console.lookup.SearchBox;
import com.sovera.console.lookup.SearchViewModel;
import com.sovera.console.lookup.UsersView;
import com.sovera.console.lookup.UsersViewModel;
import com.sovera.console.lookup.TransactionsView;
import com.sovera.console.lookup.TransactionsViewModel;
import com.sovera.console.lookup.WalletsView;
import com.sovera.console.lookup.WalletsViewModel;
import com.sovera.console.onboarding.Countries;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingService;
import com.sovera.console.onboarding.OnboardingView;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Progress;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionService;
import com.sovera.console.session.SessionState;
import com.sovera.console.settings.SettingsView;
import com.sovera.console.settings.SettingsViewModel;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.Focus;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Theme;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Scheduler;
import com.sovera.console.ui.task.TaskRunner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slf4j.LoggerFactory;

/**
 * The console's frame: the header, navigation and the view shown. It makes each screen's view model and view (the
 * lookups when first opened), and wires what screens tell each other: a key minted by the wizard offered to the
 * lookups, a trace id found by the search opened in Activity, a sign-out reaching every screen.
 */
public final class MainWindow extends BorderPane {

    private final Services services;
    private final SessionService session;
    private final OnboardingViewModel onboarding;
    private final OnboardingView onboardingView;
    private final ClipboardGuard clipboard;
    private final KeyRing keyRing;
    private final WriteGuard writeGuard;
    /** Runs the calls made for the signed-in operator: a sign-out cancels them and drops their answers. */
    private final TaskRunner calls;
    private final DialogAsk ask = new DialogAsk(() -> getScene() == null ? null : getScene().getWindow());
    private final UnconfirmedKeysBar unconfirmedKeys = new UnconfirmedKeysBar(this::openKeysOf);
    private final Header header;
    private final HelpMenu help;
    private final Scheduler.Timer clock;
    private final IdleWatch idle;
    private final Label notice = new Label();
    private final Map<String, ToggleButton> views = new LinkedHashMap<>();
    private String currentView = "nav-onboarding";
    private final javafx.beans.property.StringProperty currentViewProperty =
            new javafx.beans.property.SimpleStringProperty(currentView);
    private Settings settings;

    private LookupContextModel context;
    private SearchViewModel search;
    private SearchBox searchBox;
    private UsersViewModel users;
    private UsersView usersView;
    private WalletsViewModel wallets;
    private WalletsView walletsView;
    private TransactionsViewModel transactions;
    private TransactionsView transactionsView;
    private ActivityViewModel activity;
    private CustomersViewModel customers;
    private CustomersView customersView;
    private OwnerKeysModel keys;
    private ActivityView activityView;
    private ToggleButton usersNav;
    /** The last owner key the wizard minted, for the lookups' one-click offer; dropped at sign-out. */
    private LookupContextModel.Offer minted;
    private ToggleButton activityNav;
    private final BulkViewModel bulk;
    private BulkView bulkView;

    public MainWindow(Services services) {
        this.services = services;
        this.settings = services.settings();
        Theme.apply(settings.theme());
        setId("main-window");
        String css = MainWindow.class.getResource("console.css").toExternalForm();
        getStylesheets().add(css);
        // on the scene too: pop-ups owned by it (ControlsFX notifications, the enlarged QR) take its stylesheets
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(css);
            }
            if (scene != null) { // the window opens with the focus in its view
                Focus.moveAfterLayout(this, this::viewFocus);
            }
        });
        session = new SessionService(services.client(), services.lookups(), new SessionState(), services.runner());
        calls = session.state().runner(services.runner());
        clipboard = new ClipboardGuard(Duration.ofSeconds(60), services.scheduler());
        keyRing = new KeyRing(services.environment().id(), services.keychain(), services.runner(), services.policy());
        onboarding = new OnboardingViewModel(new OnboardingService(services.client(), services.journal()),
                services.runner(), services.scheduler(), services.clock(), services.environment(), session.state(),
                keyRing);
        // the first write of a session to a production-like environment asks for its host name; the session keeps
        // the answer until it closes
        WriteGuard production = services.environment().isProductionLike() ? new ProductionWriteGuard(
                services.client().baseUrl(), () -> getScene() == null ? null : getScene().getWindow())
                : WriteGuard.ALWAYS;
        writeGuard = () -> session.state().current().mayWrite(production);
        onboarding.setWriteGuard(production);
        bulk = new BulkViewModel(services.client(), services.environment(), services.journal().file().getParent(),
                services.runner(), services.clock());
        bulk.setWriteGuard(writeGuard);
        if (services.demo() != null) {
            onboarding.input(Field.LOGIN_EMAIL).set(services.demo().email());
            onboarding.input(Field.PASSWORD).set(services.demo().password());
        }
        onboardingView = new OnboardingView(onboarding, services.environment().name() + ": "
                + services.client().baseUrl(), clipboard, services.runner());
        onboardingView.watchDeposits(depositWatching(services.client()));
        if (services.demo() != null) {
            onboardingView.setLoginNote("Local sandbox: the demo account is filled in. Nothing here is real.");
        }
        help = new HelpMenu(services.environment(), services.client().baseUrl(), () -> settings,
                () -> session.state().accountProperty().get(), services.activity(), services.runner(),
                services.client().redactor());
        // Sign out asks first where it would lose something: a key shown once and not confirmed, a bulk import
        session.beforeClose(onboarding::sessionClosing);
        session.beforeClose(bulk::sessionClosing);
        header = new Header(services.environment(), services.client().baseUrl(), session.state(),
                () -> session.signOut(ask), help);
        session.holdsAlso(bulk::holdsKey, bulk::signedOut);
        session.holdsAlso(onboarding::holdsKey, () -> { }); // dropped by its signedOut below
        session.holdsAlso(() -> context != null && context.holdsKey(), () -> { }); // dropped by its forget below
        session.onSignOut(() -> {
            minted = null;
            clipboard.clearNow();
            onboarding.signedOut();
            if (context != null) {
                context.forget();
            }
            if (search != null) {
                search.clear();
            }
            if (users != null) {
                users.signedOut();
            }
            if (wallets != null) {
                wallets.signedOut();
            }
            if (transactions != null) {
                transactions.signedOut();
            }
            if (customers != null) {
                customers.list().clear();
                keys.show(null); // a rotated-in key shown once leaves the screen (named at the next sign-in)
            }
        });
        session.state().accountProperty().addListener((o, was, now) -> {
            if (now != null) {
                unconfirmedKeys.show(session.state().takeUnconfirmedKeys(), this::openKeysOf);
            }
            if (now != null && context != null) {
                context.loadCustomers();
            }
            if (now != null && customers != null) {
                customers.reload();
            }
        });
        // a key the wizard minted is offered to the lookups, also when they are first opened after the key left
        // the wizard's screen (it stays in memory for the session, as in the wizard's own client)
        onboarding.secret.addListener((o, was, key) -> {
            if (key != null) {
                minted = new LookupContextModel.Offer(onboarding.progress().customerId(), key);
                if (context != null) {
                    context.offer(minted.customerId(), minted.ownerKey());
                }
                refreshCustomer(minted.customerId()); // its key count and list are not what they were

            }
        });
        idle = new IdleWatch(this, session, services.scheduler(), services.clock(), settings.idleSignOutMinutes());
        setTop(new VBox(header, notices(), bulkNotice(), unconfirmedKeys, idle.notice()));
        FocusGuard.install(this, header, this::viewFocus);
        setLeft(navigation());
        setCenter(onboardingView);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        clock = services.scheduler().every(Duration.ofSeconds(1),
                () -> header.tick(session.state().expiresProperty().get(), services.clock()));
        offerResume();
        // a bulk import stopped by a crash is found at start, and offered on the Bulk view; the banner goes with it
        bulk.findUnfinished();
        // the user step's country list needs the JDK's locale data: load it now, off the FX thread; then, while the
        // operator reads the first step, skin the forms of the steps ahead
        services.runner().run(Countries::all, countries -> onboardingView.prepareSteps(), failure ->
                LoggerFactory.getLogger(MainWindow.class).warn("The country list could not be prepared: {}",
                        failure.toString()));
    }

    public OnboardingViewModel onboarding() {
        return onboarding;
    }

    /** The Activity view's model, made when that view is first opened. */
    public ActivityViewModel activity() {
        activityView();
        return activity;
    }

    public SessionService session() {
        return session;
    }

    /**
     * The window is closing: timers stop, a call out is dropped, the clipboard cleared. Returns at once; the
     * journal's last writes complete what it returns (off the FX thread).
     */
    public CompletableFuture<Void> stop() {
        clock.stop();
        idle.stop();
        // a bulk import under way is held where it is: its journal keeps it, and this environment's Bulk view offers
        // it again (its client is about to close)
        bulk.run().pause();
        onboarding.dispose();
        session.state().signedOut(); // its calls cancelled, its confirmation gone (the server is told by start-up)
        clipboard.clearNow();
        return services.journal().close();
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton onboard = nav("O_nboarding", "nav-onboarding", "fth-user-plus", group, () -> onboardingView);
        nav("_Customers", "nav-customers", "fth-briefcase", group, this::customersView);
        usersNav = nav("_Users", "nav-users", "fth-users", group, () -> lookup(usersView()));
        nav("_Wallets", "nav-wallets", "fth-credit-card", group, () -> lookup(walletsView()));
        nav("Transact_ions", "nav-transactions", "fth-repeat", group, () -> lookup(transactionsView()));
        nav("_Bulk", "nav-bulk", "fth-upload", group, this::bulkView);
        activityNav = nav("_Activity", "nav-activity", "fth-activity", group, this::activityView);
        nav("Se_ttings", "nav-settings", "fth-settings", group, () -> new SettingsView(new SettingsViewModel(
                services.settingsStore(), settings, services.policy(), this::applied,
                services.environment().kind() == Environment.Kind.EMBEDDED ? services.training() : null,
                services.runner())));
        onboard.setSelected(true);
        help.setViews(views.values().stream().filter(b -> b.isMnemonicParsing() && b.getText().contains("_"))
                .map(b -> new String[] {"Alt+" + Character.toUpperCase(b.getText().charAt(b.getText().indexOf('_')
                        + 1)), b.getText().replace("_", "")}).toList());
        VBox box = new VBox(6);
        box.getStyleClass().add("navigation");
        group.getToggles().forEach(t -> box.getChildren().add((ToggleButton) t));
        return box;
    }

    /**
     * Settings saved: the log level (and so how much of the wire is logged) and the theme apply at once; another
     * environment or other timeouts rebuild the console around new clients.
     */
    private void applied(Settings saved) {
        Settings before = settings;
        settings = saved;
        Theme.apply(saved.theme());
        services.client().setWireLog(WireLog.forLevel(saved.logLevel()));
        idle.setMinutes(saved.idleSignOutMinutes());
        boolean reconnect = !saved.environment().equals(before.environment())
                || !saved.connectTimeoutSeconds().equals(before.connectTimeoutSeconds())
                || !saved.readTimeoutSeconds().equals(before.readTimeoutSeconds());
        if (reconnect && services.switcher() != null) {
            if (mayLeaveBulkRun()) {
                services.switcher().switchTo(saved);
            } else {
                showNotice("Settings saved; the new environment applies at the next start (or save again once the"
                        + " bulk import is done).");
            }
        }
    }

    private ActivityView activityView() {
        if (activityView == null) {
            activity = new ActivityViewModel(services.activity(), services.runner());
            activityView = new ActivityView(activity);
        }
        return activityView;
    }

    /** Bulk onboarding, for the lookups' customer in context (its key too) unless the operator picks another. */
    private BulkView bulkView() {
        if (bulkView == null) {
            LookupContextModel c = context();
            bulk.useCustomer(c.customerIdProperty().get(), c.ownerKey());
            c.customerIdProperty().addListener((o, was, id) -> bulk.useCustomer(id, c.ownerKey()));
            javafx.beans.binding.Bindings.bindContent(bulk.knownCustomers(), c.customers());
            bulkView = new BulkView(bulk);
        }
        return bulkView;
    }

    private CustomersView customersView() {
        if (customersView == null) {
            customers = new CustomersViewModel(services.client(), services.lookups(), calls);
            customers.setOnAction(this::onCustomer);
            customersView = new CustomersView(customers);
            keys = new OwnerKeysModel(services.client(), calls);
            session.beforeClose(keys::sessionClosing);
            // a rotated-in key is named at the next sign-in until the operator confirms it by its last four
            keys.setOnMinted((customerId, key) -> session.state().current().keyMinted(customerId, key));
            keys.setOnConfirmed((customerId, key) -> session.state().current().keyConfirmed(customerId, key));
            keys.setWriteGuard(writeGuard);
            keys.setOnRevoked(this::revoked);
            keys.setOnRotated((customerId, key) -> {
                if (customerId.equals(context().customerIdProperty().get()) || context().customerIdProperty().get()
                        == null) {
                    context().useKnown(customerId, key);
                }
            });
            customers.selected.addListener((o, was, c) -> keys.show(c == null ? null : c.customerId()));
            customersView.side().getChildren().add(new OwnerKeysView(keys, clipboard));
            customers.keyedCustomer(context().customerIdProperty().get());
            customers.reload();
        }
        return customersView;
    }

    /**
     * A key was revoked: wherever the console holds it (the wizard's client, the lookups, the one-click offer, the
     * system keychain), it is dropped.
     */
    private void revoked(String customerId, String lastFour) {
        onboarding.keyRevoked(customerId, lastFour);
        bulk.keyRevoked(customerId, lastFour);
        if (context != null) {
            context.revoked(customerId, lastFour);
        }
        if (minted != null && minted.customerId().equals(customerId) && minted.ownerKey().endsWith(lastFour)) {
            minted = null;
        }
        services.runner().run(() -> {
            if (keyRing.load(customerId).filter(k -> k.endsWith(lastFour)).isPresent()) {
                keyRing.forget(customerId);
                return true;
            }
            return false;
        }, forgotten -> { }, failure -> showNotice("The system keychain could not be checked for the revoked key of "
                + customerId + ": if you kept it there, remove it by hand."));
    }

    /** A customer's action: look it up (with its key from the keychain, or pasted), or mint it an owner key. */
    private void onCustomer(CustomersViewModel.Request request) {
        String id = request.customer().customerId();
        switch (request.action()) {
            case LOOK_UP -> {
                usersNav.fire();
                if (!id.equals(context().customerIdProperty().get())) {
                    context().typedCustomer.set(id);
                    context().messageProperty().set("Paste the owner key of " + id + " (or tick the keychain and"
                            + " pick it) to look it up.");
                    context().picked(id);
                }
            }
            case MINT_KEY -> {
                if (mayReplaceOnboarding()) {
                    onboarding.startFrom(new OnboardingViewModel.StartPoint(id, request.customer().email(),
                            request.customer().entityName(), null, null, null));
                    onboarding.keySource.set(OnboardingViewModel.KeySource.MINT);
                    views.get("nav-onboarding").fire();
                }
            }
            default -> throw new IllegalStateException("unknown action " + request.action());
        }
    }

    /** Opens the Customers view on this customer, its keys beside it (to revoke a key never confirmed). */
    private void openKeysOf(String customerId) {
        views.get("nav-customers").fire();
        customers.idContains.set(customerId);
        customers.apply();
    }

    /** The Customers view, if it shows this customer, lists its keys and counts anew. */
    private void refreshCustomer(String customerId) {
        if (customers != null && customers.selected.get() != null
                && customers.selected.get().customerId().equals(customerId)) {
            customers.refresh();
            keys.show(customerId);
        }
    }

    private LookupContextModel context() {
        if (context == null) {
            context = new LookupContextModel(services.lookups(), services.client(), calls, keyRing);
            context.customerIdProperty().addListener((o, was, now) -> {
                if (customers != null) {
                    customers.keyedCustomer(now);
                }
                follow(users, now);
                follow(wallets, now);
                follow(transactions, now);
                if (search != null) {
                    search.clear();
                }
            });
            if (services.demo() != null) {
                context.useKnown(services.demo().customerId(), services.demo().ownerKey());
            }
            if (minted != null) { // minted before the lookups were first opened
                context.offer(minted.customerId(), minted.ownerKey());
            }
            context.loadCustomers();
        }
        return context;
    }

    /**
     * What an address panel over this client needs to wait for deposits: its polls belong to the session in force
     * when they start, and only the embedded sandbox offers simulating one.
     */
    private com.sovera.console.deposit.DepositWatching depositWatching(com.sovera.console.api.SovxClient over) {
        return new com.sovera.console.deposit.DepositWatching(() -> over, services.runner(), services.scheduler(),
                services.clock(), () -> session.state().current().jobs(),
                services.environment().kind() == Environment.Kind.EMBEDDED);
    }

    private SearchBox searchBox() {
        if (searchBox == null) {
            search = new SearchViewModel(new Search(services.lookups(), services.client()),
                    services.activity()::entries, calls);
            search.setOpenTrace(record -> {
                activityNav.fire();
                activity.select(record);
            });
            searchBox = new SearchBox(search, services.runner());
            searchBox.watchDeposits(depositWatching(services.lookups()));
        }
        return searchBox;
    }

    private UsersView usersView() {
        if (usersView == null) {
            context();
            users = new UsersViewModel(services.lookups(), calls);
            users.setOnContinue(this::continueTree);
            users.setOnKeyRefused(said -> context().refused(said));
            usersView = new UsersView(users);
            follow(users, context().customerIdProperty().get());
        }
        return usersView;
    }

    private TransactionsView transactionsView() {
        if (transactionsView == null) {
            context();
            transactions = new TransactionsViewModel(services.lookups(), calls);
            transactions.setOnKeyRefused(said -> context().refused(said));
            transactionsView = new TransactionsView(transactions);
            follow(transactions, context().customerIdProperty().get());
        }
        return transactionsView;
    }

    private WalletsView walletsView() {
        if (walletsView == null) {
            context();
            wallets = new WalletsViewModel(services.lookups(), calls);
            wallets.setOnContinue(this::continueTree);
            wallets.setOnKeyRefused(said -> context().refused(said));
            walletsView = new WalletsView(wallets, services.runner());
            walletsView.watchDeposits(depositWatching(services.lookups()));
            follow(wallets, context().customerIdProperty().get());
        }
        return walletsView;
    }

    /**
     * A support action continues the customer-in-context's tree in the wizard, so the write goes through its
     * service, journal, production confirmation and recovery; an unfinished onboarding is replaced only if the
     * operator agrees.
     */
    private void continueTree(ContinueFrom from) {
        String customerId = context().customerIdProperty().get();
        if (customerId == null || !mayReplaceOnboarding()) {
            return;
        }
        onboarding.startFrom(new OnboardingViewModel.StartPoint(customerId, null, null, context().ownerKey(),
                from.user(), from.wallet()));
        views.get("nav-onboarding").fire();
    }

    /** A lookup screen shows the customer in context; with none (signed out, a revoked key), nothing: no call. */
    private static void follow(LookupList<?> screen, String customer) {
        if (screen == null) {
            return;
        }
        if (customer == null) {
            screen.clear();
        } else {
            screen.reload();
        }
    }

    /**
     * A switch of environment closes the session: a bulk import under way is paused (its journal keeps it, and the
     * Bulk view offers to resume it back in this environment) or cancelled, as the operator chooses.
     */
    private boolean mayLeaveBulkRun() {
        return bulk.sessionClosing(false, ask);
    }

    private boolean mayReplaceOnboarding() {
        Progress p = onboarding.progress();
        if (p.finished() || !(p.customerCreated() || p.userId() != null) || p.depositAddress() != null) {
            return true;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType
                .CONFIRMATION, "An onboarding is under way (customer " + p.customerId() + "). Leave it and start"
                + " from this one? What it created stays on the server.", javafx.scene.control.ButtonType.YES,
                javafx.scene.control.ButtonType.NO);
        ask.initOwner(getScene().getWindow());
        ask.setHeaderText("Replace the onboarding under way?");
        return ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    private Node lookup(Node view) {
        VBox box = new VBox(4, new LookupContextView(context()), searchBox(), view);
        box.setPadding(new Insets(8, 0, 0, 12));
        VBox.setVgrow(view, Priority.ALWAYS);
        return box;
    }

    /**
     * Keyboard shortcuts: Ctrl+F searches, F5 reloads the lookup shown, Ctrl+Page Down / Ctrl+Page Up turn its
     * pages, F1 lists them. The list is in the README.
     */
    private void shortcut(KeyEvent e) {
        PagedTable<?> shown = walletsView != null && walletsView.getScene() != null ? walletsView.table()
                : transactionsView != null && transactionsView.getScene() != null ? transactionsView.table()
                : usersView != null && usersView.getScene() != null ? usersView.table() : null;
        Shortcut pressed = Shortcut.of(e).orElse(null);
        if (pressed == null) {
            return;
        }
        switch (pressed) {
            case SEARCH -> {
                if (searchBox == null || searchBox.getScene() == null) {
                    usersNav.fire();
                }
                searchBox().focus();
            }
            case HELP -> help.showShortcuts();
            case REFRESH, NEXT_PAGE, PREVIOUS_PAGE -> {
                if (pressed == Shortcut.REFRESH && shown == null && customersView != null
                        && customersView.getScene() != null) {
                    customers.refresh();
                    keys.show(customers.selected.get() == null ? null : customers.selected.get().customerId());
                    e.consume();
                    return;
                }
                if (shown == null) {
                    return;
                }
                if (pressed == Shortcut.REFRESH) {
                    shown.refresh();
                } else {
                    shown.turnPage(pressed == Shortcut.NEXT_PAGE ? 1 : -1);
                }
            }
            default -> throw new IllegalStateException("unbound " + pressed);
        }
        e.consume();
    }

    /** The id of the view shown, to reopen it at the next start. */
    public String currentView() {
        return currentView;
    }

    /** Shows a view by its id (as saved by {@link #currentView()}); unknown ids are ignored. */
    public void showView(String id) {
        ToggleButton b = views.get(id);
        if (b != null) {
            b.fire();
        }
    }

    private ToggleButton nav(String text, String id, String icon, ToggleGroup group, Supplier<Node> view) {
        ToggleButton b = Icons.on(new ToggleButton(text), icon);
        views.put(id, b);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> {
            b.setSelected(true);
            currentView = id;
            currentViewProperty.set(id);
            setCenter(view.get());
            Focus.moveAfterLayout(this, this::viewFocus);
        });
        return b;
    }

    /** Where the focus goes in the view shown: its first text field, else its first button (the wizard's action). */
    private Optional<Node> viewFocus() {
        Node view = getCenter();
        return view == onboardingView ? onboardingView.focusTarget() : view == null ? Optional.empty()
                : Focus.firstInput(view);
    }

    /** Start-up problems an operator must hear of: a settings file or journal that was corrupt and set aside. */
    private Node notices() {
        notice.setId("startup-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("resume-bar");
        notice.setMaxWidth(Double.MAX_VALUE);
        showNotice(services.settingsStore().problem());
        return notice;
    }

    /** Says a bulk import did not finish while one is left (outside the Bulk view, which offers it itself). */
    private Node bulkNotice() {
        Label bar = new Label();
        bar.setId("bulk-notice");
        bar.setWrapText(true);
        bar.getStyleClass().add("resume-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.textProperty().bind(bulk.unfinishedNotice());
        bar.visibleProperty().bind(bar.textProperty().isNotEmpty().and(javafx.beans.binding.Bindings
                .createBooleanBinding(() -> !"nav-bulk".equals(currentViewProperty.get()), currentViewProperty)));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** A notice under the header (a file set aside, a sandbox that could not start). */
    public void showNotice(String text) {
        if (text != null) {
            notice.setText(notice.getText() == null || notice.getText().isEmpty() ? text : notice.getText() + " " + text);
        }
        notice.setVisible(!notice.getText().isEmpty());
        notice.setManaged(notice.isVisible());
    }

    private void offerResume() {
        // read on the journal's thread, queued now: off the FX thread, and before any draft typed meanwhile
        Future<Optional<Progress>> reading = services.journal().readUnfinished();
        services.runner().run(() -> reading.get(), saved -> {
            showNotice(services.journal().problem());
            saved.filter(p -> services.environment().id().equals(p.environment()) && p.hasAnything())
                    .ifPresent(p -> onboardingView.offerResume(p, () -> onboarding.resume(p),
                            () -> services.journal().save(p.finished(true))));
        }, failure -> showNotice("The onboarding journal could not be read: " + failure.getMessage()));
    }
}
