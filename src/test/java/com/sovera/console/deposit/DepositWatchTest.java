package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.task.JobGroup;
import com.sovera.console.ui.task.ManualScheduler;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address panel's wait for a deposit, against the real sandbox: deposits simulated from outside, blocks mined
 * with {@code POST /sandbox/blocks}, time moved by hand (no test sleeps). Wire cases a sandbox cannot give (a server
 * without transactions, a 429) on MockWebServer.
 */
class DepositWatchTest {

    private static SandboxServer server;
    private static SovxClient console;
    private static List<CallRecord> activity;
    private static final List<String> wire = new CopyOnWriteArrayList<>();
    private static String userId;
    private static int customers;

    private ManualScheduler scheduler;
    private JobGroup session;
    private DepositWatch watch;

    @BeforeAll
    static void aSandboxWhoseBlocksOnlyComeWhenMined() {
        // blocks are mined by the tests alone: no simulated block falls due while one runs
        server = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0).withBlockPeriod(Duration.ofHours(1)));
        activity = new CopyOnWriteArrayList<>();
        console = SovxClient.builder(server.baseUrl()).retryPolicy(RetryPolicy.NONE).activity(activity::add)
                .networkInterceptor(chain -> {
                    wire.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                }).build();
        console.credentials().useSession(console.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD))
                .execute());
    }

    @AfterAll
    static void stop() {
        console.close();
        server.close();
    }

    @BeforeEach
    void aCustomerOfItsOwn() {
        String id = "watch-" + (++customers);
        console.api().createCustomer(new NewCustomer("ops@" + id + ".example", id, "Watch Ltd"), null).execute();
        console.credentials().useOwnerKey(console.api().createCredentials(id, null).execute().customerSecret());
        userId = console.api().createUser(new NewUser("individual", "ada@" + id + ".example", "Ada", "Lovelace",
                "+442071234567", "1985-12-10", "GB"), null).execute().userId();
        scheduler = new ManualScheduler();
        session = new JobGroup();
        watch = new DepositWatch(() -> console, new SameThreadTaskRunner(), scheduler, Clock.systemUTC(),
                () -> session);
    }

    private static DepositAddress address(String currency, String network) {
        String walletId = console.api().createWallet(userId, new NewWallet(currency + " wallet", currency), null)
                .execute().walletId();
        return console.api().createAddress(walletId, new NewAddress(currency.toLowerCase(), network), null).execute();
    }

    private static Transaction deposit(DepositAddress to, String amount) {
        return console.api().simulateDeposit(new NewDeposit(to.address(), amount), null).execute();
    }

    private static void mine(int blocks) {
        console.api().mineBlocks(new NewBlocks(blocks), null).execute();
    }

    /** Moves time on by the watch's longest wait, so that exactly the next poll runs. */
    private void nextPoll() {
        scheduler.advance(DepositWatch.LONGEST);
    }

    @Test
    void waitingThenSeenWithItsConfirmationsThenReceivedWithItsHash() {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        watch.watch(btc);
        assertThat(watch.statusProperty().get()).isEqualTo("Waiting for a deposit…");
        assertThat(watch.txHashProperty().get()).isEmpty();

        Transaction sent = deposit(btc, "0.0015");
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(watch.statusProperty().get()).isEqualTo("0.0015 BTC seen, 0 of 3 confirmations");
        assertThat(watch.stateProperty().get()).isEqualTo(DepositWatch.State.SEEN);
        assertThat(watch.txHashProperty().get()).isEqualTo(sent.txHash()).matches("[0-9a-f]{64}");

        mine(1);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(watch.statusProperty().get()).isEqualTo("0.0015 BTC seen, 1 of 3 confirmations");
        mine(2);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(watch.statusProperty().get()).isEqualTo("Received 0.0015 BTC");
        assertThat(watch.stateProperty().get()).isEqualTo(DepositWatch.State.RECEIVED);
        assertThat(watch.txHashProperty().get()).isEqualTo(sent.txHash());
        assertThat(watch.comparisonProperty().get()).as("no amount requested, no comparison").isEmpty();
    }

    @Test
    void anEthDepositNeedsTwelveConfirmationsAndTheLatestDepositIsShownAlone() {
        DepositAddress eth = address("ETH", "ethereum-sepolia");
        deposit(eth, "0.5");
        mine(12);
        Transaction latest = deposit(eth, "0.000000000000000001");
        watch.watch(eth);
        assertThat(watch.statusProperty().get()).isEqualTo("0.000000000000000001 ETH seen, 0 of 12 confirmations");
        assertThat(watch.txHashProperty().get()).isEqualTo(latest.txHash()).matches("0x[0-9a-f]{64}");
    }

    @Test
    void anAmountRequestedIsComparedWithTheDepositsMadeSinceUnderThenOverPaid() {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        deposit(btc, "1"); // before the request: not counted
        watch.watch(btc);
        watch.request(new BigDecimal("0.002"));
        assertThat(watch.statusProperty().get()).isEqualTo("Waiting for a deposit…");
        assertThat(watch.comparisonProperty().get()).isEmpty();

        deposit(btc, "0.0015");
        nextPoll();
        assertThat(watch.statusProperty().get()).isEqualTo("0.0015 BTC seen, 0 of 3 confirmations");
        assertThat(watch.comparisonProperty().get())
                .isEqualTo("Under-paid by 0.0005 BTC (0.0015 of 0.002 BTC requested).");

        deposit(btc, "0.001");
        mine(3);
        nextPoll();
        assertThat(watch.statusProperty().get()).isEqualTo("Received 0.0025 BTC in 2 deposits");
        assertThat(watch.comparisonProperty().get())
                .isEqualTo("Over-paid by 0.0005 BTC (0.0025 of 0.002 BTC requested).");
    }

    @Test
    void anExactUsdcPaymentIsSaidToBeExact() {
        DepositAddress usdc = address("USDC", "ethereum-sepolia");
        watch.watch(usdc);
        watch.request(new BigDecimal("25.50"));
        deposit(usdc, "25.5");
        mine(12);
        nextPoll();
        assertThat(watch.statusProperty().get()).isEqualTo("Received 25.5 USDC");
        assertThat(watch.comparisonProperty().get()).isEqualTo("Exactly the 25.5 USDC requested.");
    }

    @Test
    void pollsComeEveryTwoSecondsGrowingToThirtyAndOneLineInActivitySaysWhatIsWatched() {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        activity.clear();
        watch.watch(btc);
        int before = polled(btc);
        assertThat(before).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(polled(btc)).as("not before 2 s").isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(polled(btc)).isEqualTo(2);
        scheduler.advance(Duration.ofMinutes(5)); // 3, 4.5, 6.75, ... then every 30 s
        int afterFiveMinutes = polled(btc);
        assertThat(afterFiveMinutes).isBetween(2 + 10, 2 + 16);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(polled(btc)).isEqualTo(afterFiveMinutes + 1);

        assertThat(activity).as("the polls are not listed one by one").hasSize(1);
        assertThat(activity.get(0).method()).isEqualTo("WATCH");
        assertThat(activity.get(0).path()).contains(btc.address());
    }

    /** The watch's polls so far: the requests for this address's wallet's transactions seen on the wire. */
    private static int polled(DepositAddress address) {
        return (int) wire.stream().filter(p -> p.equals("/sovx/v1/wallets/" + address.walletId() + "/transactions"))
                .count();
    }

    @Test
    void simulatingIsOfferedOnTheEmbeddedSandboxOnlyAndMakesSeveralDepositsTheWatchSees() {
        DepositWatching elsewhere = new DepositWatching(() -> console, new SameThreadTaskRunner(), scheduler,
                Clock.systemUTC(), () -> session, false);
        assertThat(elsewhere.offersSimulation()).isFalse();
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> elsewhere.simulate(btc, "1", 1, m -> { }))
                .isInstanceOf(IllegalStateException.class);

        DepositWatching sandbox = new DepositWatching(() -> console, new SameThreadTaskRunner(), scheduler,
                Clock.systemUTC(), () -> session, true);
        List<String> said = new java.util.ArrayList<>();
        sandbox.simulate(btc, "0.000000001", 1, said::add);
        sandbox.simulate(btc, "0.001", 3, said::add);
        assertThat(said).containsExactly("At most 8 decimals for BTC.",
                "Simulated 3 deposits of 0.001 BTC. It completes as the sandbox mines blocks.");
        watch.watch(btc);
        watch.request(null);
        assertThat(watch.statusProperty().get()).isEqualTo("0.001 BTC seen, 0 of 3 confirmations");
        assertThat(console.api().listWalletTransactions(btc.walletId(), java.util.Map.of()).execute().rows())
                .hasSize(3);
    }

    @Test
    void aLookupsDeskWatchesADepositButSimulatesNone() {
        DepositWatching desk = new DepositWatching(() -> console, new SameThreadTaskRunner(), scheduler,
                Clock.systemUTC(), () -> session, true, true);
        assertThat(desk.simulationRefusal()).isEqualTo(com.sovera.console.policy.Policy.LOOKUPS_ONLY);
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        List<String> said = new java.util.ArrayList<>();
        desk.simulate(btc, "0.001", 2, said::add);
        assertThat(said).containsExactly(com.sovera.console.policy.Policy.LOOKUPS_ONLY + ": nothing was simulated.");
        assertThat(console.api().listWalletTransactions(btc.walletId(), java.util.Map.of()).execute().rows())
                .as("no deposit made").isEmpty();
        deposit(btc, "0.0015"); // the customer's own deposit is still watched for
        watch.watch(btc);
        watch.request(null);
        assertThat(watch.statusProperty().get()).startsWith("0.0015 BTC seen");
        assertThat(new DepositWatching(() -> console, new SameThreadTaskRunner(), scheduler, Clock.systemUTC(),
                () -> session, true).simulationRefusal()).as("a desk that writes").isNull();
        assertThat(new DepositWatching(() -> console, new SameThreadTaskRunner(), scheduler, Clock.systemUTC(),
                () -> session, false, true).simulationRefusal()).as("not offered at all: nothing to explain").isNull();
    }

    @Test
    void leavingThePanelStopsPollingAndADepositLaterIsNotShown() {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        watch.watch(btc);
        assertThat(scheduler.waiting()).isEqualTo(1);
        watch.stop();
        assertThat(scheduler.waiting()).as("no poll planned").isZero();
        assertThat(watch.pollingProperty().get()).isFalse();
        deposit(btc, "0.0015");
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(watch.statusProperty().get()).isEqualTo("Waiting for a deposit…");
    }

    @Test
    void signingOutStopsTheWatch() {
        DepositAddress btc = address("BTC", "bitcoin-testnet");
        watch.watch(btc);
        session.close();
        deposit(btc, "0.0015");
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(watch.statusProperty().get()).isEqualTo("Waiting for a deposit…");
        assertThat(scheduler.waiting()).isZero();
        assertThat(watch.pollingProperty().get()).isFalse();
    }

    @Test
    void aLateAnswerForAnotherAddressIsDropped() {
        DepositAddress first = address("BTC", "bitcoin-testnet");
        DepositAddress second = address("BTC", "bitcoin-testnet");
        deposit(first, "0.7");
        // work that answers only when the test says so, as a slow network would
        com.sovera.console.ui.task.TaskRunner held = new HeldRunner();
        watch = new DepositWatch(() -> console, held, scheduler, Clock.systemUTC(), () -> session);
        watch.watch(first);
        watch.watch(second);
        ((HeldRunner) held).answerNewestFirst(); // the first address's answer arrives last
        assertThat(watch.statusProperty().get()).as("the first address's 0.7 BTC never shows for the second")
                .isEqualTo("Waiting for a deposit…");
        assertThat(watch.txHashProperty().get()).isEmpty();
    }

    /** Runs work when told, the newest first. */
    private static final class HeldRunner implements com.sovera.console.ui.task.TaskRunner {
        private final List<Runnable> held = new java.util.ArrayList<>();

        @Override
        public <T> com.sovera.console.ui.task.Job run(com.sovera.console.ui.task.Work<T> work,
                                                      java.util.function.Consumer<? super T> onSuccess,
                                                      java.util.function.Consumer<? super Throwable> onFailure) {
            com.sovera.console.ui.task.Job job = new com.sovera.console.ui.task.Job();
            held.add(() -> {
                try {
                    T value = work.run(job);
                    onSuccess.accept(value); // delivered even if cancelled: the watch must drop it itself
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return job;
        }

        @Override
        public void later(Runnable action) {
            action.run();
        }

        void answerNewestFirst() {
            List<Runnable> now = new java.util.ArrayList<>(held);
            held.clear();
            java.util.Collections.reverse(now);
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aServerWithoutTransactionsSaysSoAndShowsTheWalletsBalanceRefreshedTheSameWay() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            SovxClient client = mockClient(mock);
            mock.enqueue(json(404, "{\"success\":false,\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"No such"
                    + " endpoint\"}],\"meta\":{\"trace_id\":\"t-1\"}}"));
            mock.enqueue(json(200, wallet("0.5", "0")));
            mock.enqueue(json(200, wallet("0.5", "0.25")));
            watch = new DepositWatch(() -> client, new SameThreadTaskRunner(), scheduler, Clock.systemUTC(),
                    () -> session);
            watch.watch(new DepositAddress("a-1", "w-1", "BTC", "bitcoin-testnet",
                    "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", null));
            assertThat(watch.stateProperty().get()).isEqualTo(DepositWatch.State.NOT_OFFERED);
            assertThat(watch.statusProperty().get())
                    .isEqualTo("This server does not report deposits. Wallet balance: 0.5 BTC.");
            scheduler.advance(Duration.ofSeconds(2));
            assertThat(watch.statusProperty().get())
                    .isEqualTo("This server does not report deposits. Wallet balance: 0.5 BTC, 0.25 BTC pending.");
            assertThat(mock.takeRequest(1, TimeUnit.SECONDS).getTarget()).startsWith("/sovx/v1/wallets/w-1/transactions");
            assertThat(mock.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/sovx/v1/wallets/w-1");
            assertThat(mock.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/sovx/v1/wallets/w-1");
            client.close();
        }
    }

    @Test
    void a429IsHonouredWithItsRetryAfterAndThenTheWatchGoesOn() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            SovxClient client = mockClient(mock);
            mock.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                    .setHeader("Retry-After", "20").body("{\"success\":false,\"errors\":[{\"code\":"
                            + "\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}],\"meta\":{\"trace_id\":"
                            + "\"t-2\"}}").build());
            mock.enqueue(json(200, "{\"success\":true,\"data\":[],\"meta\":{\"trace_id\":\"t-3\",\"pagination\":"
                    + "{\"total\":0,\"limit\":100,\"skip\":0}}}"));
            watch = new DepositWatch(() -> client, new SameThreadTaskRunner(), scheduler, Clock.systemUTC(),
                    () -> session);
            watch.watch(new DepositAddress("a-1", "w-1", "BTC", "bitcoin-testnet",
                    "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", null));
            assertThat(watch.problemProperty().get())
                    .isEqualTo("The server asks us to slow down. Checking again in 20 s.");
            assertThat(watch.statusProperty().get()).isEqualTo("Waiting for a deposit…");
            scheduler.advance(Duration.ofSeconds(19));
            assertThat(mock.getRequestCount()).as("no poll before Retry-After").isEqualTo(1);
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(mock.getRequestCount()).isEqualTo(2);
            assertThat(watch.problemProperty().get()).isEmpty();
            client.close();
        }
    }

    private SovxClient mockClient(MockWebServer mock) {
        SovxClient client = SovxClient.builder(mock.url("/sovx/v1").toString()).retryPolicy(RetryPolicy.NONE).build();
        client.credentials().useSession(new Session("session-token", Instant.parse("2030-01-01T00:00:00Z")));
        client.credentials().useOwnerKey("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H");
        return client;
    }

    private static String wallet(String balance, String pending) {
        return "{\"success\":true,\"data\":{\"wallet_id\":\"w-1\",\"user_id\":\"u-1\",\"name\":\"BTC\",\"currency\":"
                + "\"BTC\",\"status\":\"ACTIVE\",\"balance\":\"" + balance + "\",\"pending_balance\":\"" + pending
                + "\"},\"meta\":{\"trace_id\":\"t-4\"}}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
