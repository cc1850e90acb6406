package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.ui.ClipboardGuard;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A copied secret leaves the clipboard after its time, unless the operator copied something else since. */
class ClipboardGuardTest extends FxRobot {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theSecretIsClearedAfterItsTime() throws Exception {
        ClipboardGuard guard = new ClipboardGuard(Duration.millis(300));
        interact(() -> guard.copySecret("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H"));
        assertThat(clipboard()).isEqualTo("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> clipboard() == null);
    }

    @Test
    void somethingCopiedSinceIsLeftAlone() throws Exception {
        ClipboardGuard guard = new ClipboardGuard(Duration.millis(300));
        interact(() -> guard.copySecret("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H"));
        interact(() -> {
            ClipboardContent other = new ClipboardContent();
            other.putString("a note the operator copied");
            Clipboard.getSystemClipboard().setContent(other);
        });
        Thread.sleep(700);
        assertThat(clipboard()).isEqualTo("a note the operator copied");
    }
}
