package com.sovera.console;

import com.sovera.console.activity.ActivityLog;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.WireLog;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.platform.OsTheme;
import com.sovera.console.ui.AppIcon;
import com.sovera.console.ui.Theme;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.settings.Environment;
import com.sovera.console.settings.Settings;
import com.sovera.console.settings.SettingsStore;
import com.sovera.console.shell.MainWindow;
import com.sovera.console.shell.Services;
import com.sovera.console.shell.WindowState;
import com.sovera.console.ui.Background;
import com.sovera.console.ui.SessionState;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: shows the window at once, starts the embedded sandbox (when that is the environment) and the
 * client in the background, then puts the main window in place.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private final Background background = new Background();
    private volatile SandboxServer sandbox;
    private volatile SovxClient client;
    private volatile SovxClient lookupClient;
    private MainWindow main;
    private Stage stage;
    private AppDirs dirs;

    /** Asked while the toolkit starts, so the first window already has the operator's light or dark. */
    private final java.util.concurrent.CompletableFuture<Boolean> osDark =
            java.util.concurrent.CompletableFuture.supplyAsync(OsTheme::prefersDark);

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        this.dirs = AppDirs.forCurrentUser();
        java.util.Optional<WindowState> window = WindowState.load(dirs.config());
        SettingsStore store = new SettingsStore(dirs.config());
        Settings settings = store.load();
        if (settings.theme().equals("system")) {
            Theme.osPrefersDark(osDark.completeOnTimeout(false, 300, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join());
        }
        Theme.apply(settings.theme());
        AppIcon.addTo(stage);
        LogLevels.set(settings.logLevel());
        Environment environment = settings.environment();
        Label starting = new Label(environment.kind() == Environment.Kind.EMBEDDED
                ? "Starting the local sandbox..." : "Connecting to " + environment.name() + "...");
        starting.setId("status");
        VBox placeholder = new VBox(12, new Label("SovX Console"), starting);
        placeholder.setPadding(new Insets(24));
        stage.setTitle("SovX Console — " + environment.name());
        stage.setScene(new Scene(placeholder, 1100, 760));
        window.ifPresent(w -> w.applyTo(stage));
        stage.show();

        ActivityLog activity = new ActivityLog();
        background.run(() -> {
            String baseUrl = environment.baseUrl();
            if (environment.kind() == Environment.Kind.EMBEDDED) {
                sandbox = SandboxServer.start(SandboxConfig.stored(dirs.data().resolve("sandbox")));
                baseUrl = sandbox.baseUrl();
            }
            client = client(baseUrl, settings, activity);
            lookupClient = client(baseUrl, settings, activity);
            return client;
        }, ready -> {
            DemoAccount demo = sandbox == null ? null : sandbox.demo();
            main = new MainWindow(new Services(ready, lookupClient, environment, settings, store,
                    new Journal(dirs.data()), activity, background, new SessionState(),
                    demo == null ? null : demo.email(), demo == null ? null : demo.password(),
                    demo == null ? null : demo.customerId(), demo == null ? null : demo.ownerKey(),
                    Clock.systemUTC(), sandbox == null ? null : new EmbeddedTraining(sandbox.training())));
            stage.getScene().setRoot(main);
            window.map(WindowState::view).ifPresent(main::showView);
            if (store.problem() != null) {
                LOG.warn("{}", store.problem());
            }
        }, failure -> starting.setText("Cannot start: " + failure.getMessage()
                + (environment.kind() == Environment.Kind.EMBEDDED ? "" : " Check the environment in Settings.")));
    }

    private static SovxClient client(String baseUrl, Settings settings, ActivityLog activity) {
        return SovxClient.builder(baseUrl).activity(activity).wireLog(WireLog.forLevel(settings.logLevel()))
                .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()))
                .readTimeout(Duration.ofSeconds(settings.readTimeoutSeconds())).build();
    }

    @Override
    public void stop() {
        if (main != null) {
            main.stop();
            try {
                WindowState.of(stage, main.currentView()).save(dirs.config());
            } catch (java.io.IOException e) {
                LOG.warn("Could not remember the window: {}", e.getMessage());
            }
        }
        if (client != null) {
            client.close();
        }
        if (lookupClient != null) {
            lookupClient.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        background.close();
        LOG.info("SovX Console closed");
    }
}
