package com.sovera.console;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.platform.Keychain;
import com.sovera.console.policy.Policy;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.ActivityLog;
import com.sovera.console.shell.MainWindow;
import com.sovera.console.shell.Services;
import com.sovera.console.ui.task.FxScheduler;
import com.sovera.console.ui.task.FxTaskRunner;
import com.sovera.console.ui.task.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

/** The real console window over a real sandbox, as start-up builds it, with its user directories in a temp dir. */
final class ConsoleHarness implements AutoCloseable {

    final SandboxServer sandbox;
    final AppDirs dirs;
    final SovxClient client;
    /** The desk's trail, in the logs directory under the test's home, as start-up makes it. */
    final ConsoleAudit audit;
    final SovxClient lookups;
    final ActivityLog activity = new ActivityLog();
    final FxTaskRunner runner = new FxTaskRunner();
    MainWindow window;
    Environment environment = Environment.EMBEDDED_SANDBOX;
    /** What the window runs with; a test may change these before {@link #open()}. */
    Settings settings = Settings.DEFAULTS;
    Policy policy = Policy.NONE;
    Scheduler scheduler = new FxScheduler();
    Clock clock = Clock.systemUTC();
    /** What applies another environment chosen in Settings; none: Settings only saves it. */
    com.sovera.console.shell.EnvironmentSwitch switcher;
    double width = 1100;
    double height = 800;

    ConsoleHarness(SandboxServer sandbox, Path home, RetryPolicy retry) {
        this(sandbox, home, sandbox.baseUrl(), b -> b.retryPolicy(retry));
    }

    /** A console that reaches the sandbox at {@code baseUrl} (through a faulty line, say), its client tuned. */
    ConsoleHarness(SandboxServer sandbox, Path home, String baseUrl, UnaryOperator<SovxClient.Builder> tune) {
        this.sandbox = sandbox;
        this.dirs = AppDirs.under(home);
        this.audit = new ConsoleAudit(AuditTrail.forThisDesk(dirs.logs()), Environment.EMBEDDED_SANDBOX.id(), baseUrl);
        this.client = tune.apply(SovxClient.builder(baseUrl).activity(activity).audit(audit.interceptor())).build();
        this.lookups = client.derive();
    }

    /** Opens (or re-opens, as after a restart) the main window in the test's stage. */
    ConsoleHarness open() throws Exception {
        DemoAccount demo = sandbox.demo();
        boolean embedded = environment.kind() == Environment.Kind.EMBEDDED;
        Services services = new Services(client, lookups, environment, settings,
                new SettingsStore(dirs.config()), new Journal(dirs.data()), activity, runner, scheduler,
                clock, embedded ? new Services.Demo(demo.email(), demo.password(), demo.customerId(),
                demo.ownerKey()) : null, new EmbeddedTraining(sandbox.training()), Keychain::probe, switcher, policy, audit);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new MainWindow(services);
            s.setScene(new Scene(window, width, height));
            s.setX(0); // all of it on the headless screen, whatever size an earlier test left
            s.setY(0);
            s.sizeToScene();
            s.show();
        });
        return this;
    }

    @Override
    public void close() throws Exception {
        java.util.List<java.util.concurrent.CompletableFuture<Void>> written = new java.util.ArrayList<>();
        FxToolkit.setupStage(s -> {
            if (window != null) {
                written.add(window.stop());
            }
        });
        for (java.util.concurrent.CompletableFuture<Void> w : written) {
            w.get(30, java.util.concurrent.TimeUnit.SECONDS); // the journal on disk before the test's folder goes
        }
        client.close();
        runner.close();
        sandbox.close();
    }
}
