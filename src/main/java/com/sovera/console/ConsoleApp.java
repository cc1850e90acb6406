package com.sovera.console;

import com.sovera.console.audit.AuditUnavailableException;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.config.AdministeredSettings;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.platform.Keychain;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.policy.LoadedPolicy;
import com.sovera.console.policy.Policy;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.settings.SettingsView;
import com.sovera.console.settings.SettingsViewModel;
import com.sovera.console.shell.MainWindow;
import com.sovera.console.shell.Services;
import com.sovera.console.shell.WindowKeeper;
import com.sovera.console.shell.WindowState;
import com.sovera.console.ui.AppIcon;
import com.sovera.console.ui.Theme;
import com.sovera.console.ui.task.FxScheduler;
import com.sovera.console.ui.task.FxTaskRunner;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: the main window once the connection (and the embedded sandbox, when that is the environment) is
 * ready; another environment chosen in Settings replaces it at once with one built around new clients; a start
 * that cannot connect shows a start window that offers Settings, so a bad saved environment never traps anyone.
 * The administrator's policy, read once by {@link Startup}, holds throughout: where the console opens, where it may
 * switch to, what Settings may change, and a policy file that could not be used is reported under the header.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private final FxTaskRunner runner = new FxTaskRunner();
    private final FxScheduler scheduler = new FxScheduler();
    private Startup.Connection connection;
    private MainWindow main;
    private Stage stage;
    private WindowKeeper window;
    private Scene scene;
    private AppDirs dirs;
    private SettingsStore store;
    private LoadedPolicy policy;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        // begun by the launcher while the toolkit started: by now the settings are read
        Startup.Begun begun = Startup.take();
        Startup.Choices choices = begun.choices().join();
        this.dirs = choices.dirs();
        this.store = choices.store();
        this.policy = choices.policy();
        Settings settings = choices.settings();
        Theme.osPrefersDark(choices.osPrefersDark()); // the main window applies the theme
        AppIcon.addTo(stage);
        LogLevels.minimum(policy.policy().minimumLogLevel().orElse(null));
        LogLevels.set(settings.logLevel());
        stage.setTitle("SovX Console — " + settings.environment().name());
        window = new WindowKeeper(stage, choices.window());
        // closing the window ends the session: what would be lost (a key shown once, a bulk import) asks first
        stage.setOnCloseRequest(e -> {
            if (main != null && !main.mayClose()) {
                e.consume();
            }
        });
        // no placeholder: the connection is ready as soon as the toolkit (the sandbox opens its database later)
        runner.run(() -> begun.connection().join(), ready -> {
            show(ready, settings);
            stage.show();
            reportReady(begun);
            choices.window().map(WindowState::view).ifPresent(main::showView);
            if (store.problem() != null) {
                LOG.warn("{}", store.problem());
            }
        }, failure -> {
            startWindow(failure, settings);
            stage.show();
            begun.firstFrame().complete(null);
        });
    }

    /** The main window for one environment's connection, in place of whatever the stage shows. */
    private void show(Startup.Connection ready, Settings settings) {
        connection = ready;
        SandboxServer sandbox = ready.sandbox();
        DemoAccount demo = sandbox == null ? null : sandbox.demo();
        Environment environment = settings.environment();
        Policy rules = policy.policy();
        boolean training = sandbox != null && rules.trainingFaultsEnabled().orElse(true);
        main = new MainWindow(new Services(ready.client(), ready.lookups(), environment, settings, store,
                new Journal(dirs.data(), environment.id()), ready.activity(), runner, scheduler, Clock.systemUTC(),
                demo == null ? null : new Services.Demo(demo.email(), demo.password(), demo.customerId(),
                        demo.ownerKey()),
                training ? new EmbeddedTraining(sandbox.training()) : null, Keychain::probe, this::switchTo, rules,
                ready.audit()));
        policy.operatorMessage().ifPresent(main::showNotice);
        setRoot(main);
        stage.setTitle("SovX Console — " + environment.name());
        if (sandbox != null) {
            // the database opens behind the window: say so if it cannot
            MainWindow shown = main;
            sandbox.ready().whenComplete((ok, failure) -> {
                if (failure != null) {
                    Platform.runLater(() -> shown.showNotice(failure.getCause() == null ? failure.getMessage()
                            : failure.getCause().getMessage()));
                }
            });
        }
    }

    /**
     * Applies another environment (or timeouts) without a restart: the session ends on the old server, calls out
     * are cancelled with its clients, and a main window built around new clients takes its place. An unfinished
     * onboarding stays in its own environment's journal.
     */
    private void switchTo(Settings chosen) {
        Settings settings = AdministeredSettings.chosen(chosen, policy.policy()); // only where the policy allows
        LOG.info("Switching to {}", settings.environment().name());
        // the journal's last writes finish off the FX thread; the next window (maybe this environment's again)
        // reads the journal only after them
        String operator = main == null ? null : main.session().state().accountProperty().get();
        String from = connection == null ? null : connection.audit().environment();
        CompletableFuture<Void> journalWritten = main == null ? CompletableFuture.completedFuture(null) : main.stop();
        main = null;
        Startup.Connection old = connection;
        connection = null;
        Label connecting = new Label("Connecting to " + settings.environment().name() + "...");
        connecting.setId("connecting");
        VBox box = new VBox(12, connecting);
        box.setPadding(new Insets(24));
        setRoot(box);
        runner.run(() -> {
            journalWritten.get();
            if (old != null) {
                recordSignOut(old, operator);
                signOutAndClose(old); // first: the embedded sandbox's database is free again for the new one
            }
            Startup.Connection ready = Startup.connect(dirs, settings, policy.policy(),
                    CompletableFuture.completedFuture(null));
            recordSwitch(ready, operator, from);
            return ready;
        }, ready -> show(ready, settings), failure -> startWindow(failure, settings));
    }

    /** The session an environment switch ends, in the old environment's trail (off the FX thread). */
    private static void recordSignOut(Startup.Connection old, String operator) {
        if (operator != null) {
            try {
                old.audit().signedOut(operator, ConsoleAudit.SignOut.ENVIRONMENT_SWITCH);
            } catch (AuditUnavailableException e) {
                LOG.error("audit: the sign-out of {} could not be recorded: {}", operator, e.getMessage());
            }
        }
    }

    /** The switch, in the new environment's trail (off the FX thread); a start window has no environment before. */
    private static void recordSwitch(Startup.Connection ready, String operator, String from) {
        if (from != null) {
            try {
                ready.audit().switchedFrom(operator, from);
            } catch (AuditUnavailableException e) {
                LOG.error("audit: the switch from {} could not be recorded: {}", from, e.getMessage());
            }
        }
    }

    /** Ends the session where it was (waiting a moment at most), then closes the clients and the sandbox. */
    private static void signOutAndClose(Startup.Connection old) {
        if (old.client().credentials().session().isPresent()) {
            try {
                CompletableFuture.runAsync(() -> old.client().api().logout().execute()).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.info("Signing out of the previous environment did not finish: {}", e.toString());
            }
        }
        close(old); // cancels whatever is still out, the sign-out included
    }

    /** Start-up could not connect: say why, and offer Settings to choose another environment the policy allows. */
    private void startWindow(Throwable failure, Settings settings) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LOG.warn("Cannot start on {}: {}", settings.environment().name(), cause.getMessage());
        Theme.apply(settings.theme());
        boolean localSandbox = AdministeredSettings.environments(store.saved(), policy.policy())
                .contains(Environment.EMBEDDED_SANDBOX);
        setRoot(new StartWindow("Cannot start on " + settings.environment().name() + ": " + cause.getMessage(),
                policy.operatorMessage(), localSandbox, () -> new SettingsView(new SettingsViewModel(store, settings,
                policy.policy(), this::switchTo, null, runner))));
    }

    private void setRoot(Parent root) {
        if (scene == null) {
            scene = new Scene(root, 1100, 760);
            stage.setScene(scene);
        } else {
            scene.setRoot(root); // one scene for the console's life: a switch keeps the window where it is
        }
    }

    /** Logs, at the first frame that shows the main window, how long the start took (the benchmark reads it). */
    private static void reportReady(Startup.Begun begun) {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                begun.firstFrame().complete(null); // now the sandbox may open its database
                LOG.info("SovX Console ready in {} ms", java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getUptime());
                if (Boolean.getBoolean("sovx.exitWhenReady")) {
                    // a start-up measurement or a class-data-sharing training run: stop here, normally
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * The window closed with an operator signed in: the session ends with it, and the trail says so. The console is
     * stopping: the entry is written on a worker and waited for a moment at most.
     */
    private static void recordClosed(Startup.Connection c, String operator) {
        if (c == null || operator == null) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    c.audit().signedOut(operator, ConsoleAudit.SignOut.WINDOW_CLOSED);
                } catch (AuditUnavailableException e) {
                    throw new CompletionException(e);
                }
            }).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("audit: the sign-out of {} at close could not be recorded: {}", operator, e.getMessage());
        }
    }

    private static void close(Startup.Connection c) {
        c.client().close(); // the lookups' client shares its connections: closed with it
        if (c.sandbox() != null) {
            c.sandbox().close();
        }
    }

    @Override
    public void stop() {
        if (main != null) {
            String operator = main.session().state().accountProperty().get();
            main.stop();
            recordClosed(connection, operator);
            try {
                window.state(main.currentView()).save(dirs.config());
            } catch (java.io.IOException e) {
                LOG.warn("Could not remember the window: {}", e.getMessage());
            }
        }
        if (connection != null) {
            close(connection);
        }
        runner.close();
        LOG.info("SovX Console closed");
    }
}
