package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.ui.task.ManualTaskRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Saving the QR code as PNG writes the file through the task runner, never on the FX thread; a write that fails
 * says so under the code, unless another address is shown by then.
 */
class AddressPanelSaveTest extends FxRobot {

    private static final DepositCheck.Result BTC = DepositCheck.verify(new DepositAddress("a-1", "w-1", "BTC",
            "bitcoin-testnet", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", null), null);
    private static final DepositCheck.Result ETH = DepositCheck.verify(new DepositAddress("a-2", "w-2", "ETH",
            "ethereum-sepolia", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", null), null);

    @TempDir
    Path dir;

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private AddressPanel panel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Label failure() {
        return (Label) panel.lookup("#address-failure");
    }

    @Test
    void theImageIsWrittenByTheRunnerNotTheFxThread() throws Exception {
        Path file = dir.resolve("deposit.png");
        interact(() -> {
            panel = new AddressPanel(runner);
            panel.resultProperty().set(BTC);
            panel.save(BTC, file);
        });
        assertThat(file).as("nothing written on the FX thread").doesNotExist();
        assertThat(runner.pending()).hasSize(1);

        interact(runner::runAll);
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(BTC.qr().width());
        assertThat(failure().isVisible()).isFalse();
    }

    @Test
    void aFailedWriteIsToldWhileItsCodeIsShownAndNotOverAnotherOne() throws Exception {
        Path folder = dir.resolve("gone").resolve("deposit.png"); // a folder that is not there (a removed drive)
        interact(() -> {
            panel = new AddressPanel(runner);
            panel.resultProperty().set(BTC);
            panel.save(BTC, folder);
            runner.runAll();
        });
        assertThat(failure().isVisible()).isTrue();
        assertThat(failure().getText()).startsWith("Could not save the image");

        interact(() -> {
            panel.save(BTC, folder);
            panel.resultProperty().set(ETH); // the operator moved on before the write failed
            runner.runAll();
        });
        assertThat(failure().isVisible()).isFalse();
    }
}
