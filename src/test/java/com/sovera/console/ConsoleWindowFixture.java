package com.sovera.console;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the console window shares: a temporary home, the harness, closing it, waiting. */
abstract class ConsoleWindowFixture extends FxRobot {

    @TempDir
    Path home;

    ConsoleHarness console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeConsole() throws Exception {
        if (console != null) {
            console.close();
        }
        // what a test leaves on screen (a notification's popup, a dialog) must not lie over the next test's window,
        // where it took the mouse's clicks on the wizard's action
        javafx.stage.Stage primary = FxToolkit.toolkitContext().getRegisteredStage();
        FxToolkit.setupFixture(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != primary).forEach(javafx.stage.Window::hide));
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        waitUntil(20, condition::getAsBoolean);
    }

    /**
     * Waits for the condition, then for the FX thread to finish what it was doing: a test thread that acts the
     * moment a node appears can meet it while the FX thread is still moving it (TestFX looks from the test thread).
     */
    static void waitUntil(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }
}
