package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.deposit.QrImages;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.task.ManualScheduler;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The address panel waiting for the deposit, in the real console over the real sandbox: an address is shown, a
 * deposit is simulated from outside and blocks mined, and the panel says "Received" with the amount and the hash;
 * an amount requested redraws the code, which decodes to exactly the link for BTC, ETH and USDC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositWindowTest extends FxRobot {

    @TempDir
    static Path home;

    private final ManualScheduler time = new ManualScheduler();
    private ConsoleHarness console;
    private SovxClient outside;
    private String userId;

    @BeforeAll
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        // blocks come only when this test mines them
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(3)
                .withBlockPeriod(Duration.ofHours(1))), home, RetryPolicy.NONE);
        console.scheduler = time;
        console.open();
        outside = SovxClient.builder(console.sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        outside.credentials().useOwnerKey(console.sandbox.demo().ownerKey());
        userId = outside.api().createUser(new NewUser("individual", "grace@deposits.example", "Grace", "Hopper",
                "+14155550123", "1906-12-09", "US"), null).execute().userId();
    }

    @AfterAll
    void close() throws Exception {
        outside.close();
        console.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        ConsoleWindowFixture.waitUntil(condition);
    }

    private String text(String query) {
        return lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    private DepositAddress address(String currency, String network) {
        String walletId = outside.api().createWallet(userId, new NewWallet(currency + " savings", currency), null)
                .execute().walletId();
        return outside.api().createAddress(walletId, new NewAddress(currency.toLowerCase(), network), null).execute();
    }

    /** Finds the address with the search box, as support would: its panel shows it with its code. */
    private void show(DepositAddress address) throws Exception {
        clickOn("#nav-users");
        waitUntil(() -> lookup("#search").tryQuery().isPresent());
        interact(() -> lookup("#search").queryAs(TextField.class).setText(address.address()));
        clickOn("#search-go");
        waitUntil(() -> DepositCheck.grouped(address.address()).equals(text("#search-box #address-text"))
                && image() != null);
    }

    private javafx.scene.image.Image image() {
        return lookup("#search-box #address-qr").queryAs(ImageView.class).getImage();
    }

    /**
     * Scrolls the search result's band with its scroll bar's arrow until the control is in sight, and clicks it: the band
     * is kept short so the table keeps its rows, and an operator scrolls to what lies below the code.
     */
    private void reach(String query) throws Exception {
        javafx.scene.control.ScrollPane band = lookup("#search-found").queryAs(javafx.scene.control.ScrollPane.class);
        Node target = lookup(query).query();
        for (int tick = 0; tick < 40 && !inSight(band, target); tick++) {
            clickOn(from(band).lookup(".scroll-bar:vertical .increment-button").queryAs(Node.class));
        }
        assertThat(inSight(band, target)).as(query + " scrolled into sight").isTrue();
        clickOn(target);
    }

    /** The target's centre well inside the band's viewport: a click on its very edge goes to the band. */
    private static boolean inSight(javafx.scene.control.ScrollPane band, Node target) {
        Node viewport = band.lookup(".viewport");
        javafx.geometry.Bounds view = viewport.localToScreen(viewport.getLayoutBounds());
        javafx.geometry.Bounds node = target.localToScreen(target.getLayoutBounds());
        return view != null && node != null && node.getCenterX() > view.getMinX() + 2
                && node.getCenterX() < view.getMaxX() - 2 && node.getCenterY() > view.getMinY() + 2
                && node.getCenterY() < view.getMaxY() - 2;
    }

    private String requestAmount(String amount) throws Exception {
        javafx.scene.image.Image before = image();
        reach("#search-box #deposit-amount");
        interact(() -> lookup("#search-box #deposit-amount").queryAs(TextField.class).setText(amount));
        type(KeyCode.ENTER);
        waitUntil(() -> image() != before);
        return QrImages.decode(image());
    }

    @Test
    void aDepositSimulatedFromOutsideIsSeenThenReceivedWithItsAmountAndHash() throws Exception {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        show(btc);
        waitUntil(() -> text("#search-box #deposit-status").equals("Waiting for a deposit…"));
        assertThat(lookup("#search-box #simulate-deposit").query().isVisible())
                .as("the embedded sandbox offers training").isTrue();
        Node focused = console.window.getScene().getFocusOwner();

        Transaction sent = outside.api().simulateDeposit(new NewDeposit(btc.address(), "0.0015"), null).execute();
        interact(() -> time.advance(Duration.ofSeconds(2)));
        waitUntil(() -> text("#search-box #deposit-status").equals("0.0015 BTC seen, 0 of 3 confirmations"));

        outside.api().mineBlocks(new NewBlocks(3), null).execute();
        interact(() -> time.advance(Duration.ofSeconds(3)));
        waitUntil(() -> text("#search-box #deposit-status").equals("Received 0.0015 BTC"));
        assertThat(text("#search-box #deposit-tx-hash")).isEqualTo(sent.txHash());
        assertThat(lookup("#search-box #copy-tx-hash").query().isVisible()).isTrue();
        assertThat(console.window.getScene().getFocusOwner()).as("a poll never moves the focus").isSameAs(focused);
        assertThat(console.activity.entries()).as("one line says what is watched, no poll is listed")
                .filteredOn(r -> r.path().startsWith("/wallets/" + btc.walletId() + "/transactions"))
                .extracting(CallRecord::method).containsExactly("WATCH");
    }

    @Test
    void anAmountRequestedRedrawsTheCodeToExactlyItsLinkForBtcEthAndUsdc() throws Exception {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        show(btc);
        assertThat(requestAmount("0.0015"))
                .isEqualTo("BITCOIN:" + btc.address().toUpperCase() + "?amount=0.0015");

        DepositAddress eth = address("ETH", "ethereum-sepolia");
        show(eth);
        assertThat(requestAmount("1.5")).isEqualTo("ethereum:" + eth.address() + "@11155111?value=1500000000000000000");

        DepositAddress usdc = address("USDC", "ethereum-sepolia");
        show(usdc);
        assertThat(requestAmount("25.5")).isEqualTo("ethereum:0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111"
                + "/transfer?address=" + usdc.address() + "&uint256=25500000");

        // a deposit made after the request is compared with it
        outside.api().simulateDeposit(new NewDeposit(usdc.address(), "20"), null).execute();
        interact(() -> time.advance(Duration.ofSeconds(30)));
        waitUntil(() -> text("#search-box #deposit-comparison")
                .equals("Under-paid by 5.5 USDC (20 of 25.5 USDC requested)."));
    }

    @Test
    void anAmountTheContractRefusesSaysWhyAndLeavesTheCodeAsItWas() throws Exception {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        show(btc);
        javafx.scene.image.Image before = image();
        assertThat(lookup("#search-box #deposit-amount-problem").query().isVisible())
                .as("no fault shown (not even its red frame) before one is made").isFalse();
        reach("#search-box #deposit-amount");
        interact(() -> lookup("#search-box #deposit-amount").queryAs(TextField.class).setText("0.000000001"));
        type(KeyCode.ENTER);
        waitUntil(() -> text("#search-box #deposit-amount-problem").equals("At most 8 decimals for BTC."));
        assertThat(lookup("#search-box #deposit-amount-problem").query().isVisible()).isTrue();
        assertThat(image()).isSameAs(before);
        assertThat(QrImages.decode(image())).isEqualTo("BITCOIN:" + btc.address().toUpperCase());
    }

    /**
     * On the phone: Alt+V opens the read-back with the focus in its field, the groups said as words; a correct
     * read-back matches every group, Enter there does nothing, and a wrong group is named with what was heard.
     */
    @Test
    void aReadBackTypedAsTheCustomerSaysItIsComparedGroupByGroup() throws Exception {
        DepositAddress eth = address("ETH", "ethereum-sepolia");
        show(eth);
        String[] groups = DepositCheck.grouped(eth.address()).split(" ");
        assertThat(lookup("#search-box #address-text").query().getAccessibleText())
                .as("a screen reader reads the address group by group")
                .startsWith("Ether on Ethereum Sepolia address, in 11 groups of four. Group 1: zero, small X-ray, ");

        assertThat(lookup("#search-box .read-back-group").queryAll()).as("the groups are made when the read-back"
                + " opens, not in the frame that shows each address (issue 22)").isEmpty();
        press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        TextField heard = lookup("#search-box #read-back-heard").queryAs(TextField.class);
        waitUntil(() -> heard.isFocused());
        assertThat(text("#search-box #read-back-asset")).isEqualTo("Ether on Ethereum Sepolia");
        assertThat(lookup("#search-box .read-back-group").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).containsExactly(groups);
        assertThat(lookup("#search-box .read-back-words").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("zero, small X-ray, ");

        write(String.join(" ", java.util.Arrays.copyOf(groups, 3)));
        waitUntil(() -> text("#search-box #read-back-verdict").equals("3 of 11 groups match so far."));
        write(" " + String.join(" ", java.util.Arrays.copyOfRange(groups, 3, groups.length)));
        waitUntil(() -> text("#search-box #read-back-verdict").equals("All 11 groups match."));
        String typed = heard.getText();
        type(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard.isFocused()).as("Enter in the read-back moves nothing").isTrue();
        assertThat(heard.getText()).isEqualTo(typed);
        assertThat(text("#search-box #read-back-verdict")).isEqualTo("All 11 groups match.");

        // the customer says group 4 wrong: one character off
        String[] wrong = groups.clone();
        char last = wrong[3].charAt(3);
        wrong[3] = wrong[3].substring(0, 3) + (last == '1' ? '2' : '1');
        interact(heard::clear);
        write(String.join(" ", wrong));
        waitUntil(() -> text("#search-box #read-back-verdict").startsWith("Group 4 differs: heard '" + wrong[3]
                + "', expected '" + groups[3] + "' ("));
        press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT); // closed again for the tests that follow
        waitUntil(() -> !lookup("#search-box #read-back").query().isVisible());
    }
}
