package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Support lookups in the real window against a sandbox of a few thousand users, checked against the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupTest extends FxRobot {

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

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
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

    @Test
    void pagesMatchWhatTheSandboxHoldsInEveryDirection() throws Exception {
        assertThat(userIds()).isEqualTo(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC)));
        assertThat(lookup("#users-list-total").queryAs(Labeled.class).getText()).isEqualTo("1–20 of 2500");

        interact(() -> lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class).setCurrentPageIndex(3));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 60).sort("created_at", Filter.Direction.ASC))));
        interact(() -> lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class).setCurrentPageIndex(2));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 40).sort("created_at", Filter.Direction.ASC))));

        interact(() -> lookup("#users-list-page-size").queryAs(ComboBox.class).setValue(50));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(50, 0).sort("created_at", Filter.Direction.ASC))));
        assertThat(lookup("#users-list-total").queryAs(Labeled.class).getText()).isEqualTo("1–50 of 2500");
        interact(() -> lookup("#users-list-page-size").queryAs(ComboBox.class).setValue(20));
        waitUntil(() -> userIds().size() == 20);
    }

    @Test
    void sortingByEachSortableColumnIsDoneByTheServer() throws Exception {
        TableView<User> table = lookup("#users-list-table").queryAs(TableView.class);
        for (String title : List.of("E-mail", "Name", "Status", "Created (UTC)")) {
            TableColumn<User, ?> column = table.getColumns().stream().filter(c -> c.getText().equals(title))
                    .findFirst().orElseThrow();
            String field = (String) column.getUserData();
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                interact(() -> {
                    column.setSortType(type);
                    table.getSortOrder().setAll(List.of(column));
                });
                Filter.Direction direction = type == TableColumn.SortType.ASCENDING ? Filter.Direction.ASC
                        : Filter.Direction.DESC;
                Filter expected = Filter.page(20, 0).sort(field, direction);
                if (!field.equals("created_at")) {
                    expected = expected.sort("created_at", direction);
                }
                Filter sorted = expected;
                waitUntil(() -> userIds().equals(serverIds(sorted)));
            }
        }
        interact(() -> table.getSortOrder().clear());
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
    }

    @Test
    void everyFilterAndACombination() throws Exception {
        interact(() -> lookup("#users-status").queryAs(ComboBox.class).setValue("PENDING"));
        clickOn("#users-apply");
        long pending = server.api().listUsers(Filter.none().where("status", "PENDING").asQuery()).execute().total();
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith("of " + pending));
        assertThat(this.<User>rows("#users-list-table")).allMatch(u -> u.status().canonical().equals("PENDING"));

        interact(() -> lookup("#users-type").queryAs(ComboBox.class).setValue("business"));
        clickOn("#users-country").write("de");
        clickOn("#users-apply");
        Filter combo = Filter.none().where("status", "PENDING").where("user_type", "business").where("country", "DE");
        long comboTotal = server.api().listUsers(combo.asQuery()).execute().total();
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText()
                .equals(comboTotal == 0 ? "No rows match." : "1–" + Math.min(20, comboTotal) + " of " + comboTotal));

        interact(() -> {
            lookup("#users-status").queryAs(ComboBox.class).getSelectionModel().select(0);
            lookup("#users-type").queryAs(ComboBox.class).getSelectionModel().select(0);
            lookup("#users-country").queryAs(javafx.scene.control.TextField.class).clear();
        });
        clickOn("#users-email").write("zhang");
        clickOn("#users-apply");
        long zhangs = server.api().listUsers(Filter.none().contains("email", "zhang").asQuery()).execute().total();
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith("of " + zhangs));
        assertThat(this.<User>rows("#users-list-table")).allMatch(u -> u.email().contains("zhang"));
        interact(() -> lookup("#users-email").queryAs(javafx.scene.control.TextField.class).clear());
        clickOn("#users-apply");
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith("of 2500"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportHoldsExactlyTheFilteredRowsInOrder() throws Exception {
        interact(() -> lookup("#users-status").queryAs(ComboBox.class).setValue("PENDING"));
        clickOn("#users-apply");
        Filter pending = Filter.none().where("status", "PENDING");
        long total = server.api().listUsers(pending.asQuery()).execute().total();
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith("of " + total));
        Path file = home.resolve("pending.csv");
        var table = (com.sovera.console.lookup.PagedTable<User>) lookup("#users-list").query();
        interact(() -> table.export(console.background, file));
        waitUntil(() -> lookup("#users-list-export-message").queryAs(Labeled.class).getText().startsWith("Exported"));

        List<String> expected = new java.util.ArrayList<>();
        for (long skip = 0; skip < total; skip += 100) {
            server.api().listUsers(pending.limit(100).skip(skip).sort("created_at", Filter.Direction.ASC).asQuery())
                    .execute().rows().forEach(u -> expected.add(u.userId()));
        }
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("user_id,email,first_name");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .isEqualTo(expected).hasSize((int) total);
        assertThat(lines).noneMatch(l -> l.startsWith("# PARTIAL"));
        interact(() -> lookup("#users-status").queryAs(ComboBox.class).getSelectionModel().select(0));
        clickOn("#users-apply");
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith("of 2500"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCancelledExportIsMarkedPartial() throws Exception {
        Path file = home.resolve("all.csv");
        var table = (com.sovera.console.lookup.PagedTable<User>) lookup("#users-list").query();
        com.sovera.console.lookup.CsvExport<?>[] job = new com.sovera.console.lookup.CsvExport<?>[1];
        interact(() -> {
            job[0] = table.export(console.background, file);
            job[0].cancel();
        });
        waitUntil(() -> lookup("#users-list-export-message").queryAs(Labeled.class).getText().startsWith("PARTIAL"));
        Path partial = home.resolve("all-PARTIAL.csv");
        assertThat(java.nio.file.Files.exists(file)).as("no file that looks complete").isFalse();
        List<String> lines = java.nio.file.Files.readAllLines(partial);
        assertThat(lines.get(lines.size() - 1)).startsWith("# PARTIAL EXPORT: stopped after")
                .contains("cancelled by the operator");
    }

    private String search(String text) throws Exception {
        // pasted, as support staff do, then Search
        interact(() -> {
            lookup("#search").queryAs(javafx.scene.control.TextField.class).setText(text);
            lookup("#search-result").queryAs(Labeled.class).setText("");
        });
        clickOn("#search-go");
        try {
            waitUntil(() -> {
                String shown = lookup("#search-result").queryAs(Labeled.class).getText();
                return !shown.isEmpty() && !shown.equals("Searching...");
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("search for '" + text + "' shows '" + lookup("#search-result")
                    .queryAs(Labeled.class).getText() + "', field '" + lookup("#search")
                    .queryAs(javafx.scene.control.TextField.class).getText() + "', focus "
                    + lookup("#search").query().getScene().getFocusOwner());
        }
        return lookup("#search-result").queryAs(Labeled.class).getText();
    }

    @Test
    void theSearchBoxRecognisesEachKindOfInput() throws Exception {
        User someone = server.api().listUsers(Filter.page(1, 7).asQuery()).execute().rows().get(0);
        Wallet wallet = server.api().listWallets(Filter.page(1, 3).asQuery()).execute().rows().get(0);
        var address = server.api().listAddresses(Filter.page(1, 0).asQuery()).execute().rows().get(0);
        console.client.credentials().useSession(console.client.api().login(new com.sovera.console.api.model
                .LoginRequest(com.sovera.console.sandbox.DemoAccount.EMAIL,
                com.sovera.console.sandbox.DemoAccount.PASSWORD)).execute());

        assertThat(search(someone.userId())).startsWith("User " + someone.userId() + ": " + someone.email());
        assertThat(search(someone.email().toUpperCase())).startsWith("User " + someone.userId());
        assertThat(search(wallet.walletId())).startsWith("Wallet " + wallet.walletId());
        assertThat(search(address.address())).isEqualTo("Deposit address of wallet " + address.walletId());
        waitUntil(() -> lookup("#search-box #address-qr").queryAs(ImageView.class).getImage() != null);
        assertThat(search("demo-customer")).startsWith("Customer demo-customer: Demo Customer Ltd");
        assertThat(search("00000000-0000-4000-8000-000000000000")).isEqualTo("Nothing found. Tried: trace id in"
                + " this session's Activity, user id, wallet id.");
        assertThat(search("tb1qnotanaddress")).isEqualTo("Nothing found. Tried: customer id.");
        assertThat(search("what happened?")).startsWith("Nothing found. Tried: nothing: not an id");

        String traceId = console.activity.entries().get(console.activity.entries().size() - 1).traceId();
        interact(() -> lookup("#search").queryAs(javafx.scene.control.TextField.class).setText(traceId));
        clickOn("#search-go");
        waitUntil(() -> lookup("#activity-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<com.sovera.console.api.CallRecord> activity = lookup("#activity-table").queryAs(TableView.class);
        assertThat(activity.getSelectionModel().getSelectedItem().traceId()).isEqualTo(traceId);
    }

    @Test
    void theDemoCustomerIsReadyAndKeysNeverGoToAPlainFile() throws Exception {
        assertThat(lookup("#lookup-message").queryAs(Labeled.class).getText()).isEqualTo("Looking up demo-customer.");
        if (!com.sovera.console.platform.Keychain.probe().available()) {
            // a headless build machine has no Secret Service: the opt-in is off and says why
            waitUntil(() -> lookup("#lookup-remember").queryAs(Labeled.class).getText().equals("Keychain unavailable"));
            assertThat(lookup("#lookup-remember").query().isDisabled()).isTrue();
            assertThat(lookup("#lookup-remember").queryAs(javafx.scene.control.CheckBox.class).getTooltip().getText())
                    .contains("No system keychain");
        } else {
            waitUntil(() -> !lookup("#lookup-remember").query().isDisabled());
        }
        assertThat(lookup("#lookup-remember").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("opt-in: off until the operator ticks it").isFalse();
        try (var files = java.nio.file.Files.walk(home)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(console.sandbox.demo().ownerKey());
            }
        }
    }

    @Test
    void everyWalletFilterMatchesTheSandbox() throws Exception {
        clickOn("#nav-wallets");
        waitUntil(() -> !rows("#wallets-list-table").isEmpty());
        Wallet some = server.api().listWallets(Filter.page(1, 5).asQuery()).execute().rows().get(0);
        record Case(String currency, String status, String userId, String name, Filter expected) {
        }
        for (Case c : List.of(
                new Case("USDC", null, null, null, Filter.none().where("currency", "USDC")),
                new Case(null, "ACTIVE", null, null, Filter.none().where("status", "ACTIVE")),
                new Case(null, null, some.userId(), null, Filter.none().where("user_id", some.userId())),
                new Case(null, null, null, "eth", Filter.none().contains("name", "eth")),
                new Case("BTC", "ACTIVE", null, "a", Filter.none().where("currency", "BTC").where("status", "ACTIVE")
                        .contains("name", "a")))) {
            interact(() -> {
                ComboBox<String> currency = lookup("#wallets-currency").queryAs(ComboBox.class);
                ComboBox<String> status = lookup("#wallets-status").queryAs(ComboBox.class);
                if (c.currency() == null) {
                    currency.getSelectionModel().select(0);
                } else {
                    currency.setValue(c.currency());
                }
                if (c.status() == null) {
                    status.getSelectionModel().select(0);
                } else {
                    status.setValue(c.status());
                }
                lookup("#wallets-user").queryAs(javafx.scene.control.TextField.class)
                        .setText(c.userId() == null ? "" : c.userId());
                lookup("#wallets-name").queryAs(javafx.scene.control.TextField.class)
                        .setText(c.name() == null ? "" : c.name());
            });
            clickOn("#wallets-apply");
            List<String> expected = server.api().listWallets(c.expected().limit(20).sort("created_at",
                    Filter.Direction.ASC).asQuery()).execute().rows().stream().map(Wallet::walletId).toList();
            assertThat(expected).as(c.toString()).isNotEmpty();
            waitUntil(() -> this.<Wallet>rows("#wallets-list-table").stream().map(Wallet::walletId).toList()
                    .equals(expected));
        }
    }

    private void press(javafx.scene.input.KeyCode code, boolean shortcut) {
        interact(() -> console.window.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", code, false, shortcut, false, false)));
    }

    @Test
    void keyboardShortcutsTurnPagesRefreshAndSearch() throws Exception {
        interact(() -> lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class).setCurrentPageIndex(0));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
        press(javafx.scene.input.KeyCode.PAGE_DOWN, true);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 20).sort("created_at", Filter.Direction.ASC))));
        press(javafx.scene.input.KeyCode.PAGE_DOWN, true);
        press(javafx.scene.input.KeyCode.PAGE_UP, true);
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 20).sort("created_at", Filter.Direction.ASC))));
        assertThat(lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class).getCurrentPageIndex()).isEqualTo(1);
        int before = console.activity.entries().size();
        press(javafx.scene.input.KeyCode.F5, false);
        waitUntil(() -> console.activity.entries().size() > before);
        press(javafx.scene.input.KeyCode.F, true);
        assertThat(lookup("#search").query().isFocused()).isTrue();
        interact(() -> lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class).setCurrentPageIndex(0));
    }

    @Test
    void theLastPageIsOneClickAwayAndAPageNumberCanBeTyped() throws Exception {
        javafx.scene.Node pager = lookup("#users-list-pagination").query();
        interact(() -> from(pager).lookup(".pager-last").queryButton().fire());
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 2480).sort("created_at", Filter.Direction.ASC))));
        assertThat(from(pager).lookup(".pager-of").queryAs(Labeled.class).getText()).isEqualTo("of 125");
        assertThat(from(pager).lookup(".pager-next").queryButton().isDisabled()).isTrue();
        javafx.scene.control.TextField page = from(pager).lookup(".pager-page").queryAs(javafx.scene.control.TextField.class);
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
        com.sovera.console.lookup.Pager pagination = lookup("#users-list-pagination").queryAs(com.sovera.console.lookup.Pager.class);
        interact(() -> {
            for (int i = 1; i <= 9; i++) {
                pagination.setCurrentPageIndex(i);
            }
        });
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 180).sort("created_at", Filter.Direction.ASC))));
        Thread.sleep(500);
        assertThat(userIds()).as("a late answer never replaces the last page")
                .isEqualTo(serverIds(Filter.page(20, 180).sort("created_at", Filter.Direction.ASC)));
        assertThat(pagination.getCurrentPageIndex()).isEqualTo(9);
        interact(() -> pagination.setCurrentPageIndex(0));
        waitUntil(() -> userIds().equals(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC))));
    }

    @Test
    void aWalletShowsItsAddressesVerifiedWithAQrCode() throws Exception {
        clickOn("#nav-wallets");
        waitUntil(() -> !rows("#wallets-list-table").isEmpty());
        List<Wallet> wallets = rows("#wallets-list-table");
        assertThat(wallets.get(0).balance()).isNotNull();
        interact(() -> lookup("#wallets-list-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> lookup("#wallets #address-qr").queryAs(ImageView.class).getImage() != null);
        String decoded = com.sovera.console.deposit.QrImages.decode(
                lookup("#wallets #address-qr").queryAs(ImageView.class).getImage());
        // the code asks for the wallet's own asset: USDC as a call of Circle's Sepolia contract, never as ether
        assertThat(decoded).matches(switch (wallets.get(0).currency()) {
            case "BTC" -> "BITCOIN:TB1Q[0-9A-Z]+";
            case "ETH" -> "ethereum:0x[0-9a-fA-F]{40}@11155111";
            default -> "ethereum:0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111/transfer"
                    + "\\?address=0x[0-9a-fA-F]{40}";
        });
        interact(() -> lookup("#wallets-currency").queryAs(ComboBox.class).setValue("ETH"));
        clickOn("#wallets-apply");
        waitUntil(() -> this.<Wallet>rows("#wallets-list-table").stream().allMatch(w -> w.currency().equals("ETH")));
    }
}
