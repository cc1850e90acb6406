package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, headless: it starts its own sandbox and says which base URL it uses. */
@ExtendWith(ApplicationExtension.class)
class ConsoleAppTest {

    @TempDir
    static Path home;

    private ConsoleApp app;

    @BeforeAll
    static void isolateUserDirectories() {
        System.setProperty("sovx.home", home.toString());
    }

    @Start
    void start(Stage stage) {
        app = new ConsoleApp();
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theFirstWindowShowsTheEmbeddedSandboxAndItsHealth(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("Health: ok"));
        String environment = robot.lookup("#environment").queryAs(Label.class).getText();
        assertThat(environment).matches("Local sandbox \\(embedded\\): http://127\\.0\\.0\\.1:\\d+/sovx/v1/");
        assertThat(Files.list(home.resolve("data").resolve("sandbox"))).as("the sandbox stores its data per user")
                .anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
    }
}
