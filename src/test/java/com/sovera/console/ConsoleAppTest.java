package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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

    /** Starts the application on the primary stage and waits for its main window (not a window of a test before). */
    private Application start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane())));
        Application app = FxToolkit.setupApplication(ConsoleApp.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene() != null
                && stage.getScene().getRoot() instanceof com.sovera.console.shell.MainWindow);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    @Test
    void aFreshInstallOpensOnTheEmbeddedSandboxAndRemembersTheWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application first = start();
        assertThat(lookup("#environment-badge").queryAs(Labeled.class).getText()).isEqualTo("LOCAL SANDBOX");
        assertThat(lookup("#environment-url").queryAs(Labeled.class).getText()).matches("http://127\\.0\\.0\\.1:\\d+/sovx/v1/");
        // the database opens behind the window: there within moments
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Files.exists(home.resolve("data").resolve("sandbox").resolve("sandbox.mv.db")));
        clickOn("#nav-activity");
        interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        FxToolkit.cleanupApplication(first);
        assertThat(home.resolve("config").resolve("window.json")).exists();

        Application second = start();
        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(700);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> lookup("#nav-activity").queryAs(ToggleButton.class).isSelected());
        assertThat(lookup("#activity").tryQuery()).isPresent();
        FxToolkit.cleanupApplication(second);
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
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> lookup("#startup-notice").queryAs(Labeled.class).getText().contains("Cannot open the sandbox"));
            assertThat(lookup("#startup-notice").query().isVisible()).isTrue();
            FxToolkit.cleanupApplication(app);
        } finally {
            Files.delete(data.resolve("sandbox"));
            if (Files.exists(saved)) {
                Files.delete(data);
                Files.move(saved, data);
            }
        }
    }
}
