package com.sovera.console.shell;

import com.sovera.console.activity.ActivityView;
import com.sovera.console.help.HelpMenu;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Theme;
import com.sovera.console.api.WireLog;
import com.sovera.console.lookup.LookupContext;
import com.sovera.console.lookup.Search;
import com.sovera.console.lookup.SearchBox;
import com.sovera.console.lookup.UsersView;
import com.sovera.console.lookup.WalletsView;
import com.sovera.console.onboarding.OnboardingModel;
import com.sovera.console.onboarding.OnboardingView;
import com.sovera.console.onboarding.Progress;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.settings.SettingsView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The console's frame: a header that always says which environment this is (green local sandbox, amber Sovera
 * sandbox, red production), who is signed in and for how long, and the customer in context; navigation; and
 * the current view.
 */
public final class MainWindow extends BorderPane {

    private final Services services;
    private final OnboardingModel onboarding;
    private final OnboardingView onboardingView;
    private final Label remaining = new Label();
    private final Timeline clock;

    private Settings settings;
    private HelpMenu help;

    public MainWindow(Services services) {
        this.services = services;
        this.settings = services.settings();
        Theme.apply(settings.theme());
        setId("main-window");
        String css = MainWindow.class.getResource("console.css").toExternalForm();
        getStylesheets().add(css);
        // on the scene too: pop-ups owned by it (ControlsFX notifications) take the scene's stylesheets
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(css);
            }
        });
        onboarding = new OnboardingModel(services.client(), services.background(), services.journal(),
                services.environment(), services.session(), services.clock());
        onboarding.setWriteGuard(this::confirmProductionWrite);
        if (services.demoEmail() != null) {
            onboarding.loginEmail.set(services.demoEmail());
            onboarding.password.set(services.demoPassword());
        }
        onboardingView = new OnboardingView(onboarding, environmentLine());
        if (services.demoEmail() != null) {
            onboardingView.setLoginNote("Local sandbox: the demo account is filled in. Nothing here is real.");
        }
        setTop(new VBox(header(), notices()));
        setLeft(navigation());
        setCenter(onboardingView);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        offerResume();
        // the user step's country list needs the JDK's locale data: load it now, off the FX thread; then, while the
        // operator reads the first step, skin the forms of the steps ahead
        services.background().run(com.sovera.console.onboarding.Countries::all,
                countries -> onboardingView.prepareSteps(), failure -> { });
    }

    public OnboardingModel onboarding() {
        return onboarding;
    }

    public void stop() {
        clock.stop();
        onboarding.dispose();
        services.journal().flush();
    }

    private String environmentLine() {
        return services.environment().name() + ": " + services.client().baseUrl();
    }

    private Node header() {
        Environment env = services.environment();
        Label badge = new Label(switch (env.kind()) {
            case EMBEDDED -> "LOCAL SANDBOX";
            case SOVERA_SANDBOX -> "SOVERA SANDBOX";
            case CUSTOM -> "PRODUCTION";
        });
        badge.setId("environment-badge");
        String colour = switch (env.kind()) {
            case EMBEDDED -> "#1b7f3b";
            case SOVERA_SANDBOX -> "#b36b00";
            case CUSTOM -> "#b00020";
        };
        badge.setStyle("-fx-background-color: " + colour + "; -fx-text-fill: white; -fx-font-weight: bold;"
                + " -fx-padding: 4 10 4 10; -fx-background-radius: 4;");
        Label url = new Label(services.client().baseUrl());
        url.setId("environment-url");
        Label account = new Label();
        account.setId("header-account");
        account.textProperty().bind(javafx.beans.binding.Bindings.when(services.session().accountProperty().isNull())
                .then("Not signed in").otherwise(services.session().accountProperty()));
        remaining.setId("header-remaining");
        Label customer = new Label();
        customer.setId("header-customer");
        customer.textProperty().bind(javafx.beans.binding.Bindings.when(services.session().customerIdProperty()
                .isNull()).then("").otherwise(javafx.beans.binding.Bindings.concat("Customer: ",
                services.session().customerIdProperty())));
        Button signOut = Icons.on(new Button("Sign _out"), "fth-log-out");
        signOut.setId("sign-out");
        signOut.disableProperty().bind(services.session().accountProperty().isNull());
        signOut.setOnAction(e -> signOut());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        help = new HelpMenu(env, services.client().baseUrl(), () -> settings,
                () -> services.session().accountProperty().get(), services.activity(), services.background(),
                services.client().redactor());
        HBox bar = new HBox(12, badge, url, gap, customer, account, remaining, signOut, help);
        com.sovera.console.ui.Layouts.keepWhole(badge, remaining, signOut, help);
        url.setMinWidth(120);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.setStyle("-fx-border-color: " + colour + "; -fx-border-width: 0 0 3 0;");
        return bar;
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton onboard = nav("O_nboarding", "nav-onboarding", "fth-user-plus", group, () -> onboardingView);
        usersNav = nav("_Users", "nav-users", "fth-users", group, () -> lookup(users()));
        nav("_Wallets", "nav-wallets", "fth-credit-card", group, () -> lookup(wallets()));
        activityNav = nav("_Activity", "nav-activity", "fth-activity", group, this::activity);
        nav("Se_ttings", "nav-settings", "fth-settings", group, () -> new SettingsView(services.settingsStore(),
                settings, this::applied,
                services.environment().kind() == Environment.Kind.EMBEDDED ? services.training() : null));
        onboard.setSelected(true);
        VBox box = new VBox(6);
        box.getStyleClass().add("navigation");
        box.setPadding(new Insets(12));
        group.getToggles().forEach(t -> box.getChildren().add((ToggleButton) t));
        return box;
    }

    /** Settings saved: the log level (and so how much of the wire is logged) and the theme apply at once. */
    private void applied(Settings saved) {
        settings = saved;
        Theme.apply(saved.theme());
        WireLog wire = WireLog.forLevel(saved.logLevel());
        services.client().setWireLog(wire);
        services.lookupClient().setWireLog(wire);
    }

    private ToggleButton activityNav;
    private ToggleButton usersNav;
    private ActivityView activityView;
    private SearchBox searchBox;

    private ActivityView activity() {
        if (activityView == null) {
            activityView = new ActivityView(services.activity());
        }
        return activityView;
    }

    private SearchBox search() {
        if (searchBox == null) {
            searchBox = new SearchBox(new Search(services.lookupClient(), services.client()),
                    services.activity()::entries, record -> {
                        activityNav.fire();
                        activity().select(record);
                    }, services.background());
        }
        return searchBox;
    }

    private LookupContext lookupContext;
    private UsersView usersView;
    private WalletsView walletsView;

    private LookupContext context() {
        if (lookupContext == null) {
            lookupContext = new LookupContext(services.lookupClient(), services.client(), services.background(),
                    services.environment().id());
            lookupContext.customerIdProperty().addListener((o, was, now) -> {
                if (usersView != null) {
                    usersView.reload();
                }
                if (walletsView != null) {
                    walletsView.reload();
                }
            });
            if (services.demoOwnerKey() != null) {
                lookupContext.use(services.demoCustomerId(), services.demoOwnerKey());
            }
            if (onboarding.secret.get() != null) { // minted before the lookups were first opened
                lookupContext.offer(onboarding.customerId.get(), onboarding.secret.get());
            }
            onboarding.secret.addListener((o, was, key) -> {
                if (key != null) {
                    lookupContext.offer(onboarding.customerId.get(), key);
                }
            });
        }
        return lookupContext;
    }

    private UsersView users() {
        if (usersView == null) {
            usersView = new UsersView(services.lookupClient(), services.background());
            usersView.reload();
        }
        return usersView;
    }

    private WalletsView wallets() {
        if (walletsView == null) {
            walletsView = new WalletsView(services.lookupClient(), services.background());
            walletsView.reload();
        }
        return walletsView;
    }

    /**
     * Keyboard shortcuts: Ctrl+F searches, F5 reloads the lookup shown, Ctrl+Page Down / Ctrl+Page Up turn its
     * pages. The list is in the README.
     */
    private void shortcut(KeyEvent e) {
        com.sovera.console.lookup.PagedTable<?> shown = walletsView != null && walletsView.getScene() != null
                ? walletsView.table() : usersView != null && usersView.getScene() != null ? usersView.table() : null;
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            if (searchBox == null || searchBox.getScene() == null) {
                usersNav.fire();
            }
            search().focus();
        } else if (e.getCode() == KeyCode.F1) {
            help.showShortcuts();
        } else if (e.getCode() == KeyCode.F5 && shown != null) {
            shown.refresh();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_DOWN && shown != null) {
            shown.turnPage(1);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.PAGE_UP && shown != null) {
            shown.turnPage(-1);
        } else {
            return;
        }
        e.consume();
    }

    private Node lookup(Node view) {
        LookupContext bar = context();
        VBox box = new VBox(4, bar, search(), view);
        box.setPadding(new Insets(8, 0, 0, 12));
        VBox.setVgrow(view, Priority.ALWAYS);
        return box;
    }

    private final java.util.Map<String, ToggleButton> views = new java.util.LinkedHashMap<>();
    private String currentView = "nav-onboarding";

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

    private ToggleButton nav(String text, String id, String icon, ToggleGroup group,
                             java.util.function.Supplier<Node> view) {
        ToggleButton b = Icons.on(new ToggleButton(text), icon);
        views.put(id, b);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> {
            b.setSelected(true);
            currentView = id;
            setCenter(view.get());
        });
        return b;
    }

    private void tick() {
        Instant until = services.session().expiresProperty().get();
        if (until == null) {
            remaining.setText("");
            return;
        }
        Duration left = Duration.between(services.clock().instant(), until);
        remaining.setText(left.isNegative() ? "session expired"
                : String.format("session %d:%02d left", left.toMinutes(), left.toSecondsPart()));
    }

    private void signOut() {
        services.background().run(() -> {
            services.client().api().logout().execute();
            return true;
        }, ok -> clear(), failure -> clear());
    }

    private void clear() {
        services.client().credentials().clear();
        services.session().signedOut();
    }

    private boolean confirmProductionWrite() {
        if (!services.environment().isProductionLike()) {
            return true;
        }
        String host = java.net.URI.create(services.client().baseUrl()).getHost();
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Write to production?");
        dialog.setHeaderText("This creates real objects at " + host + ". Type the host name to confirm.");
        Optional<String> typed = dialog.showAndWait();
        return typed.isPresent() && typed.get().trim().equalsIgnoreCase(host);
    }

    private final Label notice = new Label();

    /** Start-up problems an operator must hear of: a settings file or journal that was corrupt and set aside. */
    private Node notices() {
        notice.setId("startup-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("resume-bar");
        notice.setMaxWidth(Double.MAX_VALUE);
        showNotice(services.settingsStore().problem());
        return notice;
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
        Optional<Progress> saved = services.journal().unfinished();
        showNotice(services.journal().problem());
        saved.filter(p -> services.environment().id().equals(p.environment)).ifPresent(p -> onboardingView.offerResume(p,
                () -> onboarding.resume(p), () -> services.journal().save(discarded(p))));
    }

    private static Progress discarded(Progress p) {
        p.finished = true;
        return p;
    }
}
