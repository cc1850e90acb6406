package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The application as `mvn javafx:run` starts it: its own sandbox, then the window as it was left. */
class ConsoleAppTest extends FxRobot {

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

    /** Applications started and not yet stopped: a test that fails midway must not leave its window to the next. */
    private final List<Application> running = new java.util.ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Application app : List.copyOf(running)) {
            stop(app);
        }
    }

    private Application launch() throws Exception {
        Application app = FxToolkit.setupApplication(ConsoleApp.class);
        running.add(app);
        return app;
    }

    private void stop(Application app) throws Exception {
        running.remove(app);
        FxToolkit.cleanupApplication(app);
    }

    /** Starts the application on the primary stage and waits for its main window (not a window of a test before). */
    private Application start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane())));
        Application app = launch();
        ConsoleWindowFixture.waitUntil(30, () -> stage.getScene() != null
                && stage.getScene().getRoot() instanceof com.sovera.console.shell.MainWindow);
        return app;
    }

    @Test
    void aFreshInstallOpensOnTheEmbeddedSandboxAndRemembersTheWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application first = start();
        assertThat(lookup("#environment-badge").queryAs(Labeled.class).getText()).isEqualTo("LOCAL SANDBOX");
        assertThat(lookup("#environment-url").queryAs(Labeled.class).getText()).matches("http://127\\.0\\.0\\.1:\\d+/sovx/v1/");
        // the database opens behind the window: there within moments
        ConsoleWindowFixture.waitUntil(20,
                () -> Files.exists(home.resolve("data").resolve("sandbox").resolve("sandbox.mv.db")));
        clickOn("#nav-activity");
        interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        stop(first);
        assertThat(home.resolve("config").resolve("window.json")).exists();

        Application second = start();
        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(700);
        ConsoleWindowFixture.waitUntil(10,
                () -> lookup("#nav-activity").queryAs(ToggleButton.class).isSelected());
        assertThat(lookup("#activity").tryQuery()).isPresent();
        stop(second);
    }

    private Stage stage() throws Exception {
        return FxToolkit.registerPrimaryStage();
    }

    private boolean mainWindowShows(String badge) throws Exception {
        return stage().getScene().getRoot() instanceof com.sovera.console.shell.MainWindow
                && lookup("#environment-badge").tryQuery().map(n -> ((Labeled) n).getText().equals(badge))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private void chooseEnvironmentAndSave(java.util.function.Predicate<com.sovera.console.config.Environment> which)
            throws Exception {
        ConsoleWindowFixture.waitUntil(10, () -> lookup("#settings-environment").tryQuery().isPresent());
        interact(() -> {
            var box = (javafx.scene.control.ComboBox<com.sovera.console.config.Environment>)
                    lookup("#settings-environment").query();
            box.getItems().stream().filter(which).findFirst().ifPresent(box::setValue);
        });
        clickOn("#settings-save");
    }

    @Test
    void anotherEnvironmentChosenInSettingsAppliesAtOnceAndAnUnfinishedOnboardingStaysWithItsOwn() throws Exception {
        try (com.sovera.console.sandbox.SandboxServer other = com.sovera.console.sandbox.SandboxServer.start(
                com.sovera.console.sandbox.SandboxConfig.inMemory().withDemoUsers(0))) {
            Application app = start();
            String embeddedUrl = lookup("#environment-url").queryAs(Labeled.class).getText();
            clickOn("#nav-onboarding"); // the window reopens on the view it was left on
            clickOn("#wizard-action");
            ConsoleWindowFixture.waitUntil(20, () -> lookup("#login_email").tryQuery().map(n ->
                    n.isVisible()).orElse(false));
            clickOn("#wizard-action");
            ConsoleWindowFixture.waitUntil(20, () -> lookup("#customer_email").tryQuery().map(n ->
                    n.isVisible()).orElse(false));
            clickOn("#customer_email").write("ops@half-done.example");
            Path journal = home.resolve("data").resolve("onboarding-journal.json");
            ConsoleWindowFixture.waitUntil(20, () -> Files.exists(journal)
                    && Files.readString(journal).contains("ops@half-done.example")); // a second after typing

            clickOn("#nav-settings");
            String otherUrl = other.baseUrl();
            interact(() -> lookup("#settings-custom-url").queryAs(javafx.scene.control.TextField.class)
                    .setText(otherUrl));
            clickOn("#settings-add");
            chooseEnvironmentAndSave(e -> e.kind() == com.sovera.console.config.Environment.Kind.CUSTOM);
            ConsoleWindowFixture.waitUntil(20, () -> mainWindowShows("PRODUCTION"));
            assertThat(lookup("#environment-url").queryAs(Labeled.class).getText()).isEqualTo(otherUrl + "/");
            assertThat(lookup("#header-account").queryAs(Labeled.class).getText()).isEqualTo("Not signed in");
            assertThat(lookup("#resume").tryQuery()).as("the other environment's onboarding is not offered here")
                    .isEmpty();
            // the embedded sandbox was closed with its clients: its port answers no more
            assertThat(reachable(embeddedUrl)).isFalse();

            clickOn("#nav-settings");
            chooseEnvironmentAndSave(e -> e.kind() == com.sovera.console.config.Environment.Kind.EMBEDDED);
            ConsoleWindowFixture.waitUntil(20, () -> mainWindowShows("LOCAL SANDBOX"));
            ConsoleWindowFixture.waitUntil(10, () -> lookup("#resume").tryQuery().isPresent());
            stop(app);
        } finally {
            Files.deleteIfExists(home.resolve("config").resolve("settings.json"));
            Files.deleteIfExists(home.resolve("data").resolve("onboarding-journal.json"));
        }
    }

    private static boolean reachable(String url) {
        try (java.net.Socket s = new java.net.Socket()) {
            java.net.URI uri = java.net.URI.create(url);
            s.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aSavedEnvironmentThatCannotBeUsedOpensAStartWindowThatOffersSettings() throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("settings.json"), "{\"environment\": \"custom:ftp://files.example/sovx\","
                + " \"custom_environments\": [\"ftp://files.example/sovx\"]}");
        try {
            Stage stage = stage();
            FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane())));
            Application app = launch();
            ConsoleWindowFixture.waitUntil(30, () -> lookup("#start-window").tryQuery().isPresent());
            assertThat(lookup("#status").queryAs(Labeled.class).getText()).startsWith("Cannot start on files.example");
            clickOn("#start-settings");
            chooseEnvironmentAndSave(e -> e.kind() == com.sovera.console.config.Environment.Kind.EMBEDDED);
            ConsoleWindowFixture.waitUntil(30, () -> mainWindowShows("LOCAL SANDBOX"));
            assertThat(stage.getScene().getRoot()).isInstanceOf(com.sovera.console.shell.MainWindow.class);
            stop(app);
        } finally {
            Files.deleteIfExists(config.resolve("settings.json"));
        }
    }

    @Test
    void aSandboxThatCannotOpenItsDatabaseIsReportedUnderTheHeader() throws Exception {
        // the sandbox's directory is taken by a file: the window still opens and says why the sandbox is not there
        Path data = home.resolve("data");
        Path saved = home.resolve("data-aside");
        if (Files.exists(data)) {
            Files.move(data, saved);
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve("sandbox"), "not a directory");
        try {
            Application app = start();
            ConsoleWindowFixture.waitUntil(20,
                    () -> lookup("#startup-notice").queryAs(Labeled.class).getText().contains("Cannot open the sandbox"));
            assertThat(lookup("#startup-notice").query().isVisible()).isTrue();
            stop(app);
        } finally {
            Files.delete(data.resolve("sandbox"));
            if (Files.exists(saved)) {
                Files.delete(data);
                Files.move(saved, data);
            }
        }
    }
}
