package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.policy.PolicyFile;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.KeyRing;
import com.sovera.console.settings.SettingsViewModel;
import com.sovera.console.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The application as it starts on a managed desk: the administrator's policy file read once at start (handed to
 * start-up the way the launcher does, from a file of the test's), over real sandboxes.
 */
class PolicyConsoleTest extends FxRobot {

    @TempDir
    static Path home;

    @BeforeAll
    static void isolateUserDirectories() {
        System.setProperty("sovx.home", home.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("sovx.home");
    }

    @AfterEach
    void forget() throws Exception {
        LogLevels.minimum(null);
        LogLevels.set("INFO");
        Files.deleteIfExists(home.resolve("config").resolve("settings.json"));
    }

    /** Starts the console under the policy in {@code file} and waits for its main window. */
    private Application start(Path file) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane())));
        Startup.begin(() -> PolicyFile.load(file));
        Application app = FxToolkit.setupApplication(ConsoleApp.class);
        ConsoleWindowFixture.waitUntil(30, () -> stage.getScene() != null
                && stage.getScene().getRoot() instanceof MainWindow);
        return app;
    }

    private static Path write(String name, String text) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void saveSettings(String json) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("settings.json"), json);
    }

    /** The desk's audit trail in the logs directory, all its files. */
    private static String trail() throws Exception {
        Path logs = home.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return "";
        }
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        }
    }

    private String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }

    private boolean disabled(String query) {
        return lookup(query).query().isDisabled();
    }

    private void openSettings() throws Exception {
        clickOn("#nav-settings");
        ConsoleWindowFixture.waitUntil(10, () -> lookup("#settings-environment").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Environment> environments() {
        return lookup("#settings-environment").queryAs(ComboBox.class);
    }

    @Test
    void onAManagedDeskTheConsoleOpensWhereTheAdministratorSaysAndSettingsCannotChangeWhatIsPinned()
            throws Exception {
        try (SandboxServer a = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SandboxServer b = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0))) {
            saveSettings("{\"environment\": \"embedded\", \"log_level\": \"TRACE\", \"idle_sign_out_minutes\": 0}");
            Path policy = write("desk-policy.json", "{\"environments\": [\"" + a.baseUrl() + "\", \"" + b.baseUrl()
                    + "\"], \"default_environment\": \"" + a.baseUrl() + "\", \"embedded_sandbox_enabled\": false,"
                    + " \"training_faults_enabled\": false, \"keychain_allowed\": false,"
                    + " \"minimum_log_level\": \"WARN\", \"idle_sign_out_minutes\": 10}");
            Application app = start(policy);

            assertThat(text("#environment-badge")).isEqualTo("PRODUCTION");
            assertThat(text("#environment-url")).startsWith(a.baseUrl());
            assertThat(home.resolve("data").resolve("sandbox")).as("the local sandbox was never started")
                    .doesNotExist();
            assertThat(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.sovera.console")).getLevel())
                    .as("TRACE saved, WARN the most detailed allowed").isEqualTo(Level.WARN);
            assertThat(lookup("#startup-notice").query().isVisible()).as("a policy applied is no problem").isFalse();

            clickOn("#nav-users");
            ConsoleWindowFixture.waitUntil(10, () -> lookup("#lookup-remember").tryQuery().isPresent());
            CheckBox remember = lookup("#lookup-remember").queryAs(CheckBox.class);
            assertThat(remember.getText()).isEqualTo("Keychain unavailable");
            assertThat(remember.isDisabled()).isTrue();
            assertThat(remember.getTooltip().getText()).isEqualTo(KeyRing.FORBIDDEN);

            openSettings();
            assertThat(environments().getItems()).extracting(Environment::baseUrl)
                    .containsExactly(a.baseUrl(), b.baseUrl());
            assertThat(text("#pinned-environments")).startsWith(SettingsViewModel.PINNED);
            assertThat(disabled("#settings-add")).isTrue();
            assertThat(disabled("#settings-custom-url")).isTrue();
            assertThat(disabled("#settings-idle-minutes")).isTrue();
            assertThat(lookup("#settings-idle-minutes").queryAs(Spinner.class).getValue()).isEqualTo(10);
            assertThat(text("#pinned-idle_sign_out_minutes")).startsWith(SettingsViewModel.PINNED);
            @SuppressWarnings("unchecked")
            ComboBox<String> levels = lookup("#settings-log-level").queryAs(ComboBox.class);
            assertThat(levels.getItems()).containsExactly("ERROR", "WARN");
            assertThat(lookup("#training").tryQuery()).as("no training faults anywhere").isEmpty();
            assertThat(text("#pinned-keychain_allowed")).contains("not allowed");
            assertThat(text("#pinned-embedded_sandbox_enabled")).contains("off");

            // the other environment the administrator offers applies at once
            interact(() -> environments().getItems().stream().filter(e -> e.baseUrl().equals(b.baseUrl()))
                    .findFirst().ifPresent(environments()::setValue));
            clickOn("#settings-save");
            ConsoleWindowFixture.waitUntil(20, () -> lookup("#environment-url").tryQuery()
                    .map(n -> ((Labeled) n).getText().startsWith(b.baseUrl())).orElse(false));
            Settings saved = new SettingsStore(home.resolve("config")).load();
            assertThat(saved.environment().baseUrl()).isEqualTo(b.baseUrl());
            assertThat(saved.customBaseUrls()).as("the administrator's URLs are not the operator's").isEmpty();
            assertThat(saved.logLevel()).isEqualTo("TRACE");
            assertThat(saved.idleSignOutMinutes()).isZero();
            // the switch is in the desk's trail (the logs directory: the policy names no audit directory)
            ConsoleWindowFixture.waitUntil(10, () -> trail().contains("\"action\":\"environment.switch\""));
            assertThat(trail()).contains("\"environment\":\"" + Environment.custom(b.baseUrl()).id()
                    + "\",\"base_url\":\"" + b.baseUrl() + "\",\"action\":\"environment.switch\",\"objects\":{\"from\":\""
                    + Environment.custom(a.baseUrl()).id() + "\"},\"outcome\":\"succeeded\"");
            FxToolkit.cleanupApplication(app);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> javafx.scene.control.TableView<T> table(String query) {
        return lookup(query).queryAs(javafx.scene.control.TableView.class);
    }

    private boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void onALookupsDeskTheWizardCreatesNothingAndSaysWhyWhileALookupStillWorks() throws Exception {
        Path policy = write("lookups-policy.json", "{\"writes_allowed\": false}");
        Application app = start(policy);
        assertThat(text("#environment-badge")).isEqualTo("LOCAL SANDBOX");

        // connectivity and sign-in (the demo account is filled in): no writes, so they work
        clickOn("#nav-onboarding");
        clickOn("#wizard-action");
        ConsoleWindowFixture.waitUntil(20, () -> showing("#login_email"));
        clickOn("#wizard-action");
        ConsoleWindowFixture.waitUntil(20, () -> showing("#customer_email"));
        clickOn("#customer_email").write("ops@lookups.example");
        javafx.scene.control.Button action = lookup("#wizard-action").queryButton();
        assertThat(action.isDisabled()).as("Create customer is not offered").isTrue();
        assertThat(showing("#wizard-lookups-only")).isTrue();
        assertThat(text("#wizard-lookups-only")).isEqualTo(com.sovera.console.policy.Policy.LOOKUPS_ONLY + ".");
        assertThat(action.getAccessibleHelp()).isEqualTo(com.sovera.console.policy.Policy.LOOKUPS_ONLY);

        // lookups: the demo customer's users, then the customer itself, whose key may not be minted nor rotated
        clickOn("#nav-users");
        ConsoleWindowFixture.waitUntil(20, () -> !table("#users-list-table").getItems().isEmpty());
        clickOn("#nav-customers");
        javafx.scene.control.TableView<com.sovera.console.api.model.Customer> customers =
                table("#customers-list-table");
        String demo = com.sovera.console.sandbox.DemoAccount.CUSTOMER_ID;
        ConsoleWindowFixture.waitUntil(20, () -> customers.getItems().stream()
                .anyMatch(c -> c.customerId().equals(demo)));
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals(demo)).findFirst().orElseThrow()));
        javafx.scene.control.TableView<com.sovera.console.api.model.OwnerKey> keys = table("#owner-keys-list-table");
        ConsoleWindowFixture.waitUntil(20, () -> !keys.getItems().isEmpty());
        interact(() -> keys.getSelectionModel().select(0));
        assertThat(disabled("#customer-look-up")).as("looking it up is offered").isFalse();
        assertThat(disabled("#customer-mint-key")).isTrue();
        assertThat(showing("#customer-lookups-only")).isTrue();
        assertThat(disabled("#owner-key-rotate")).isTrue();
        assertThat(disabled("#owner-key-revoke")).isTrue();
        assertThat(showing("#owner-keys-lookups-only")).isTrue();

        openSettings();
        assertThat(text("#pinned-writes_allowed")).startsWith(SettingsViewModel.PINNED).contains("lookups only");
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aPolicyFileThatCannotBeUsedFailsClosedAndTheOperatorIsTold() throws Exception {
        saveSettings("{\"environment\": \"sovera-sandbox\"}");
        Path policy = write("broken-policy.json", "{ \"keychain_alowed\": false, \"idle_sign_out_minutes\": \"15\" }");
        Application app = start(policy);

        assertThat(text("#environment-badge")).as("the most restrictive reading: the local sandbox only")
                .isEqualTo("LOCAL SANDBOX");
        Node notice = lookup("#startup-notice").query();
        assertThat(notice.isVisible()).isTrue();
        assertThat(text("#startup-notice")).contains("policy file " + policy + " could not be used")
                .contains("'keychain_alowed' is not a policy this console knows")
                .contains("Ask your administrator");

        openSettings();
        assertThat(environments().getItems()).containsExactly(Environment.EMBEDDED_SANDBOX);
        assertThat(disabled("#settings-environment")).isTrue();
        assertThat(disabled("#settings-add")).isTrue();
        assertThat(lookup("#settings-idle-minutes").queryAs(Spinner.class).getValue()).isEqualTo(15);
        assertThat(lookup("#training").tryQuery()).as("not even on the local sandbox").isEmpty();
        FxToolkit.cleanupApplication(app);
    }
}
