package com.sovera.console;

import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.AuditUnavailableException;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.session.ActivityLog;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.WireLog;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.platform.OsTheme;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.config.AdministeredSettings;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.policy.LoadedPolicy;
import com.sovera.console.policy.Policy;
import com.sovera.console.policy.PolicyFile;
import com.sovera.console.shell.WindowState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the first window needs, prepared off the FX thread and begun by the launcher before the JavaFX toolkit,
 * so that reading the settings, opening the sandbox's database and loading the client's classes run while the
 * toolkit starts instead of after it.
 */
final class Startup {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Startup.class);

    /**
     * The operator's choices under the administrator's policy, known before the first window is drawn.
     *
     * @param settings the settings in force: the saved ones ({@code store.saved()}) under the policy
     */
    record Choices(AppDirs dirs, SettingsStore store, LoadedPolicy policy, Settings settings,
                   Optional<WindowState> window, boolean osPrefersDark) {
    }

    /**
     * The server side: the embedded sandbox (when that is the environment) and the two clients, which share their
     * connections and the account session.
     */
    record Connection(SandboxServer sandbox, SovxClient client, SovxClient lookups, ActivityLog activity,
                      ConsoleAudit audit) {
    }

    private static CompletableFuture<Choices> choices;
    private static CompletableFuture<Connection> connection;
    /** Completed by the application at its first frame: the sandbox's database opens after it. */
    private static CompletableFuture<Void> firstFrame;

    private Startup() {
    }

    /** Starts both halves on their own threads; the second waits for the settings only. */
    static void begin() {
        begin(PolicyFile::load);
    }

    /**
     * As {@link #begin()}, with the administrator's policy from {@code policy} (read on the start-up thread): the
     * system file for the console, another one for a test.
     */
    static synchronized void begin(Supplier<LoadedPolicy> policy) {
        if (choices != null) {
            return;
        }
        Executor threads = task -> {
            Thread t = new Thread(task, "console-startup");
            t.setDaemon(true);
            t.start();
        };
        firstFrame = new CompletableFuture<>();
        CompletableFuture<Void> frame = firstFrame;
        choices = CompletableFuture.supplyAsync(() -> readChoices(policy), threads);
        connection = choices.thenApplyAsync(c -> connect(c, frame), threads);
        CompletableFuture.runAsync(Startup::warmUp, threads);
    }

    /** Both halves, begun earlier or now, handed to one application start (a later start begins afresh). */
    record Begun(CompletableFuture<Choices> choices, CompletableFuture<Connection> connection,
                 CompletableFuture<Void> firstFrame) {
    }

    static synchronized Begun take() {
        begin();
        Begun begun = new Begun(choices, connection, firstFrame);
        choices = null;
        connection = null;
        firstFrame = null;
        return begun;
    }

    private static Choices readChoices(Supplier<LoadedPolicy> policySource) {
        // logback reads its configuration first, here rather than on the FX thread (and before anyone sets a level)
        org.slf4j.LoggerFactory.getILoggerFactory();
        LoadedPolicy policy = policySource.get(); // once: a file changed later applies at the next start
        AppDirs dirs = AppDirs.forCurrentUser();
        SettingsStore store = new SettingsStore(dirs.config());
        Settings settings = AdministeredSettings.effective(store.load(), policy.policy());
        boolean dark = settings.theme().equals("system") && OsTheme.prefersDark();
        return new Choices(dirs, store, policy, settings, WindowState.load(dirs.config()), dark);
    }

    /** Connects to the environment the settings choose; the sandbox's database opens once {@code firstFrame} is done. */
    static Connection connect(Choices choices, CompletableFuture<Void> firstFrame) {
        return connect(choices.dirs(), choices.settings(), choices.policy().policy(), firstFrame);
    }

    /**
     * Connects to the environment of these settings (in force: already under the policy); the embedded sandbox is
     * started only there, and never where the policy turned it off.
     */
    static Connection connect(AppDirs dirs, Settings settings, Policy policy, CompletableFuture<Void> firstFrame) {
        Environment environment = settings.environment();
        ActivityLog activity = new ActivityLog();
        SandboxServer sandbox = null;
        String baseUrl = environment.baseUrl();
        if (environment.kind() == Environment.Kind.EMBEDDED && !policy.embeddedSandboxEnabled().orElse(true)) {
            throw new IllegalStateException("your administrator has turned the local sandbox off");
        }
        if (environment.kind() == Environment.Kind.EMBEDDED) {
            // listening at once; the database opens once the window is up (a first request waits for it)
            sandbox = SandboxServer.open(embeddedSandbox(dirs, settings),
                    firstFrame.completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS));
            baseUrl = sandbox.baseUrl();
        }
        try {
            ConsoleAudit audit = new ConsoleAudit(AuditTrail.forThisDesk(policy.auditDirectory()
                    .orElse(dirs.logs())), environment.id(), baseUrl);
            logHead(audit.trail());
            SovxClient client = client(baseUrl, settings, activity, audit, policy);
            return new Connection(sandbox, client, client.derive(), activity, audit);
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
    }

    /** The embedded sandbox as the operator set it up: its database in the data directory, their block time. */
    static SandboxConfig embeddedSandbox(AppDirs dirs, Settings settings) {
        return SandboxConfig.stored(dirs.data().resolve("sandbox"))
                .withBlockPeriod(Duration.ofSeconds(settings.sandboxBlockSeconds()));
    }

    /**
     * The head of the chain in the log at every start, so that cutting the end off the trail shows against it; a
     * trail that cannot be read is said there too (the console then makes no write, and says so at the first).
     */
    private static void logHead(AuditTrail trail) {
        try {
            LOG.info("Audit trail {}: {}", trail.currentFile(), trail.head().shortForm());
        } catch (AuditUnavailableException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private static SovxClient client(String baseUrl, Settings settings, ActivityLog activity, ConsoleAudit audit,
                                     Policy policy) {
        SovxClient.Builder builder = SovxClient.builder(baseUrl).activity(activity).audit(audit.interceptor())
                .wireLog(WireLog.forLevel(settings.logLevel()))
                .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()))
                .readTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()));
        if (!policy.mayWrite()) {
            builder.refuseWrites(Policy.LOOKUPS_ONLY); // beneath the screens, which offer no write there
        }
        return builder.build();
    }

    /** Loads, on a spare core, the classes the main window is built from, so the FX thread finds them ready. */
    private static void warmUp() {
        for (String name : new String[] {"com.sovera.console.shell.MainWindow",
                "com.sovera.console.onboarding.OnboardingView", "com.sovera.console.onboarding.OnboardingModel",
                "com.sovera.console.help.HelpMenu", "org.kordamp.ikonli.feather.Feather",
                "org.kordamp.ikonli.javafx.FontIcon", "atlantafx.base.theme.PrimerLight",
                "org.controlsfx.control.Notifications", "javafx.scene.control.TableView",
                "javafx.scene.control.ComboBox"}) {
            try {
                Class.forName(name, false, Startup.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the FX thread loads what is missing
            }
        }
    }
}
