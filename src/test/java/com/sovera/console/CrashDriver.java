package com.sovera.console;

import com.sovera.console.session.ActivityLog;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.WireLog;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.shell.MainWindow;
import com.sovera.console.shell.Services;
import com.sovera.console.ui.task.FxScheduler;
import com.sovera.console.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console in a process of its own, for crash tests: opens the real window over {@code HOME} against
 * {@code BASE_URL}, resumes what the journal holds, and drives the wizard to a verified address, printing
 * {@code DONE <address>}. The test kills it (SIGKILL) wherever it likes.
 */
public final class CrashDriver extends FxRobot {

    private MainWindow window;

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 3 && args[3].equals("verbose");
        new CrashDriver().run(Path.of(args[0]), args[1], args[2], verbose);
        System.exit(0);
    }

    private void run(Path home, String baseUrl, String id, boolean verbose) throws Exception {
        AppDirs dirs = AppDirs.under(home);
        ActivityLog activity = new ActivityLog();
        // "verbose": the most verbose log level, as Settings sets it (TRACE, with the wire log at BODY)
        String level = verbose ? "TRACE" : Settings.DEFAULTS.logLevel();
        LogLevels.set(level);
        com.sovera.console.audit.ConsoleAudit audit = new com.sovera.console.audit.ConsoleAudit(
                com.sovera.console.audit.AuditTrail.forThisDesk(dirs.logs()), Environment.EMBEDDED_SANDBOX.id(), baseUrl);
        SovxClient client = SovxClient.builder(baseUrl).activity(activity).audit(audit.interceptor())
                .wireLog(WireLog.forLevel(level)).build();
        Services services = new Services(client, client.derive(), Environment.EMBEDDED_SANDBOX, Settings.DEFAULTS,
                new SettingsStore(dirs.config()), new Journal(dirs.data()), activity, new FxTaskRunner(),
                new FxScheduler(), Clock.systemUTC(), new Services.Demo(DemoAccount.EMAIL, DemoAccount.PASSWORD, null,
                null), null, com.sovera.console.platform.Keychain::probe, null,
                com.sovera.console.policy.Policy.NONE, audit);
        // what the window will offer: it reads the journal off the FX thread, so the offer comes a moment later
        boolean unfinished = new Journal(dirs.data()).unfinished().filter(p -> p.hasAnything()).isPresent();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(services);
            stage.setScene(new Scene(window, 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (unfinished) {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> lookup("#resume").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> lookup("#resume").queryButton().fire());
            System.out.println("RESUMED");
        }
        OnboardingViewModel model = window.onboarding();
        while (true) {
            Step step = model.stepProperty().get();
            switch (step) {
                case CUSTOMER -> {
                    fill("#customer_email", "ops@" + id + ".example");
                    fill("#customer_id", id);
                    fill("#entity_name", "Crash Test Ltd");
                }
                case CREDENTIALS -> {
                    if (model.secret.get() == null) {
                        act();
                        waitUntil(() -> model.secret.get() != null);
                    }
                    String secret = model.secret.get();
                    fill("#secret-confirm", secret.substring(secret.length() - 4));
                    waitUntil(() -> !lookup("#wizard-action").queryButton().isDisabled());
                }
                case USER -> {
                    fill("#email", "user@" + id + ".example");
                    fill("#first_name", "Ada");
                    fill("#last_name", "Lovelace");
                    fill("#phone", "+442071234567");
                    fill("#date_of_birth", "1985-12-10");
                    interact(() -> model.input(Field.COUNTRY).set("GB"));
                }
                case WALLET -> fill("#name", "Crash BTC");
                case ADDRESS -> {
                    act();
                    waitUntil(() -> lookup("#address-qr").tryQuery()
                            .map(n -> ((ImageView) n).getImage() != null).orElse(false));
                    System.out.println("DONE " + model.depositProperty().get().address().address());
                    if (verbose) {
                        lookUp(home);
                    }
                    return;
                }
                default -> { }
            }
            act();
            waitUntil(() -> model.stepProperty().get() != step);
        }
    }

    /** A support lookup after the onboarding: the new customer's users (exported) and wallets. */
    @SuppressWarnings("unchecked")
    private void lookUp(Path home) throws Exception {
        interact(() -> lookup("#nav-users").queryAs(javafx.scene.control.ToggleButton.class).fire());
        waitUntil(() -> lookup("#lookup-use-onboarding").tryQuery().isPresent());
        interact(() -> lookup("#lookup-use-onboarding").queryButton().fire());
        waitUntil(() -> lookup("#users-list-table").queryAs(javafx.scene.control.TableView.class).getItems()
                .size() == 1);
        var table = (com.sovera.console.lookup.PagedTable<?>) lookup("#users-list").query();
        Path file = home.resolve("exports").resolve("users.csv");
        java.nio.file.Files.createDirectories(file.getParent());
        interact(() -> table.export().start(file));
        waitUntil(() -> lookup("#users-list-export-message").queryAs(javafx.scene.control.Labeled.class).getText()
                .startsWith("Exported"));
        interact(() -> lookup("#nav-wallets").queryAs(javafx.scene.control.ToggleButton.class).fire());
        waitUntil(() -> lookup("#wallets-list-table").tryQuery().map(t -> ((javafx.scene.control.TableView<?>) t)
                .getItems().size() == 1).orElse(false));
        System.out.println("LOOKED UP");
    }

    /** Types into a field that is empty (a resumed step comes back filled). */
    private void fill(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        TextField field = lookup(id).queryAs(TextField.class);
        if (field.getText().isEmpty()) {
            interact(() -> field.setText(value)); // what is typed is not under test here; the crash is
        }
    }

    private void act() {
        interact(() -> lookup("#wizard-action").queryButton().fire());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
