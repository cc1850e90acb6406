package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.Sandbox.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.Wallet;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated deposits and blocks over HTTP against the real sandbox: statuses and confirmations as simulated time
 * passes (a clock moved by the test, never a sleep), balances, tenants, audiences, bad amounts, idempotent
 * replays and restarts. Every answer is held to docs/openapi.yaml by the {@link Sandbox} helper.
 *
 * <p>One sandbox serves the tests (each with customers of its own), but for the restart's. Every test moves the
 * clock by whole blocks, so each begins on a block's edge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositsTest {

    private static final Duration BLOCK = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(SandboxConfig.inMemory().withDemoUsers(40).withClock(clock).withBlockPeriod(BLOCK));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    /** A customer of its own: a client with its owner key, the key itself for raw requests, one funded address. */
    private record Customer(SovxClient client, String key, Wallet wallet, DepositAddress address) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    private static Customer customer(Sandbox sandbox, String currency, String network) {
        SovxClient client = sandbox.signedIn();
        String id = Sandbox.uniqueId();
        client.api().createCustomer(new NewCustomer("ops@" + id + ".example", id, "Entity " + id), null).execute();
        String key = client.api().createCredentials(id, null).execute().customerSecret();
        client.credentials().useOwnerKey(key);
        String userId = client.api().createUser(user("holder@" + id + ".example"), null).execute().userId();
        Wallet wallet = client.api().createWallet(userId, new NewWallet("W", currency), null).execute();
        DepositAddress address = client.api().createAddress(wallet.walletId(), new NewAddress(currency, network), null)
                .execute();
        return new Customer(client, key, wallet, address);
    }

    private static ApiException refused(Supplier<ApiCall<?>> call) {
        return catchThrowableOfType(ApiException.class, () -> call.get().execute());
    }

    @Test
    void aBitcoinDepositIsPendingUntilThreeBlocksThenCompletedAndItsAmountMovesToTheBalance() {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            var api = c.client().api();
            Transaction made = api.simulateDeposit(new NewDeposit(c.address().address(), "0.0015"), null).execute();
            assertThat(made.status()).isEqualTo(Status.PENDING);
            assertThat(made.confirmations()).isZero();
            assertThat(made.requiredConfirmations()).isEqualTo(3);
            assertThat(made.direction()).isEqualTo("DEPOSIT");
            assertThat(made.amount().toPlainString()).isEqualTo("0.0015");
            assertThat(made.txHash()).matches("[0-9a-f]{64}");
            assertThat(made.address()).isEqualTo(c.address().address());
            assertThat(made.walletId()).isEqualTo(c.wallet().walletId());
            assertThat(made.currency()).isEqualTo("BTC");
            assertThat(made.network()).isEqualTo("bitcoin-testnet");
            Wallet waiting = api.getWallet(c.wallet().walletId()).execute();
            assertThat(waiting.balance()).isZero();
            assertThat(waiting.pendingBalance().toPlainString()).isEqualTo("0.0015");

            clock.advance(BLOCK.minusMillis(1));
            assertThat(api.getTransaction(made.transactionId()).execute().confirmations()).as("not a block yet").isZero();
            clock.advance(Duration.ofMillis(1));
            Transaction one = api.getTransaction(made.transactionId()).execute();
            assertThat(one.confirmations()).isEqualTo(1);
            assertThat(one.status()).isEqualTo(Status.PENDING);

            clock.advance(BLOCK.multipliedBy(2));
            Transaction done = api.getTransaction(made.transactionId()).execute();
            assertThat(done.confirmations()).isEqualTo(3);
            assertThat(done.status()).isEqualTo(Status.COMPLETED);
            assertThat(done.updatedAt()).as("when the third block was mined").isEqualTo(made.createdAt().plus(BLOCK
                    .multipliedBy(3)));
            Wallet funded = api.getWallet(c.wallet().walletId()).execute();
            assertThat(funded.balance().toPlainString()).isEqualTo("0.0015");
            assertThat(funded.pendingBalance()).isZero();

            clock.advance(BLOCK.multipliedBy(10));
            Transaction later = api.getTransaction(made.transactionId()).execute();
            assertThat(later.confirmations()).as("it keeps counting past the required three").isEqualTo(13);
            assertThat(later.status()).isEqualTo(Status.COMPLETED);
            assertThat(api.getWallet(c.wallet().walletId()).execute().balance().toPlainString()).isEqualTo("0.0015");
        }
    }

    @Test
    void anEthereumDepositNeedsTwelveBlocksAndMinedBlocksCountAtOnce() {
        try (Customer eth = customer(sandbox, "ETH", "ethereum-sepolia");
             Customer usdc = customer(sandbox, "USDC", "ethereum-sepolia")) {
            Transaction wei = eth.client().api().simulateDeposit(new NewDeposit(eth.address().address(),
                    "0.000000000000000001"), null).execute();
            Transaction dollars = usdc.client().api().simulateDeposit(new NewDeposit(usdc.address().address()
                    .toLowerCase(), "123.456789"), null).execute();
            assertThat(wei.txHash()).matches("0x[0-9a-f]{64}");
            assertThat(wei.requiredConfirmations()).isEqualTo(12);
            assertThat(dollars.address()).as("the address as it was issued").isEqualTo(usdc.address().address());

            var mined = eth.client().api().mineBlocks(new NewBlocks(11), null).execute();
            assertThat(mined.mined()).isEqualTo(11);
            Transaction eleven = eth.client().api().getTransaction(wei.transactionId()).execute();
            assertThat(eleven.confirmations()).isEqualTo(11);
            assertThat(eleven.status()).isEqualTo(Status.PENDING);
            assertThat(eth.client().api().getWallet(eth.wallet().walletId()).execute().pendingBalance().toPlainString())
                    .isEqualTo("0.000000000000000001");

            assertThat(usdc.client().api().mineBlocks(new NewBlocks(1), null).execute().height())
                    .isEqualTo(mined.height() + 1);
            assertThat(eth.client().api().getTransaction(wei.transactionId()).execute().status())
                    .isEqualTo(Status.COMPLETED);
            Wallet ethWallet = eth.client().api().getWallet(eth.wallet().walletId()).execute();
            assertThat(ethWallet.balance().toPlainString()).isEqualTo("0.000000000000000001");
            assertThat(ethWallet.pendingBalance()).isZero();
            Wallet usdcWallet = usdc.client().api().listWallets(Filter.none().asQuery()).execute().rows().get(0);
            assertThat(usdcWallet.balance().toPlainString()).isEqualTo("123.456789");
        }
    }

    @Test
    void balancesAreExactSumsOfCompletedDepositsAndPendingOnesApart() {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            var api = c.client().api();
            String address = c.address().address();
            api.simulateDeposit(new NewDeposit(address, "0.1"), null).execute();
            api.simulateDeposit(new NewDeposit(address, "0.2"), null).execute();
            api.simulateDeposit(new NewDeposit(address, "99999999999999999999"), null).execute();
            api.simulateDeposit(new NewDeposit(address, "99999999999999999999.00000001"), null).execute();
            api.mineBlocks(new NewBlocks(3), null).execute();
            api.simulateDeposit(new NewDeposit(address, "0.00000001"), null).execute();
            Wallet w = api.getWallet(c.wallet().walletId()).execute();
            assertThat(w.balance().toPlainString()).as("0.1 + 0.2 exactly, and sums past 20 digits")
                    .isEqualTo("199999999999999999998.30000001");
            assertThat(w.pendingBalance().toPlainString()).isEqualTo("0.00000001");
        }
    }

    @Test
    void depositsMadeWhileBlocksAreMinedAllEndInTheBalanceExactlyOnce() throws Exception {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            var api = c.client().api();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            api.simulateDeposit(new NewDeposit(c.address().address(), "0.00000001"), null).execute();
                            api.getWallet(c.wallet().walletId()).execute();
                        }
                        return null;
                    }));
                }
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        api.mineBlocks(new NewBlocks(1), null).execute();
                        api.listTransactions(Filter.none().where("status", "PENDING").asQuery()).execute();
                    }
                    return null;
                }));
                for (var done : work) {
                    done.get(); // an ApiException (a 500 among them) fails the test here
                }
            } finally {
                pool.shutdown();
            }
            api.mineBlocks(new NewBlocks(3), null).execute();
            Wallet w = api.getWallet(c.wallet().walletId()).execute();
            assertThat(w.balance().toPlainString()).isEqualTo("0.0000006");
            assertThat(w.pendingBalance()).isZero();
            assertThat(api.listTransactions(Filter.none().where("status", "COMPLETED").asQuery()).execute().total())
                    .isEqualTo(60L);
        }
    }

    @Test
    void listsFilterByHashAddressWalletStatusAndCurrencyAndSortByAmount() {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            var api = c.client().api();
            String userId = c.wallet().userId();
            Wallet eth = api.createWallet(userId, new NewWallet("E", "ETH"), null).execute();
            DepositAddress ethAddress = api.createAddress(eth.walletId(), new NewAddress("ETH", "ethereum-sepolia"),
                    null).execute();
            Transaction small = api.simulateDeposit(new NewDeposit(c.address().address(), "0.5"), null).execute();
            Transaction big = api.simulateDeposit(new NewDeposit(c.address().address(), "2"), null).execute();
            api.mineBlocks(new NewBlocks(3), null).execute();
            Transaction ether = api.simulateDeposit(new NewDeposit(ethAddress.address(), "1.25"), null).execute();

            var all = api.listTransactions(Filter.none().asQuery()).execute();
            assertThat(all.total()).isEqualTo(3L);
            assertThat(all.rows()).extracting(Transaction::transactionId).as("oldest first")
                    .containsExactly(small.transactionId(), big.transactionId(), ether.transactionId());
            assertThat(api.listTransactions(Filter.none().sort("amount", Filter.Direction.DESC).asQuery()).execute()
                    .rows()).extracting(Transaction::transactionId)
                    .containsExactly(big.transactionId(), ether.transactionId(), small.transactionId());
            assertThat(api.listTransactions(Filter.none().where("tx_hash", big.txHash().toUpperCase()).asQuery())
                    .execute().rows()).extracting(Transaction::transactionId).containsExactly(big.transactionId());
            assertThat(api.listTransactions(Filter.none().where("address", ethAddress.address().toLowerCase())
                    .asQuery()).execute().rows()).extracting(Transaction::transactionId)
                    .containsExactly(ether.transactionId());
            assertThat(api.listTransactions(Filter.none().where("status", "completed").asQuery()).execute().rows())
                    .extracting(Transaction::transactionId).containsExactly(small.transactionId(), big.transactionId());
            assertThat(api.listTransactions(Filter.none().where("status", "PENDING").asQuery()).execute().total())
                    .isOne();
            assertThat(api.listTransactions(Filter.none().where("currency", "eth").asQuery()).execute().rows())
                    .extracting(Transaction::transactionId).containsExactly(ether.transactionId());
            assertThat(api.listTransactions(Filter.none().where("wallet_id", c.wallet().walletId()).asQuery())
                    .execute().total()).isEqualTo(2L);
            assertThat(api.listWalletTransactions(eth.walletId(), Filter.none().asQuery()).execute().rows())
                    .extracting(Transaction::transactionId).containsExactly(ether.transactionId());

            clock.advance(BLOCK.multipliedBy(12));
            assertThat(api.listTransactions(Filter.none().where("status", "PENDING").asQuery()).execute().total())
                    .as("a status filter follows the blocks").isZero();
            for (Filter bad : List.of(Filter.none().sort("tx_hash", Filter.Direction.ASC),
                    Filter.none().where("amount", "1"), Filter.none().like("address", "tb1%"))) {
                ApiException e = refused(() -> api.listTransactions(bad.asQuery()));
                assertThat(e.code()).as(bad.toString()).isEqualTo("VALIDATION_ERROR");
                assertThat(e.field()).as(bad.toString()).startsWith("filter[");
            }
        }
    }

    @Test
    void anAmountIsADecimalStringAboveZeroWithinItsAssetsDecimalsElse400NamingIt() throws Exception {
        try (Customer btc = customer(sandbox, "BTC", "bitcoin-testnet");
             Customer usdc = customer(sandbox, "USDC", "ethereum-sepolia")) {
            String b = btc.address().address();
            List<String> bad = List.of("0.0015", "1e3", "1E-3", "\"1e3\"", "\"-1\"", "\"+1\"", "\".5\"", "\"1.\"", "\"0\"",
                    "\"0.000\"", "\"00\"", "\"123456789012345678901\"", "\"0.000000001\"", "\"1.000000000\"", "\"\"",
                    "\" 1\"", "\"1 \"", "\"1,5\"", "\"0x10\"", "\"Infinity\"", "\"NaN\"", "\"\\uff11\"", "null", "true",
                    "[\"1\"]", "{}");
            for (String amount : bad) {
                HttpResponse<String> answer = sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + b
                        + "\",\"amount\":" + amount + "}", "x-api-key", btc.key(), "Content-Type", "application/json");
                assertThat(answer.statusCode()).as(amount).isEqualTo(400);
                assertThat(answer.body()).as(amount).contains("\"code\":\"VALIDATION_ERROR\"")
                        .contains("\"field\":\"amount\"");
            }
            HttpResponse<String> missing = sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + b + "\"}",
                    "x-api-key", btc.key(), "Content-Type", "application/json");
            assertThat(missing.body()).contains("\"field\":\"amount\"");
            String u = usdc.address().address();
            HttpResponse<String> sevenDecimals = sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + u
                    + "\",\"amount\":\"1.0000001\"}", "x-api-key", usdc.key(), "Content-Type", "application/json");
            assertThat(sevenDecimals.statusCode()).isEqualTo(400);
            assertThat(sevenDecimals.body()).contains("\"field\":\"amount\"");
            assertThat(btc.client().api().listTransactions(Filter.none().asQuery()).execute().total())
                    .as("nothing refused was recorded").isZero();

            for (String good : List.of("1", "0.00000001", "12345678901234567890", "007.5", "1.00000000")) {
                assertThat(sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + b + "\",\"amount\":\"" + good
                        + "\"}", "x-api-key", btc.key(), "Content-Type", "application/json").statusCode())
                        .as(good).isEqualTo(201);
            }
            assertThat(sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + u + "\",\"amount\":\"0.000001\"}",
                    "x-api-key", usdc.key(), "Content-Type", "application/json").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void blocksAreMinedOneToAThousandAtOnce() throws Exception {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            for (String count : List.of("0", "1001", "-1", "1.5", "\"5\"", "null", "true", "1e4")) {
                HttpResponse<String> answer = sandbox.send("POST", "/sandbox/blocks", "{\"count\":" + count + "}",
                        "x-api-key", c.key(), "Content-Type", "application/json");
                assertThat(answer.statusCode()).as(count).isEqualTo(400);
                assertThat(answer.body()).as(count).contains("\"field\":\"count\"");
            }
            long before = c.client().api().mineBlocks(new NewBlocks(1), null).execute().height();
            assertThat(c.client().api().mineBlocks(new NewBlocks(1000), null).execute().height())
                    .isEqualTo(before + 1000);
            HttpResponse<String> asDecimal = sandbox.send("POST", "/sandbox/blocks", "{\"count\":5.0}",
                    "x-api-key", c.key(), "Content-Type", "application/json");
            assertThat(asDecimal.statusCode()).as("5.0 is the integer 5 in JSON Schema").isEqualTo(200);
            assertThat(asDecimal.body()).contains("\"height\":" + (before + 1005));
        }
    }

    @Test
    void anotherCustomersWalletAddressAndTransactionAre404AndOtherAudiences403() throws Exception {
        try (Customer a = customer(sandbox, "BTC", "bitcoin-testnet");
             Customer b = customer(sandbox, "BTC", "bitcoin-testnet")) {
            Transaction ofA = a.client().api().simulateDeposit(new NewDeposit(a.address().address(), "1"), null)
                    .execute();
            var api = b.client().api();
            assertThat(refused(() -> api.getTransaction(ofA.transactionId())).httpStatus()).isEqualTo(404);
            assertThat(refused(() -> api.listWalletTransactions(a.wallet().walletId(), Filter.none().asQuery()))
                    .httpStatus()).isEqualTo(404);
            assertThat(refused(() -> api.simulateDeposit(new NewDeposit(a.address().address(), "1"), null))
                    .httpStatus()).isEqualTo(404);
            assertThat(refused(() -> api.getTransaction("not-a-uuid")).httpStatus()).isEqualTo(404);
            assertThat(api.listTransactions(Filter.none().where("tx_hash", ofA.txHash()).asQuery()).execute().total())
                    .isZero();
            assertThat(api.listTransactions(Filter.none().asQuery()).execute().total()).isZero();
            assertThat(a.client().api().getWallet(a.wallet().walletId()).execute().pendingBalance())
                    .as("b's refused deposit added nothing to a").isEqualByComparingTo("1");

            String session = "Bearer " + a.client().credentials().session().orElseThrow().token();
            String json = "{\"address\":\"" + a.address().address() + "\",\"amount\":\"1\"}";
            for (String[] call : new String[][] {{"GET", "/transactions"}, {"GET", "/transactions/" + ofA.transactionId()},
                {"GET", "/wallets/" + a.wallet().walletId() + "/transactions"}, {"POST", "/sandbox/deposits"},
                {"POST", "/sandbox/blocks"}}) {
                String body = call[0].equals("POST") ? (call[1].endsWith("blocks") ? "{\"count\":1}" : json) : null;
                assertThat(sandbox.send(call[0], call[1], body, "Authorization", session, "Content-Type",
                        "application/json").statusCode()).as("a session on " + call[1]).isEqualTo(403);
                assertThat(sandbox.send(call[0], call[1], body, "Content-Type", "application/json").statusCode())
                        .as("nothing on " + call[1]).isEqualTo(401);
                assertThat(sandbox.send(call[0], call[1], body, "x-api-key", a.key(), "Content-Type",
                        "application/json").statusCode()).as("the owner key on " + call[1]).isBetween(200, 201);
            }
        }
    }

    @Test
    void theSameIdempotencyKeyReplaysADepositAndABlockRunOnce() throws Exception {
        try (Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            var api = c.client().api();
            Transaction first = api.simulateDeposit(new NewDeposit(c.address().address(), "0.25"), "dep-1").execute();
            Transaction again = api.simulateDeposit(new NewDeposit(c.address().address(), "0.25"), "dep-1").execute();
            assertThat(again.transactionId()).isEqualTo(first.transactionId());
            assertThat(api.getWallet(c.wallet().walletId()).execute().pendingBalance().toPlainString())
                    .as("counted once").isEqualTo("0.25");
            ApiException reused = refused(() -> api.simulateDeposit(new NewDeposit(c.address().address(), "0.5"),
                    "dep-1"));
            assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

            long height = api.mineBlocks(new NewBlocks(2), "mine-1").execute().height();
            assertThat(api.mineBlocks(new NewBlocks(2), "mine-1").execute().height()).isEqualTo(height);
            assertThat(api.getTransaction(first.transactionId()).execute().confirmations()).isEqualTo(2);
        }
    }

    @Test
    void depositsAndTheChainSurviveARestartAndNoBlockIsMinedWhileStopped(@TempDir Path dir) {
        MutableClock clock = new MutableClock();
        SandboxConfig config = SandboxConfig.stored(dir).withDemoUsers(0).withClock(clock).withBlockPeriod(BLOCK);
        String key;
        String transactionId;
        String walletId;
        try (Sandbox sandbox = new Sandbox(config); Customer c = customer(sandbox, "BTC", "bitcoin-testnet")) {
            key = c.key();
            walletId = c.wallet().walletId();
            transactionId = c.client().api().simulateDeposit(new NewDeposit(c.address().address(), "0.3"), null)
                    .execute().transactionId();
            c.client().api().mineBlocks(new NewBlocks(1), null).execute();
            clock.advance(BLOCK); // due, not yet asked for: kept when the sandbox stops
        }
        clock.advance(Duration.ofHours(1));
        try (Sandbox sandbox = new Sandbox(config); SovxClient client = sandbox.client()) {
            client.credentials().useOwnerKey(key);
            Transaction kept = client.api().getTransaction(transactionId).execute();
            assertThat(kept.confirmations()).as("two blocks, none for the hour it was stopped").isEqualTo(2);
            assertThat(kept.status()).isEqualTo(Status.PENDING);
            assertThat(client.api().getWallet(walletId).execute().pendingBalance().toPlainString()).isEqualTo("0.3");
            clock.advance(BLOCK);
            assertThat(client.api().getTransaction(transactionId).execute().status()).isEqualTo(Status.COMPLETED);
            assertThat(client.api().getWallet(walletId).execute().balance().toPlainString()).isEqualTo("0.3");
        }
    }

    @Test
    void theDemoWalletsBalancesAreSumsOfTheirSeededCompletedDeposits() {
        try (SovxClient client = sandbox.client()) {
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            List<Wallet> wallets = client.api().listWallets(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(wallets).hasSizeGreaterThan(20);
            for (Wallet w : wallets) {
                List<Transaction> deposits = client.api().listWalletTransactions(w.walletId(), Filter.page(100, 0)
                        .asQuery()).execute().rows();
                assertThat(deposits).as(w.name()).allMatch(Transaction::isCompleted);
                assertThat(deposits.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(w.name()).isEqualByComparingTo(w.balance());
                assertThat(w.pendingBalance()).isZero();
            }
            assertThat(client.api().listTransactions(Filter.none().asQuery()).execute().total())
                    .isGreaterThanOrEqualTo(wallets.size());
        }
    }
}
