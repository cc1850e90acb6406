package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures, retaken after any UI change: {@code mvn -Pscreenshots verify} drives the console headless
 * against the embedded sandbox and writes {@code assets/screenshots/*.png}. The owner key is never revealed, so
 * no picture holds a secret (and the sandbox's are not real anyway).
 */
@Tag("screenshots")
class ScreenshotsTest extends ConsoleWindowFixture {

    private final Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private OnboardingViewModel model() {
        return console.window.onboarding();
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(150); // let the last layout and any fade settle
        AtomicReference<WritableImage> image = new AtomicReference<>();
        interact(() -> image.set(console.window.getScene().snapshot(null)));
        WritableImage fx = image.get();
        BufferedImage png = new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(out);
        ImageIO.write(png, "png", out.resolve(name + ".png").toFile());
    }

    @Test
    void theReadmePictures() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(300)), home,
                RetryPolicy.DEFAULT).open();
        shoot("01-connectivity");
        java.util.Map<String, String> pictures = java.util.Map.of("to LOGIN", "02-login", "filled CUSTOMER",
                "03-customer", "filled CREDENTIALS", "04-credentials", "filled USER", "05-user", "filled WALLET",
                "06-wallet", "the verified address", "07-deposit-address");
        new WizardWalk(this, model(), stretch -> {
            if (pictures.containsKey(stretch)) {
                try {
                    shoot(pictures.get(stretch));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }).all("acme-payments");
        // on the phone: the read-back open, the customer three groups in
        press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCode.ALT);
        waitUntil(() -> lookup("#read-back-heard").query().isFocused());
        String address = model().depositProperty().get().address().address();
        write(address.substring(0, 4) + " " + address.substring(4, 8) + " " + address.substring(8, 12));
        shoot("13-read-back");
        press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCode.ALT);
        // the panel waits for the deposit: one is simulated and a block mined, as a trainee would
        console.client.api().simulateDeposit(new com.sovera.console.api.model.NewDeposit(address, "0.0015"), null)
                .execute();
        console.client.api().mineBlocks(new com.sovera.console.api.model.NewBlocks(1), null).execute();
        waitUntil(30, () -> text("#deposit-status").contains(" of 3 confirmations"));
        shoot("14-deposit-seen");

        clickOn("#nav-users");
        waitUntil(() -> !lookup("#users-list-table").queryAs(TableView.class).getItems().isEmpty());
        shoot("08-users");
        clickOn("#nav-wallets");
        waitUntil(() -> lookup("#wallets-list-table").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        shoot("09-wallets");
        interact(() -> Theme.apply("dark"));
        shoot("10-wallets-dark");
        interact(() -> Theme.apply("light"));

        console.close();
        console = null;
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            lookupsAt(size[0], size[1]);
        }

        try (var files = Files.list(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(18);
        }
    }

    /** The lookups at an ops laptop's and a desktop's size, a row selected so the detail pane shows. */
    private void lookupsAt(int width, int height) throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(300)), home,
                RetryPolicy.DEFAULT);
        console.width = width;
        console.height = height;
        console.open();
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> model().stepProperty().get() == com.sovera.console.onboarding.Step.LOGIN);
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> model().stepProperty().get() == com.sovera.console.onboarding.Step.CUSTOMER);
        clickOn("#nav-users");
        waitUntil(() -> !lookup("#users-list-table").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#users-list-table").queryAs(TableView.class).getSelectionModel().select(2));
        waitUntil(() -> !lookup("#user-wallets").queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
        shoot("11-users-" + width + "x" + height);
        clickOn("#nav-wallets");
        waitUntil(() -> !lookup("#wallets-list-table").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#wallets-list-table").queryAs(TableView.class).getSelectionModel().select(1));
        waitUntil(() -> lookup("#wallets #address-qr").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        shoot("12-wallets-" + width + "x" + height);
        if (width == 1920) { // Settings' text size at 125%, where it is meant to fit whole
            interact(() -> com.sovera.console.ui.TextSize.apply(console.window, 125));
            shoot("15-wallets-125-percent-" + width + "x" + height);
            interact(() -> com.sovera.console.ui.TextSize.apply(console.window, 150)); // long views scroll
            shoot("16-wallets-150-percent-" + width + "x" + height);
            interact(() -> com.sovera.console.ui.TextSize.apply(console.window, 100));
        }
        console.close();
        console = null;
    }
}
