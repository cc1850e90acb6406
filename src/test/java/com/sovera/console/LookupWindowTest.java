package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.deposit.QrImages;
import com.sovera.console.lookup.Pager;
import com.sovera.console.platform.Keychain;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What only the window shows of the lookups, against a sandbox of a few thousand users: header clicks, the pager
 * and keyboard, the side panels staying with the selection when an earlier answer is late, and the QR code read
 * back from the screen. The rules behind them are tested in the lookup package without a window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupWindowTest extends FxRobot {

    @TempDir
    static Path home;

    private ConsoleHarness console;
    private SovxClient server;

    @BeforeAll
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(2_500)), home,
                RetryPolicy.DEFAULT).open();
        server = SovxClient.builder(console.sandbox.baseUrl()).build();
        server.credentials().useOwnerKey(console.sandbox.demo().ownerKey());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        console.close();
    }

    @BeforeEach
    void openUsers() throws Exception {
        clickOn("#nav-users");
        waitUntil(() -> !rows("#users-list-table").isEmpty());
    }

    @AfterEach
    void clearFaults() {
        console.sandbox.training().clear();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ConsoleWindowFixture.waitUntil(condition);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String table) {
        return lookup(table).tryQuery().map(n -> List.copyOf(((TableView<T>) n).getItems())).orElse(List.of());
    }

    private List<String> userIds() {
        return this.<User>rows("#users-list-table").stream().map(User::userId).toList();
    }

    private List<String> serverIds(Filter filter) {
        return server.api().listUsers(filter.asQuery()).execute().rows().stream().map(User::userId).toList();
    }

    private Pager pager() {
        return lookup("#users-list-pagination").queryAs(Pager.class);
    }

    private void press(KeyCode code, boolean shortcut) {
        interact(() -> console.window.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut,
                false, false)));
    }

    /** Waits until a call to {@code path} has ended (answered, failed or cancelled), then for the FX thread. */
    private void waitForCallTo(String path) throws Exception {
        waitUntil(() -> console.activity.entries().stream().map(CallRecord::path).anyMatch(path::equals));
        Thread.sleep(500); // whatever that answer would set off has had its turn
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSecondClickOnAColumnHeaderSortsDescendingOnTheServer() throws Exception {
        Node header = lookup("#users-list-table .column-header .label").match((Labeled l) ->
                "E-mail".equals(l.getText())).query();
        clickOn(header);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("email", Filter.Direction.ASC)
                .sort("created_at", Filter.Direction.ASC))));
        clickOn(header);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("email", Filter.Direction.DESC)
                .sort("created_at", Filter.Direction.DESC))));
        List<String> emails = this.<User>rows("#users-list-table").stream().map(User::email).toList();
        assertThat(emails).isSortedAccordingTo(java.util.Comparator.<String>reverseOrder());
        interact(() -> lookup("#users-list-table").queryAs(TableView.class).getSortOrder().clear());
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
    }

    @Test
    void keyboardShortcutsTurnPagesRefreshAndSearch() throws Exception {
        interact(() -> pager().setCurrentPageIndex(0));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
        press(KeyCode.PAGE_DOWN, true);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 20).sort("created_at", Filter.Direction.ASC))));
        press(KeyCode.PAGE_DOWN, true);
        press(KeyCode.PAGE_UP, true);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 20).sort("created_at", Filter.Direction.ASC))));
        assertThat(pager().getCurrentPageIndex()).isEqualTo(1);
        int before = console.activity.entries().size();
        press(KeyCode.F5, false);
        waitUntil(() -> console.activity.entries().size() > before);
        press(KeyCode.F, true);
        assertThat(lookup("#search").query().isFocused()).isTrue();
        interact(() -> pager().setCurrentPageIndex(0));
    }

    @Test
    void theLastPageIsOneClickAwayAndAPageNumberCanBeTyped() throws Exception {
        Node pager = lookup("#users-list-pagination").query();
        interact(() -> from(pager).lookup(".pager-last").queryButton().fire());
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 2480).sort("created_at", Filter.Direction.ASC))));
        assertThat(from(pager).lookup(".pager-of").queryAs(Labeled.class).getText()).isEqualTo("of 125");
        assertThat(from(pager).lookup(".pager-next").queryButton().isDisabled()).isTrue();
        TextField page = from(pager).lookup(".pager-page").queryAs(TextField.class);
        interact(() -> {
            page.setText("3");
            page.fireEvent(new javafx.event.ActionEvent());
        });
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 40).sort("created_at", Filter.Direction.ASC))));
        interact(() -> {
            page.setText("not a page");
            page.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(page.getText()).as("a bad page number is put back").isEqualTo("3");
        interact(() -> from(pager).lookup(".pager-first").queryButton().fire());
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
    }

    @Test
    void rapidPageFlippingEndsOnTheRightPage() throws Exception {
        interact(() -> {
            for (int i = 1; i <= 9; i++) {
                pager().setCurrentPageIndex(i);
            }
        });
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 180).sort("created_at", Filter.Direction.ASC))));
        assertThat(pager().getCurrentPageIndex()).isEqualTo(9);
        interact(() -> pager().setCurrentPageIndex(0));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDepositAddressShownBelongsToTheWalletSelectedNowEvenWhenAnEarlierAnswerIsLate() throws Exception {
        clickOn("#nav-wallets");
        waitUntil(() -> !rows("#wallets-list-table").isEmpty());
        TableView<Wallet> table = lookup("#wallets-list-table").queryAs(TableView.class);
        Wallet a = table.getItems().get(4);
        Wallet b = table.getItems().get(5);
        Training training = console.sandbox.training();
        training.slowness(Duration.ofSeconds(4)); // late even when the test thread waits its turn under load
        training.arm("GET /wallets/{wallet_id}/addresses", Training.Fault.SLOW, 1); // a's list: a slow link
        interact(() -> table.getSelectionModel().select(a));
        waitUntil(() -> training.armed().isEmpty()); // a's call is at the server, held there: its answer comes late
        interact(() -> table.getSelectionModel().select(b));
        String bAddress = server.api().listWalletAddresses(b.walletId(), Filter.page(100, 0).sort("created_at",
                Filter.Direction.DESC).asQuery()).execute().rows().get(0).address();
        waitUntil(() -> lookup("#wallets #address-qr").queryAs(ImageView.class).getImage() != null);
        waitForCallTo("/sovx/v1/wallets/" + a.walletId() + "/addresses");

        ComboBox<DepositAddress> addresses = lookup("#wallet-addresses").queryAs(ComboBox.class);
        assertThat(addresses.getItems()).isNotEmpty().allMatch(x -> x.walletId().equals(b.walletId()));
        assertThat(lookup("#wallets #address-text").queryAs(Labeled.class).getText().replace(" ", ""))
                .isEqualTo(bAddress);
        assertThat(QrImages.decode(lookup("#wallets #address-qr").queryAs(ImageView.class).getImage()))
                .containsIgnoringCase(bAddress);
        interact(() -> table.getSelectionModel().clearSelection());
        clickOn("#nav-users");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWalletsListedBelongToTheUserSelectedNowEvenWhenAnEarlierAnswerIsLate() throws Exception {
        TableView<User> table = lookup("#users-list-table").queryAs(TableView.class);
        User a = table.getItems().get(2);
        User b = table.getItems().get(3);
        Training training = console.sandbox.training();
        training.slowness(Duration.ofSeconds(4)); // late even when the test thread waits its turn under load
        training.arm("GET /users/{user_id}/wallets", Training.Fault.SLOW, 1);
        interact(() -> table.getSelectionModel().select(a));
        waitUntil(() -> training.armed().isEmpty()); // a's call is at the server, held there: its answer comes late
        interact(() -> table.getSelectionModel().select(b));
        ListView<Wallet> wallets = lookup("#user-wallets").queryAs(ListView.class);
        waitUntil(() -> !wallets.getItems().isEmpty());
        waitForCallTo("/sovx/v1/users/" + a.userId() + "/wallets");
        assertThat(wallets.getItems()).allMatch(w -> w.userId().equals(b.userId()));
        assertThat(lookup("#user-detail-email").queryAs(Labeled.class).getText()).isEqualTo(b.email());
        interact(() -> table.getSelectionModel().clearSelection());
    }

    @Test
    void aWalletShowsItsAddressVerifiedWithAQrCodeThatSaysExactlyIt() throws Exception {
        clickOn("#nav-wallets");
        waitUntil(() -> !rows("#wallets-list-table").isEmpty());
        interact(() -> lookup("#wallets-list-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> lookup("#wallets #address-qr").queryAs(ImageView.class).getImage() != null);
        String decoded = QrImages.decode(lookup("#wallets #address-qr").queryAs(ImageView.class).getImage());
        // the code asks for the wallet's own asset: USDC as a call of Circle's Sepolia contract, never as ether
        String currency = this.<Wallet>rows("#wallets-list-table").get(0).currency();
        assertThat(decoded).matches(switch (currency) {
            case "BTC" -> "BITCOIN:TB1Q[0-9A-Z]+";
            case "ETH" -> "ethereum:0x[0-9a-fA-F]{40}@11155111";
            default -> "ethereum:0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111/transfer"
                    + "\\?address=0x[0-9a-fA-F]{40}";
        });
        interact(() -> lookup("#wallets-list-table").queryAs(TableView.class).getSelectionModel().clearSelection());
        clickOn("#nav-users");
    }

    @Test
    @SuppressWarnings("unchecked")
    void newDepositAddressOnAWalletContinuesItsTreeInTheWizardAndShowsTheVerifiedAddress() throws Exception {
        clickOn("#nav-wallets");
        waitUntil(() -> !rows("#wallets-list-table").isEmpty());
        TableView<Wallet> table = lookup("#wallets-list-table").queryAs(TableView.class);
        Wallet wallet = table.getItems().get(7);
        int before = server.api().listWalletAddresses(wallet.walletId(), Filter.page(100, 0).asQuery()).execute()
                .rows().size();
        interact(() -> table.getSelectionModel().select(wallet));
        clickOn("#wallet-new-address");
        waitUntil(() -> lookup("#onboarding").tryQuery().map(Node::isVisible).orElse(false));
        var wizard = console.window.onboarding();
        assertThat(wizard.stepProperty().get()).isEqualTo(com.sovera.console.onboarding.Step.ADDRESS);
        assertThat(lookup("#summary-wallet").queryAs(Labeled.class).getText()).contains(wallet.walletId())
                .endsWith("(existing)");
        clickOn("#wizard-action");
        waitUntil(() -> lookup("#onboarding #address-qr").queryAs(ImageView.class).getImage() != null);
        List<DepositAddress> after = server.api().listWalletAddresses(wallet.walletId(), Filter.page(100, 0)
                .asQuery()).execute().rows();
        assertThat(after).hasSize(before + 1);
        assertThat(after).extracting(DepositAddress::address)
                .contains(wizard.depositProperty().get().address().address());
        clickOn("#nav-users");
    }

    @Test
    void aTraceIdPastedInTheSearchOpensItsCallInActivity() throws Exception {
        // the last HTTP exchange (a WATCH line, an address panel's, has no trace id)
        List<CallRecord> calls = List.copyOf(console.activity.entries());
        String traceId = calls.stream().map(CallRecord::traceId).filter(java.util.Objects::nonNull)
                .reduce((a, b) -> b).orElseThrow();
        interact(() -> lookup("#search").queryAs(TextField.class).setText(traceId));
        clickOn("#search-go");
        waitUntil(() -> lookup("#activity-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CallRecord> activity = lookup("#activity-table").queryAs(TableView.class);
        waitUntil(() -> activity.getSelectionModel().getSelectedItem() != null);
        assertThat(activity.getSelectionModel().getSelectedItem().traceId()).isEqualTo(traceId);
    }

    @Test
    void theDemoCustomerIsReadyAndKeysNeverGoToAPlainFile() throws Exception {
        assertThat(lookup("#lookup-message").queryAs(Labeled.class).getText()).isEqualTo("Looking up demo-customer.");
        CheckBox remember = lookup("#lookup-remember").queryAs(CheckBox.class);
        if (!Keychain.probe().available()) {
            // a headless build machine has no Secret Service: the opt-in is off and says why
            waitUntil(() -> remember.getText().equals("Keychain unavailable"));
            assertThat(remember.isDisabled()).isTrue();
            assertThat(remember.getTooltip().getText()).contains("No system keychain");
        } else {
            waitUntil(() -> !remember.isDisabled());
        }
        assertThat(remember.isSelected()).as("opt-in: off until the operator ticks it").isFalse();
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(console.sandbox.demo().ownerKey());
            }
        }
    }

    @Test
    void theUsersCsvIsExportedToAPathTypedBesideTheButtonAndAFileThereIsKeptUnlessReplaced(@TempDir Path desk)
            throws Exception {
        Path file = desk.resolve("users.csv");
        clickOn("#users-list-export-path").write(file.toString());
        type(KeyCode.ENTER);
        Labeled message = lookup("#users-list-export-message").queryAs(Labeled.class);
        waitUntil(() -> message.getText().startsWith("Exported"));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0))
                .isEqualTo("user_id,email,first_name,last_name,user_type,status,country,phone,date_of_birth,created_at");

        // Enter again: the file is there now, and the console's one question asks before it is replaced
        Files.writeString(file, "the operator's own notes");
        clickOn("#users-list-export-path");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("Keep it").tryQuery().isPresent());
        clickOn("Keep it");
        Labeled problem = lookup("#users-list-export-path-problem").queryAs(Labeled.class);
        waitUntil(() -> problem.getText().equals("Not saved: users.csv was kept as it was."));
        assertThat(Files.readString(file)).isEqualTo("the operator's own notes");
        assertThat(lookup("#users-list-export-path").queryAs(TextField.class).getText())
                .as("what was typed stays").isEqualTo(file.toString());
    }
}
