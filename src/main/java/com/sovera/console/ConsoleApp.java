package com.sovera.console;

import com.sovera.console.onboarding.Journal;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.ui.AppIcon;
import com.sovera.console.ui.Theme;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.shell.MainWindow;
import com.sovera.console.shell.Services;
import com.sovera.console.shell.WindowState;
import com.sovera.console.ui.Background;
import com.sovera.console.session.SessionState;
import java.time.Clock;
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
    private Startup.Connection connection;
    private MainWindow main;
    private Stage stage;
    private AppDirs dirs;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        // begun by the launcher while the toolkit started: by now the settings are read
        Startup.Begun begun = Startup.take();
        Startup.Choices choices = begun.choices().join();
        this.dirs = choices.dirs();
        Settings settings = choices.settings();
        Theme.osPrefersDark(choices.osPrefersDark()); // the main window applies the theme
        AppIcon.addTo(stage);
        LogLevels.set(settings.logLevel());
        Environment environment = settings.environment();
        stage.setTitle("SovX Console — " + environment.name());
        // no placeholder: the connection is ready as soon as the toolkit (the sandbox opens its database later)
        background.run(() -> begun.connection().join(), ready -> {
            connection = ready;
            SandboxServer sandbox = ready.sandbox();
            DemoAccount demo = sandbox == null ? null : sandbox.demo();
            main = new MainWindow(new Services(ready.client(), ready.lookupClient(), environment, settings,
                    choices.store(), new Journal(dirs.data()), ready.activity(), background, new SessionState(),
                    demo == null ? null : demo.email(), demo == null ? null : demo.password(),
                    demo == null ? null : demo.customerId(), demo == null ? null : demo.ownerKey(),
                    Clock.systemUTC(), sandbox == null ? null : new EmbeddedTraining(sandbox.training())));
            stage.setScene(new Scene(main, 1100, 760));
            choices.window().ifPresent(w -> w.applyTo(stage));
            stage.show();
            reportReady(begun);
            choices.window().map(WindowState::view).ifPresent(main::showView);
            if (choices.store().problem() != null) {
                LOG.warn("{}", choices.store().problem());
            }
            if (sandbox != null) {
                // the database opens behind the window: say so if it cannot
                sandbox.ready().whenComplete((ok, failure) -> {
                    if (failure != null) {
                        javafx.application.Platform.runLater(() -> main.showNotice(failure.getCause() == null
                                ? failure.getMessage() : failure.getCause().getMessage()));
                    }
                });
            }
        }, failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            Label reason = new Label("Cannot start: " + cause.getMessage()
                    + (environment.kind() == Environment.Kind.EMBEDDED ? "" : " Check the environment in Settings."));
            reason.setId("status");
            reason.setWrapText(true);
            Theme.apply(settings.theme());
            VBox box = new VBox(12, new Label("SovX Console"), reason);
            box.setPadding(new Insets(24));
            stage.setScene(new Scene(box, 1100, 760));
            stage.show();
        });
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
                    javafx.application.Platform.exit();
                }
            }
        }.start();
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
        if (connection != null) {
            connection.client().close();
            connection.lookupClient().close();
            if (connection.sandbox() != null) {
                connection.sandbox().close();
            }
        }
        background.close();
        LOG.info("SovX Console closed");
    }
}
