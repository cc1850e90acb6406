package com.sovera.console.shell;

import com.sovera.console.activity.ActivityView;
import com.sovera.console.activity.ActivityViewModel;
import com.sovera.console.api.WireLog;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.help.HelpMenu;
import com.sovera.console.help.Shortcut;
import com.sovera.console.lookup.PagedTable;
import com.sovera.console.onboarding.Countries;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingView;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Progress;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionEnd;
import com.sovera.console.session.SessionService;
import com.sovera.console.session.SessionState;
import com.sovera.console.session.UnconfirmedKeysFile;
import com.sovera.console.settings.SettingsView;
import com.sovera.console.settings.SettingsViewModel;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.Focus;
import com.sovera.console.ui.PathField;
import com.sovera.console.ui.Theme;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.slf4j.LoggerFactory;

/**
 * The console's window, its composition root: the header and the bars under it, the navigation and the view shown,
 * the shortcuts, start and stop. It makes the wizard's and the session's objects and hands the lookups
 * ({@link LookupWiring}) and bulk onboarding ({@link BulkWiring}) what they share: a sign-out reaches every screen.
 */
public final class MainWindow extends BorderPane {

    private final Services services;
    private final SessionService session;
    private final OnboardingViewModel onboarding;
    private final OnboardingView onboardingView;
    private final ClipboardGuard clipboard;
    private final KeyRing keyRing;
    private final WriteGuard writeGuard;
    private final DialogAsk ask = new DialogAsk(() -> getScene() == null ? null : getScene().getWindow());
    /** Its dialogs take its stylesheets and its text size. */
    private final com.sovera.console.ui.OwnedWindows dialogs = com.sovera.console.ui.OwnedWindows.follow(this);
    private final UnconfirmedKeysBar unconfirmedKeys = new UnconfirmedKeysBar(this::openKeysOf);
    private final Navigation navigation = new Navigation(this::show);
    private final StartupNotice notice = new StartupNotice();
    private final LookupWiring lookups;
    private final BulkWiring bulkWiring;
    private final Header header;
    private final HelpMenu help;
    private final Scheduler.Timer clock;
    private final IdleWatch idle;
    private Settings settings;

    private ActivityViewModel activity;
    private ActivityView activityView;
    private final BulkViewModel bulk;
    private final UnconfirmedKeysFile keysLeft;

    public MainWindow(Services services) {
        this.services = services;
        this.settings = services.settings();
        Theme.apply(settings.theme());
        setId("main-window");
        com.sovera.console.ui.TextSize.apply(this, settings.textSizePercent());
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
        keysLeft = new UnconfirmedKeysFile(services.journal().file().resolveSibling("unconfirmed-keys.json"),
                services.environment().id());
        session = new SessionService(services.client(), services.lookups(), new SessionState(keysLeft),
                services.runner());
        session.audit(services.audit());
        clipboard = new ClipboardGuard(Duration.ofSeconds(60), services.scheduler());
        keyRing = new KeyRing(services.environment().id(), services.keychain(), services.runner(), services.policy());
        onboarding = new OnboardingViewModel(session.calls(), services.journal(), services.audit()::adopted,
                services.scheduler(), services.clock(), services.environment(), keyRing);
        // the first write of a session to a production-like environment asks for its host name; the session keeps
        // the answer until it closes
        WriteGuard production = services.environment().isProductionLike() ? new ProductionWriteGuard(
                services.client().baseUrl(), () -> getScene() == null ? null : getScene().getWindow())
                : WriteGuard.ALWAYS;
        writeGuard = () -> session.state().current().mayWrite(production);
        onboarding.setWriteGuard(production);
        onboarding.setLookupsOnly(!services.policy().mayWrite());
        bulk = new BulkViewModel(session.calls(), services.runner(), services.environment(),
                services.journal().file().getParent(), services.clock());
        bulk.setWriteGuard(writeGuard);
        bulk.setAdoptions(services.audit()::adopted);
        bulk.setLookupsOnly(!services.policy().mayWrite());
        lookups = new LookupWiring(services, session, keyRing, clipboard, writeGuard, onboarding, bulk, navigation,
                this::mayReplaceOnboarding, this::showNotice, record -> {
                    navigation.show("nav-activity");
                    activity.select(record);
                });
        bulkWiring = new BulkWiring(bulk, lookups::context);
        PathField.askThrough(this, ask); // a path typed to save to asks here before it replaces a file
        if (services.demo() != null) {
            onboarding.input(Field.LOGIN_EMAIL).set(services.demo().email());
            onboarding.input(Field.PASSWORD).set(services.demo().password());
        }
        onboardingView = new OnboardingView(onboarding, services.environment().name() + ": "
                + services.client().baseUrl(), clipboard, services.runner());
        onboardingView.watchDeposits(lookups.depositWatching(services.client()));
        if (services.demo() != null) {
            onboardingView.setLoginNote("Local sandbox: the demo account is filled in. Nothing here is real.");
        }
        help = new HelpMenu(services.environment(), services.client().baseUrl(), () -> settings,
                () -> session.state().accountProperty().get(), services.activity(), services.runner(),
                services.client().redactor(), services.audit());
        // Sign out asks first where it would lose something: a key shown once and not confirmed, a bulk import
        session.beforeClose(onboarding::sessionClosing);
        session.beforeClose(bulk::sessionClosing);
        header = new Header(services.environment(), services.client().baseUrl(), session.state(),
                () -> session.signOut(ask), help);
        session.holdsAlso(bulk::holdsKey, bulk::signedOut);
        session.holdsAlso(onboarding::holdsKey, () -> { }); // dropped by its signedOut below
        session.holdsAlso(lookups::holdsKey, () -> { }); // dropped by its signedOut below
        session.onSignOut(() -> {
            clipboard.clearNow();
            onboarding.signedOut();
            lookups.signedOut();
        });
        session.state().accountProperty().addListener((o, was, now) -> {
            if (now != null) {
                unconfirmedKeys.show(session.state().takeUnconfirmedKeys(), this::openKeysOf);
                lookups.signedIn();
            }
        });
        lookups.offerWizardKeys();
        // keys an earlier run (or this environment before a switch) left unconfirmed: named at the next sign-in
        services.runner().run(keysLeft::load, keys -> {
            session.state().recall(keys);
            if (session.state().accountProperty().get() != null) {
                unconfirmedKeys.show(session.state().takeUnconfirmedKeys(), this::openKeysOf);
            }
        }, failure -> LoggerFactory.getLogger(MainWindow.class).warn("The keys left unconfirmed could not be read: {}",
                failure.toString()));
        idle = new IdleWatch(this, session, services.scheduler(), services.clock(), settings.idleSignOutMinutes());
        notice.show(services.settingsStore().problem());
        setTop(new VBox(header, notice, bulkWiring.notice(navigation.currentProperty()), unconfirmedKeys,
                idle.notice()));
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

    /**
     * The window may close (ending the session) unless the operator, asked about what would be lost (a key shown
     * once and not confirmed, a bulk import under way), chose to stay.
     */
    public boolean mayClose() {
        return session.mayClose(SessionEnd.CLOSE_WINDOW, ask);
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
        return CompletableFuture.allOf(services.journal().close(), keysLeft.written());
    }

    private Node navigation() {
        ToggleButton onboard = navigation.add("O_nboarding", Navigation.ONBOARDING, "fth-user-plus",
                () -> onboardingView);
        navigation.add("_Customers", "nav-customers", "fth-briefcase", lookups::customersView);
        navigation.add("_Users", "nav-users", "fth-users", () -> lookups.lookup(lookups.usersView()));
        navigation.add("_Wallets", "nav-wallets", "fth-credit-card", () -> lookups.lookup(lookups.walletsView()));
        navigation.add("Transact_ions", "nav-transactions", "fth-repeat",
                () -> lookups.lookup(lookups.transactionsView()));
        navigation.add("_Bulk", "nav-bulk", "fth-upload", bulkWiring::view);
        navigation.add("_Activity", "nav-activity", "fth-activity", this::activityView);
        navigation.add("Se_ttings", "nav-settings", "fth-settings", () -> scrolling(new SettingsView(
                new SettingsViewModel(services.settingsStore(), settings, services.policy(), this::applied,
                services.environment().kind() == Environment.Kind.EMBEDDED ? services.training() : null,
                services.runner()))));
        onboard.setSelected(true);
        help.setViews(navigation.mnemonics());
        return navigation.box();
    }

    /** A view taller than a laptop's screen at a large text size, scrolled rather than cut. */
    private static Node scrolling(Node view) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(view);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    /** Puts a view in the window, the focus in it. */
    private void show(Node view) {
        setCenter(view);
        Focus.moveAfterLayout(this, this::viewFocus);
    }

    /**
     * Settings saved: the log level (and so how much of the wire is logged) and the theme apply at once; another
     * environment or other timeouts rebuild the console around new clients.
     */
    private void applied(Settings saved) {
        Settings before = services.settings(); // what this window's clients were built with
        settings = saved;
        Theme.apply(saved.theme());
        com.sovera.console.ui.TextSize.apply(this, saved.textSizePercent());
        services.client().setWireLog(WireLog.forLevel(saved.logLevel()));
        idle.setMinutes(saved.idleSignOutMinutes());
        boolean reconnect = !saved.environment().equals(before.environment())
                || !saved.connectTimeoutSeconds().equals(before.connectTimeoutSeconds())
                || !saved.readTimeoutSeconds().equals(before.readTimeoutSeconds());
        if (reconnect && services.switcher() != null) {
            SessionEnd end = saved.environment().equals(before.environment())
                    ? SessionEnd.reconnectTo(saved.environment().name())
                    : SessionEnd.switchTo(saved.environment().name());
            if (session.mayClose(end, ask)) { // a key shown once, a bulk import under way: they would go with it
                services.switcher().switchTo(saved);
            } else {
                showNotice("Settings saved; the new environment applies at the next start (or save again once the"
                        + " key is stored or the bulk import is done).");
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

    /** An onboarding under way is replaced (by a lookup's support action) only if the operator agrees. */
    private boolean mayReplaceOnboarding() {
        Progress p = onboarding.progress();
        if (p.finished() || !(p.customerCreated() || p.userId() != null) || p.depositAddress() != null) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "An onboarding is under way (customer " + p.customerId()
                + "). Leave it and start from this one? What it created stays on the server.", ButtonType.YES,
                ButtonType.NO);
        ask.initOwner(getScene().getWindow());
        ask.setHeaderText("Replace the onboarding under way?");
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    /** Opens the Customers view on this customer, its keys beside it (to revoke a key never confirmed). */
    private void openKeysOf(String customerId) {
        lookups.openKeysOf(customerId);
    }

    /**
     * Keyboard shortcuts: Ctrl+F searches, F5 reloads the lookup shown, Ctrl+Page Down / Ctrl+Page Up turn its
     * pages, F1 lists them. The list is in the README.
     */
    private void shortcut(KeyEvent e) {
        PagedTable<?> shown = lookups.shownTable();
        Shortcut pressed = Shortcut.of(e).orElse(null);
        if (pressed == null) {
            return;
        }
        switch (pressed) {
            case SEARCH -> {
                if (!lookups.searchShown()) {
                    navigation.show("nav-users");
                }
                lookups.searchBox().focus();
            }
            case HELP -> help.showShortcuts();
            case REFRESH, NEXT_PAGE, PREVIOUS_PAGE -> {
                if (pressed == Shortcut.REFRESH && shown == null && lookups.refreshCustomersIfShown()) {
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
        return navigation.current();
    }

    /** Shows a view by its id (as saved by {@link #currentView()}); unknown ids are ignored. */
    public void showView(String id) {
        navigation.show(id);
    }

    /** Where the focus goes in the view shown: its first text field, else its first button (the wizard's action). */
    private Optional<Node> viewFocus() {
        Node view = getCenter();
        return view == onboardingView ? onboardingView.focusTarget() : view == null ? Optional.empty()
                : Focus.firstInput(view);
    }

    /** A notice under the header (a file set aside, a sandbox that could not start). */
    public void showNotice(String text) {
        notice.show(text);
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
