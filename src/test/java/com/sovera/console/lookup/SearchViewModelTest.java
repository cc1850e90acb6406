package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The search box's rules: what each kind of pasted text finds, and only the last search's answer is shown. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchViewModelTest {

    private SandboxServer sandbox;
    private SovxClient session;
    private SovxClient lookups;
    private final List<CallRecord> calls = new ArrayList<>();

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(200));
        session = SovxClient.builder(sandbox.baseUrl()).build();
        session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                DemoAccount.PASSWORD)).execute());
        lookups = session.derive();
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
    }

    @AfterAll
    void stop() {
        session.close();
        sandbox.close();
    }

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<CallRecord> opened = new ArrayList<>();

    private SearchViewModel model() {
        SearchViewModel model = new SearchViewModel(Sessions.calls(session, lookups, runner), () -> calls);
        model.setOpenTrace(opened::add);
        return model;
    }

    private String search(SearchViewModel model, String text) {
        model.text.set(text);
        model.search();
        runner.runAll();
        return model.resultProperty().get();
    }

    @Test
    void aTransactionHashFindsItsDepositAndShowsItsAddress() {
        SearchViewModel model = model();
        DepositAddress address = lookups.api().listAddresses(Filter.page(1, 0).where("network", "ethereum-sepolia")
                .asQuery()).execute().rows().get(0);
        com.sovera.console.api.model.Transaction tx = lookups.api().simulateDeposit(
                new com.sovera.console.api.model.NewDeposit(address.address(), "0.25"), null).execute();

        // the sandbox mines a block every 10 s: the count may have grown by the time of the search
        assertThat(search(model, tx.txHash().toUpperCase().replace("0X", "0x"))).matches(java.util.regex.Pattern.quote(
                "Deposit " + tx.transactionId() + ": 0.25 " + tx.currency() + ", to " + address.address()
                + ", PENDING, ") + "[0-9]+" + java.util.regex.Pattern.quote(" of 12 confirmations, wallet "
                + address.walletId()));
        assertThat(model.addressProperty().get().address().address()).isEqualTo(address.address());
        assertThat(model.addressProperty().get().ok()).isTrue();
        assertThat(search(model, "0x" + "ab".repeat(32))).startsWith("Nothing found. Tried: transaction hash");
    }

    @Test
    void eachKindOfPastedTextFindsItsObject() {
        SearchViewModel model = model();
        User someone = lookups.api().listUsers(Filter.page(1, 7).asQuery()).execute().rows().get(0);
        Wallet wallet = lookups.api().listWallets(Filter.page(1, 3).asQuery()).execute().rows().get(0);
        DepositAddress address = lookups.api().listAddresses(Filter.page(1, 0).asQuery()).execute().rows().get(0);

        assertThat(search(model, someone.userId())).startsWith("User " + someone.userId() + ": " + someone.email());
        assertThat(search(model, someone.email().toUpperCase())).startsWith("User " + someone.userId());
        assertThat(search(model, wallet.walletId())).startsWith("Wallet " + wallet.walletId());
        assertThat(search(model, address.address())).isEqualTo("Deposit address of wallet " + address.walletId());
        assertThat(model.addressProperty().get().ok()).isTrue();
        assertThat(search(model, "demo-customer")).startsWith("Customer demo-customer: Demo Customer Ltd");
        assertThat(model.addressProperty().get()).as("the address panel goes with its search").isNull();
        assertThat(search(model, "00000000-0000-4000-8000-000000000000")).isEqualTo("Nothing found. Tried: trace id"
                + " in this session's Activity, user id, wallet id.");
        assertThat(search(model, "tb1qnotanaddress")).isEqualTo("Nothing found. Tried: customer id.");
        assertThat(search(model, "what happened?")).startsWith("Nothing found. Tried: nothing: not an id");

        CallRecord call = new CallRecord(Instant.now(), "GET", "/sovx/v1/users", 200, Duration.ofMillis(12),
                "6f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f", null);
        calls.add(call);
        assertThat(search(model, call.traceId())).startsWith("Trace id of GET /sovx/v1/users (200)");
        assertThat(opened).containsExactly(call);
    }

    @Test
    void aUserFoundCanBeOpenedAndOnlyWhileTheirResultIsShown() {
        SearchViewModel model = model();
        List<User> openedUsers = new ArrayList<>();
        List<User> openedWallets = new ArrayList<>();
        model.setOpenUser(openedUsers::add, openedWallets::add);
        User someone = lookups.api().listUsers(Filter.page(1, 11).asQuery()).execute().rows().get(0);

        search(model, someone.email());
        assertThat(model.userProperty().get().userId()).isEqualTo(someone.userId());
        model.openUser();
        model.openWallets();
        assertThat(openedUsers).extracting(User::userId).containsExactly(someone.userId());
        assertThat(openedWallets).extracting(User::userId).containsExactly(someone.userId());

        search(model, "demo-customer");
        assertThat(model.userProperty().get()).as("a customer found is no user to open").isNull();
        search(model, someone.userId());
        model.clear();
        model.openUser();
        assertThat(openedUsers).as("closed: nothing to open").hasSize(1);
    }

    @Test
    void onlyTheLastSearchsAnswerIsShown() {
        SearchViewModel model = model();
        User first = lookups.api().listUsers(Filter.page(1, 1).asQuery()).execute().rows().get(0);
        User second = lookups.api().listUsers(Filter.page(1, 2).asQuery()).execute().rows().get(0);
        model.text.set(first.email());
        model.search();
        model.text.set(second.email());
        model.search();
        assertThat(model.resultProperty().get()).isEqualTo("Searching...");
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the first search answers late
        assertThat(model.resultProperty().get()).startsWith("User " + second.userId());
        assertThat(model.searchingProperty().get()).isFalse();
    }
    @Test
    void aWalletWithoutItsOptionalFieldsIsShownWithoutThem() throws Exception {
        // only the id is required by the contract: a server may leave out a wallet's name and balance
        String id = "11111111-2222-4333-8444-555555555555";
        String meta = "\"meta\":{\"timestamp\":\"2026-11-30T08:00:00Z\",\"version\":\"v1\",\"trace_id\":\"t-1\"}";
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            mock.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"success\":false,\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"No such user\"}],"
                            + meta + "}").build());
            mock.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"success\":true,\"data\":{\"wallet_id\":\"" + id + "\",\"user_id\":\"usr_1\","
                            + "\"currency\":\"BTC\"}," + meta + "}").build());
            try (SovxClient client = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useOwnerKey("owner-key-value-000000000000000");
                SearchViewModel model = new SearchViewModel(Sessions.calls(client, runner), List::of);
                assertThat(search(model, id)).isEqualTo("Wallet " + id + ": BTC, user usr_1");
            }
        }
    }
}
