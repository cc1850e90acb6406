package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.SessionState;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Users screen's rules, without a window, against a sandbox of a few thousand users: pages, sort both ways,
 * filters and export as the server sees them; the wallets pane always of the user selected now; a server without
 * the list is "not offered".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersViewModelTest {

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private SovxClient lookups;
    private SovxClient server;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(2_500));
        lookups = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
        server = SovxClient.builder(sandbox.baseUrl()).build();
        server.credentials().useOwnerKey(sandbox.demo().ownerKey());
    }

    @AfterAll
    void stop() {
        lookups.close();
        server.close();
        sandbox.close();
    }

    private UsersViewModel loaded() {
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.reload();
        return model;
    }

    @Test
    void aPageAskedForOneSessionNeverFillsTheListAfterItClosed() {
        ManualTaskRunner base = new ManualTaskRunner();
        SessionState state = new SessionState();
        state.signedIn("ops@example.com", java.time.Instant.parse("2099-01-01T00:00:00Z"));
        // the view model is given the session, not a client and a runner: its calls are the session's
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, lookups, state, base));
        model.reload();
        state.signedOut(); // before the page's answer is handed back
        base.runAll();
        assertThat(model.list().rows()).as("nothing of the closed session shown").isEmpty();

        state.signedIn("ops@example.com", java.time.Instant.parse("2099-01-01T00:00:00Z"));
        model.reload();
        base.runAll();
        assertThat(model.list().rows()).as("the next session's page").isNotEmpty();
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::userId).toList();
    }

    private List<String> serverIds(Filter filter) {
        return ids(server.api().listUsers(filter.asQuery()).execute().rows());
    }

    private long serverTotal(Filter filter) {
        return server.api().listUsers(filter.limit(1).asQuery()).execute().total();
    }

    @Test
    void aLookupsDeskShowsAUserButOffersNoWalletToAdd() {
        UsersViewModel model = loaded();
        model.setLookupsOnly(true);
        List<ContinueFrom> continued = new java.util.ArrayList<>();
        model.setOnContinue(continued::add);
        assertThat(model.list().rows()).as("looked up").isNotEmpty();
        model.selected.set(model.list().rows().get(0));
        assertThat(model.lookupsOnlyProperty().get()).isTrue();
        model.addWallet();
        assertThat(continued).as("the wizard is not asked to create a wallet").isEmpty();
        model.setLookupsOnly(false);
        model.addWallet();
        assertThat(continued).hasSize(1);
    }

    @Test
    void openingAUserFoundElsewhereNarrowsTheFiltersToThemAndSelectsThem() {
        UsersViewModel model = loaded();
        model.status.set("SUSPENDED");
        User far = server.api().listUsers(Filter.page(1, 1_700).asQuery()).execute().rows().get(0);
        assertThat(model.list().rows()).extracting(User::userId).doesNotContain(far.userId());

        model.open(far);
        assertThat(model.selected.get()).isNotNull().extracting(User::userId).isEqualTo(far.userId());
        assertThat(model.status.get()).as("a filter that could hide them is lifted").isNull();
        assertThat(model.emailContains.get()).isEqualTo(far.email());

        // a query of the operator's own afterwards selects nothing by itself
        model.selected.set(null);
        model.emailContains.set("");
        model.apply();
        assertThat(model.selected.get()).isNull();
    }

    @Test
    void pagesAndPageSizesMatchWhatTheSandboxHolds() {
        UsersViewModel model = loaded();
        PagedViewModel<User> list = model.list();
        assertThat(ids(list.rows())).isEqualTo(serverIds(Filter.page(20, 0).sort("created_at", Filter.Direction.ASC)));
        assertThat(list.messageProperty().get()).isEqualTo("1–20 of 2500");
        assertThat(list.pageCount()).isEqualTo(125);
        list.showPage(3);
        assertThat(ids(list.rows())).isEqualTo(serverIds(Filter.page(20, 60).sort("created_at", Filter.Direction.ASC)));
        list.setPageSize(50);
        assertThat(list.pageProperty().get()).isZero();
        assertThat(ids(list.rows())).isEqualTo(serverIds(Filter.page(50, 0).sort("created_at", Filter.Direction.ASC)));
        assertThat(list.messageProperty().get()).isEqualTo("1–50 of 2500");
    }

    @Test
    void eachSortableFieldSortsOnTheServerBothWays() {
        UsersViewModel model = loaded();
        for (String field : List.of("email", "last_name", "status", "created_at")) {
            for (Filter.Direction direction : Filter.Direction.values()) {
                model.list().sort(List.of(new Filter.Sort(field, direction)));
                Filter expected = Filter.page(20, 0).sort(field, direction);
                if (!field.equals("created_at")) {
                    expected = expected.sort("created_at", direction); // the tie-breaker follows the direction
                }
                assertThat(ids(model.list().rows())).as(field + " " + direction).isEqualTo(serverIds(expected));
            }
        }
        model.list().sort(List.of());
        assertThat(ids(model.list().rows())).isEqualTo(serverIds(Filter.page(20, 0).sort("created_at",
                Filter.Direction.ASC)));
    }

    @Test
    void everyFilterAndACombinationAreTheServers() {
        UsersViewModel model = loaded();
        model.status.set("PENDING");
        model.apply();
        long pending = serverTotal(Filter.none().where("status", "PENDING"));
        assertThat(model.list().totalProperty().get()).isEqualTo(pending);
        assertThat(model.list().rows()).allMatch(u -> u.status().canonical().equals("PENDING"));

        model.userType.set("business");
        model.country.set("de");
        model.apply();
        Filter combo = Filter.none().where("status", "PENDING").where("user_type", "business").where("country", "DE");
        assertThat(model.list().totalProperty().get()).isEqualTo(serverTotal(combo));

        model.status.set(null);
        model.userType.set(null);
        model.country.set("");
        model.emailContains.set(" zhang ");
        model.apply();
        assertThat(model.list().totalProperty().get()).isEqualTo(serverTotal(Filter.none().contains("email", "zhang")));
        assertThat(model.list().rows()).isNotEmpty().allMatch(u -> u.email().contains("zhang"));
    }

    @Test
    void anExportHoldsTheRowsOfTheQueryAsItWasWhenItStartedInOrder() throws Exception {
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, runner));
        model.status.set("PENDING");
        model.apply();
        runner.runAll();
        Path file = dir.resolve("pending.csv");
        model.export().start(file);
        // the operator changes the filter while the export runs: the table follows, the file does not
        model.status.set("ACTIVE");
        model.apply();
        runner.runAll();

        Filter pending = Filter.none().where("status", "PENDING");
        long total = serverTotal(pending);
        List<String> expected = new ArrayList<>();
        for (long skip = 0; skip < total; skip += 100) {
            expected.addAll(serverIds(pending.limit(100).skip(skip).sort("created_at", Filter.Direction.ASC)));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("user_id,email,first_name");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .isEqualTo(expected).hasSize((int) total);
        assertThat(model.export().outcomeProperty().get().complete()).isTrue();
        assertThat(model.export().messageProperty().get()).isEqualTo("Exported " + total + " rows to pending.csv");
        assertThat(model.list().rows()).allMatch(u -> u.status().canonical().equals("ACTIVE"));
    }

    @Test
    void aNameThatLooksLikeAFormulaIsExportedAsTextNotRunByASpreadsheet() throws Exception {
        try (SandboxServer own = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient client = SovxClient.builder(own.baseUrl()).build()) {
            client.credentials().useOwnerKey(own.demo().ownerKey());
            client.api().createUser(new com.sovera.console.api.model.NewUser("individual", "formula@csv.example",
                    "=HYPERLINK(\"http://evil.example\")", "@Sum", "+442071234567", "1985-12-10", "GB"), null)
                    .execute();
            UsersViewModel model = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
            model.reload();
            Path file = dir.resolve("formula.csv");
            model.export().start(file);
            String row = Files.readAllLines(file).get(1);
            assertThat(row).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"").contains(",'@Sum,")
                    .doesNotContain(",=HYPERLINK").doesNotContain(",@Sum");
        }
    }

    @Test
    void anExportKeepsReadingTheCustomerItBeganWithWhenAnotherIsPickedMeanwhile() throws Exception {
        SovxClient own = lookups.derive();
        own.credentials().useOwnerKey(sandbox.demo().ownerKey());
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(own, runner));
        model.status.set("PENDING");
        model.apply();
        runner.runAll();
        Path file = dir.resolve("one-customer.csv");
        model.export().start(file);
        own.credentials().useOwnerKey("sxs_another-customers-key-000000000"); // the context moved to another customer
        runner.runAll();
        long total = serverTotal(Filter.none().where("status", "PENDING"));
        assertThat(model.export().outcomeProperty().get().complete()).isTrue();
        assertThat(Files.readAllLines(file)).hasSize((int) total + 1);
    }

    @Test
    void aCancelledExportIsSavedAsPartialAndNothingLooksComplete() throws Exception {
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, runner));
        model.reload();
        runner.runAll();
        Path file = dir.resolve("all.csv");
        model.export().start(file);
        model.export().cancel();
        runner.runAll();
        assertThat(Files.exists(file)).as("no file that looks complete").isFalse();
        assertThat(Files.exists(dir.resolve("all.csv.part"))).isFalse();
        List<String> lines = Files.readAllLines(dir.resolve("all-PARTIAL.csv"));
        assertThat(lines.get(lines.size() - 1)).startsWith("# PARTIAL EXPORT: stopped after")
                .contains("cancelled by the operator");
        assertThat(model.export().messageProperty().get()).startsWith("PARTIAL: ");
    }

    @Test
    void aDiskThatFillsUpMidExportLeavesAPartialFileNotAPartFile() throws Exception {
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, runner));
        model.reload();
        runner.runAll();
        // a disk with room for about 10 KB: the export's writes fail part-way, as on a full disk
        model.export().setOpener(path -> new Writer() {
            private final Writer out = Files.newBufferedWriter(path);
            private long room = 10_000;

            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                room -= len;
                if (room < 0) {
                    throw new IOException("No space left on device");
                }
                out.write(chars, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });
        Path file = dir.resolve("full.csv");
        model.export().start(file);
        runner.runAll();
        assertThat(Files.exists(dir.resolve("full.csv.part"))).as("nothing left half-named").isFalse();
        assertThat(Files.exists(file)).isFalse();
        List<String> lines = Files.readAllLines(dir.resolve("full-PARTIAL.csv"));
        assertThat(lines.get(lines.size() - 1)).startsWith("# PARTIAL EXPORT: stopped after")
                .contains("No space left on device");
        assertThat(model.export().outcomeProperty().get().complete()).isFalse();
    }

    @Test
    void theWalletsPaneAlwaysShowsTheWalletsOfTheUserSelectedNow() {
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, runner));
        model.reload();
        runner.runAll();
        User first = model.list().rows().get(0);
        User second = model.list().rows().get(1);
        model.selected.set(first);
        model.selected.set(second);
        assertThat(model.walletsMessageProperty().get()).isEqualTo("Loading wallets...");
        // the second user's answer comes first, the first user's late
        runner.pending().get(1).complete();
        runner.pending().get(0).complete();
        List<String> secondsWallets = server.api().listUserWallets(second.userId(), Filter.page(100, 0).asQuery())
                .execute().rows().stream().map(Wallet::walletId).toList();
        assertThat(model.wallets()).extracting(Wallet::walletId).isEqualTo(secondsWallets);
        assertThat(model.wallets()).allMatch(w -> w.userId().equals(second.userId()));

        model.selected.set(null);
        assertThat(model.wallets()).isEmpty();
        assertThat(model.walletsMessageProperty().get()).isEmpty();
    }

    @Test
    void aServerWithoutTheListSaysItIsNotOfferedRatherThanFailing() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            mock.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"success\":false,\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"Cannot GET /users\"}]}")
                    .build());
            try (SovxClient client = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useOwnerKey("owner-key-value-000000000000000");
                UsersViewModel model = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
                model.reload();
                assertThat(model.list().stateProperty().get()).isEqualTo(PagedViewModel.State.NOT_OFFERED);
                assertThat(model.list().messageProperty().get())
                        .isEqualTo("This server does not offer this lookup (HTTP 404).");
                assertThat(model.list().problemProperty().get()).as("not shown as a failure").isNull();
            }
        }
    }
    @Test
    void aUserWithoutItsOptionalFieldsIsExportedWithEmptyCells() throws Exception {
        // the contract makes only user_id required in a list: a real server may leave phone, names, country out
        String page = "{\"success\":true,\"data\":[{\"user_id\":\"usr_1\",\"email\":\"a@b.example\"}],"
                + "\"meta\":{\"timestamp\":\"2026-11-30T08:00:00Z\",\"version\":\"v1\",\"trace_id\":\"t-1\","
                + "\"pagination\":{\"total\":1,\"limit\":100,\"skip\":0}}}";
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            for (int i = 0; i < 2; i++) {
                mock.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(page).build());
            }
            try (SovxClient client = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useOwnerKey("owner-key-value-000000000000000");
                UsersViewModel model = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
                model.reload();
                Path file = dir.resolve("sparse.csv");
                model.export().start(file);
                assertThat(model.export().outcomeProperty().get().complete()).isTrue();
                assertThat(Files.readAllLines(file)).containsExactly(
                        "user_id,email,first_name,last_name,user_type,status,country,phone,date_of_birth,created_at",
                        "usr_1,a@b.example,,,,,,,,");
            }
        }
    }
    @Test
    void signingOutStopsARunningExportAndEmptiesTheScreen() throws Exception {
        SovxClient own = lookups.derive();
        own.credentials().useOwnerKey(sandbox.demo().ownerKey());
        ManualTaskRunner runner = new ManualTaskRunner();
        UsersViewModel model = new UsersViewModel(Sessions.calls(own, runner));
        model.reload();
        runner.runAll();
        model.selected.set(model.list().rows().get(0));
        model.export().start(dir.resolve("at-sign-out.csv"));
        model.signedOut(); // the export froze the key at its start: it must not read on after the session ended
        runner.runAll();
        assertThat(model.export().outcomeProperty().get().complete()).isFalse();
        assertThat(model.export().messageProperty().get()).startsWith("PARTIAL: ").endsWith("(stopped at sign-out)");
        assertThat(Files.exists(dir.resolve("at-sign-out.csv"))).isFalse();
        assertThat(model.list().rows()).isEmpty();
        assertThat(model.selected.get()).isNull();
        assertThat(model.wallets()).isEmpty();
    }

    @Test
    void aKeyTheServerRefusesIsSaidToBeRefusedNotTheSessionAndIsHandedBackToDrop() {
        try (SovxClient wrong = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            wrong.credentials().useOwnerKey("sk_revoked_or_wrong_0000000000000000");
            UsersViewModel model = new UsersViewModel(Sessions.calls(wrong, new SameThreadTaskRunner()));
            List<String> refused = new java.util.ArrayList<>();
            model.setOnKeyRefused(refused::add);
            model.reload();
            assertThat(model.list().problemProperty().get()).satisfies(p -> {
                assertThat(p.message()).startsWith("This key was refused: ").contains("(trace id ");
                assertThat(p.recovery()).doesNotContain("Sign in");
            });
            assertThat(refused).singleElement().asString().startsWith("This key was refused: ");
        }
    }

    @Test
    void eachWalletOfTheSelectedUserReadsItsBalanceInItsOwnCurrency() {
        java.math.BigDecimal half = new java.math.BigDecimal("0.50");
        assertThat(UsersViewModel.walletLine(new com.sovera.console.api.model.Wallet("w-1", "u-1", "Savings", "BTC",
                null, half, new java.math.BigDecimal("0.00000001"), null, null)))
                .isEqualTo("0.50 BTC, 0.00000001 BTC pending  Savings  (w-1)");
        assertThat(UsersViewModel.walletLine(new com.sovera.console.api.model.Wallet("w-2", "u-1", "Float", "USDC",
                null, new java.math.BigDecimal("1E+3"), java.math.BigDecimal.ZERO, null, null)))
                .isEqualTo("1000 USDC  Float  (w-2)");
        assertThat(UsersViewModel.walletLine(new com.sovera.console.api.model.Wallet("w-3", "u-1", "Old", "ETH",
                null, null, null, null, null))).isEqualTo("balance not reported  Old  (w-3)");
    }
}
