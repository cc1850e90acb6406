package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.task.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A copied secret leaves the clipboard after its time, at sign-out and when the console closes, unless the operator
 * copied something else since.
 */
class ClipboardGuardTest extends FxRobot {

    private static final String KEY = "uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H";

    private final ManualScheduler time = new ManualScheduler();
    private final ClipboardGuard guard = new ClipboardGuard(Duration.ofSeconds(60), time);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theSecretIsClearedAfterItsTime() throws Exception {
        interact(() -> guard.copySecret(KEY));
        assertThat(clipboard()).isEqualTo(KEY);
        interact(() -> time.advance(Duration.ofSeconds(59)));
        assertThat(clipboard()).isEqualTo(KEY);
        interact(() -> time.advance(Duration.ofSeconds(1)));
        assertThat(clipboard()).isNull();
    }

    @Test
    void closingTheConsoleBeforeItsTimeClearsItToo() throws Exception {
        interact(() -> guard.copySecret(KEY));
        interact(guard::clearNow);
        assertThat(clipboard()).isNull();
        assertThat(time.waiting()).as("no timer left behind").isZero();
    }

    @Test
    void somethingCopiedSinceIsLeftAlone() throws Exception {
        interact(() -> guard.copySecret(KEY));
        interact(() -> {
            ClipboardContent other = new ClipboardContent();
            other.putString("a note the operator copied");
            Clipboard.getSystemClipboard().setContent(other);
        });
        interact(() -> time.advance(Duration.ofSeconds(60)));
        assertThat(clipboard()).isEqualTo("a note the operator copied");
        interact(guard::clearNow);
        assertThat(clipboard()).isEqualTo("a note the operator copied");
    }
}
