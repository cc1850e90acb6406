package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The frame around the wizard: environment header, Activity and Settings. */
class ShellTest extends ConsoleWindowFixture {

    private boolean dialogShowing() {
        return lookup(".dialog-pane").match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).tryQuery().isPresent();
    }

    @Test
    void activityListsEveryCallWithItsTraceIdAndExportsWithoutSecrets() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.CUSTOMER);
        clickOn("#nav-activity");
        waitUntil(() -> lookup("#activity-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CallRecord> table = lookup("#activity-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(CallRecord::path).containsExactly("/sovx/v1/health",
                "/sovx/v1/auth/login");
        assertThat(table.getItems()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.traceId()).isNotBlank();
        });
        Path export = home.resolve("activity.csv");
        interact(() -> console.window.activity().exportTo(export));
        waitUntil(() -> text("#activity-message").startsWith("Exported"));
        String csv = Files.readString(export);
        assertThat(csv).startsWith("time,method,path,status,latency_ms,trace_id,failure")
                .contains("/sovx/v1/auth/login").contains(table.getItems().get(0).traceId())
                .doesNotContain(DemoAccount.PASSWORD).doesNotContain("sxs_");
        assertThat(text("#activity-message")).startsWith("Exported 2 calls");
    }

    @Test
    void settingsApplyTheBaseUrlPolicyAndSurviveARestart() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        clickOn("#nav-settings");
        waitUntil(() -> lookup("#settings-custom-url").tryQuery().isPresent());
        clickOn("#settings-custom-url").write("http://sovx.example.com/sovx/v1");
        clickOn("#settings-add");
        assertThat(text("#settings-message")).contains("http:// is refused");
        interact(() -> ((javafx.scene.control.TextField) lookup("#settings-custom-url").query()).clear());
        clickOn("#settings-custom-url").write("https://sovx.example.com/sovx/v1");
        clickOn("#settings-add");
        assertThat(text("#settings-message")).contains("treated as production");
        interact(() -> {
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<Environment>) lookup("#settings-environment").query();
            box.getItems().stream().filter(e -> e.kind() == Environment.Kind.CUSTOM).findFirst()
                    .ifPresent(box::setValue);
        });
        clickOn("#settings-save");
        waitUntil(() -> text("#settings-message").startsWith("Saved")); // written off the FX thread
        Settings reloaded = new SettingsStore(console.dirs.config()).load();
        assertThat(reloaded.environment()).isEqualTo(Environment.custom("https://sovx.example.com/sovx/v1"));
        assertThat(reloaded.environment().isProductionLike()).isTrue();
    }

    @Test
    void aCorruptSettingsFileIsSetAsideAndReported() throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("settings.json"), "{\"environment\": ");
        SettingsStore store = new SettingsStore(config);
        assertThat(store.load()).isEqualTo(Settings.DEFAULTS);
        assertThat(store.problem()).contains("set aside");
        try (var files = Files.list(config)) {
            assertThat(files).anyMatch(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"));
        }
    }

    @Test
    void aSettingsFileWithoutSomeFieldsTakesTheirDefaults() throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("settings.json"), "{\"environment\": \"sovera-sandbox\"}");
        SettingsStore store = new SettingsStore(config);
        Settings loaded = store.load();
        assertThat(store.problem()).isNull();
        assertThat(loaded.environmentId()).isEqualTo("sovera-sandbox");
        assertThat(loaded.theme()).isEqualTo("system");
        assertThat(loaded.readTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void aCorruptJournalIsSetAsideAndTheOperatorIsTold() throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("onboarding-journal.json"), "{\"customerId\": \"half-writ");
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        waitUntil(() -> lookup("#startup-notice").query().isVisible());
        assertThat(text("#startup-notice")).contains("onboarding journal could not be read").contains("set aside");
        try (var files = Files.list(data)) {
            assertThat(files).anyMatch(p -> p.getFileName().toString().startsWith("onboarding-journal.json.corrupt-"));
        }
        assertThat(lookup("#resume").tryQuery()).as("nothing to resume from a corrupt journal").isEmpty();
    }

    @Test
    void aProductionEnvironmentIsRedAndItsFirstWriteWantsTheHostTyped() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT);
        console.environment = Environment.custom(console.sandbox.baseUrl());
        console.open();
        assertThat(text("#environment-badge")).isEqualTo("PRODUCTION");
        assertThat(((javafx.scene.layout.Region) lookup("#environment-badge").query()).getBackground().getFills()
                .get(0).getFill()).as("red, from the theme").isEqualTo(javafx.scene.paint.Color.web("#b00020"));
        var model = console.window.onboarding();
        clickOn("#wizard-action");
        waitUntil(() -> model.stepProperty().get() == Step.LOGIN);
        assertThat(model.input(Field.PASSWORD).get()).as("no demo account outside the embedded sandbox").isEmpty();
        clickOn("#password").write(DemoAccount.PASSWORD);
        clickOn("#login_email").write(DemoAccount.EMAIL);
        clickOn("#wizard-action");
        waitUntil(() -> model.stepProperty().get() == Step.CUSTOMER);
        clickOn("#customer_email").write("ops@prod.example");
        clickOn("#customer_id").write("prod-corp");
        clickOn("#entity_name").write("Prod Corp");
        clickOn("#wizard-action");
        waitUntil(this::dialogShowing);
        javafx.stage.Window dialog = lookup(".dialog-pane").query().getScene().getWindow();
        assertThat(((javafx.stage.Stage) dialog).getOwner()).as("the dialog belongs to the console's window")
                .isSameAs(console.window.getScene().getWindow());
        assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> AccessibleNames.missing(dialog.getScene().getRoot(),
                "the production write's confirmation")).get()).as("a screen reader names the field").isEmpty();
        clickOn(".dialog-pane .text-field").write("not-the-host").type(KeyCode.ENTER);
        waitUntil(() -> model.problemProperty().get() != null && !dialogShowing());
        assertThat(text("#error-code")).isEqualTo("Not confirmed");
        try (SovxClient check = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            check.credentials().useSession(check.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            assertThat(check.api().listCustomers(Filter.none().where("customer_id", "prod-corp").asQuery()).execute()
                    .total()).as("nothing written without confirmation").isZero();
            clickOn("#wizard-action");
            waitUntil(this::dialogShowing);
            clickOn(lookup(".dialog-pane .text-field").match(n -> n.getScene().getWindow().isShowing())
                    .queryAs(javafx.scene.Node.class)).write("127.0.0.1").type(KeyCode.ENTER);
            try {
                waitUntil(() -> model.stepProperty().get() == Step.CREDENTIALS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("step " + model.stepProperty().get() + " problem " + model.problemProperty().get()
                        + " dialog " + dialogShowing() + " entity " + model.input(Field.ENTITY_NAME).get());
            }
            assertThat(check.api().listCustomers(Filter.none().where("customer_id", "prod-corp").asQuery()).execute()
                    .total()).isOne();
        }
    }
}
