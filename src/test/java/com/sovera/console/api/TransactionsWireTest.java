package com.sovera.console.api;

import static com.sovera.console.api.MockSovx.envelope;
import static com.sovera.console.api.MockSovx.json;
import static com.sovera.console.api.MockSovx.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.model.MinedBlocks;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.contract.ContractTap;
import java.time.Instant;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction and sandbox-only endpoints on the wire: requests held to docs/openapi.yaml, answers read
 * exactly, and a server that does not offer them (404 or 405, enveloped or not) read as "not offered".
 */
class TransactionsWireTest {

    private static final String OWNER_KEY = "uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H";
    private static final String WALLET_ID = "0b9d3f3e-1f7a-4c55-9a4e-2f0c1d7e8a90";
    private static final String TX_ID = "6f1c2d3e-0000-4000-8000-0000000000aa";
    private static final String HASH = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    private static final String DEPOSIT = "{\"transaction_id\":\"" + TX_ID + "\",\"wallet_id\":\"" + WALLET_ID + "\","
            + "\"address\":\"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx\",\"currency\":\"BTC\",\"network\":"
            + "\"bitcoin-testnet\",\"direction\":\"DEPOSIT\",\"amount\":\"0.00150000000000000001\",\"tx_hash\":\""
            + HASH + "\",\"confirmations\":1,\"required_confirmations\":3,\"status\":\"PENDING\",\"created_at\":"
            + "\"2026-03-12T00:00:00.000Z\",\"updated_at\":\"2026-03-12T00:00:00.000Z\"}";

    private MockWebServer server;
    private SovxClient client;
    private SovxApi api;
    private ContractTap contract;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        contract = MockSovx.checkRequests(server);
        server.start();
        client = MockSovx.client(server, RetryPolicy.NONE);
        client.credentials().useSession(new Session("session-token", Instant.parse("2030-01-01T00:00:00Z")));
        client.credentials().useOwnerKey(OWNER_KEY);
        api = client.api();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        assertThat(contract.exchanges()).as("requests held to docs/openapi.yaml").isPositive();
        contract.assertClean();
    }

    @Test
    void transactionsAreReadWithTheOwnerKeyAndTheirAmountsExactly() throws Exception {
        server.enqueue(json(200, page("[" + DEPOSIT + "]", 1, 20, 0)));
        server.enqueue(json(200, page("[" + DEPOSIT + "]", 1, 20, 0)));
        server.enqueue(json(200, envelope(DEPOSIT.replace("\"PENDING\"", "\"completed\""))));

        Page<Transaction> ofWallet = api.listWalletTransactions(WALLET_ID, Filter.none()
                .sort("amount", Filter.Direction.DESC).asQuery()).execute();
        api.listTransactions(Filter.none().where("tx_hash", HASH).where("status", "PENDING").asQuery()).execute();
        Transaction one = api.getTransaction(TX_ID).execute();

        Transaction row = ofWallet.rows().get(0);
        assertThat(row.amount().toPlainString()).as("exact, past a double's digits").isEqualTo("0.00150000000000000001");
        assertThat(row.confirmations()).isEqualTo(1L);
        assertThat(row.requiredConfirmations()).isEqualTo(3);
        assertThat(row.isCompleted()).isFalse();
        assertThat(row.txHash()).isEqualTo(HASH);
        assertThat(one.status()).isEqualTo(Status.COMPLETED);
        assertThat(one.isCompleted()).as("statuses compare in any case").isTrue();

        RecordedRequest list = server.takeRequest();
        assertThat(list.getTarget()).isEqualTo("/sovx/v1/wallets/" + WALLET_ID + "/transactions?filter%5Bsort%5D="
                + "amount%20DESC");
        assertThat(list.getHeaders().get("x-api-key")).isEqualTo(OWNER_KEY);
        assertThat(list.getHeaders().get("Authorization")).isNull();
        assertThat(server.takeRequest().getTarget()).startsWith("/sovx/v1/transactions?")
                .contains("filter%5Bwhere%5D%5Btx_hash%5D=" + HASH);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/sovx/v1/transactions/" + TX_ID);
    }

    @Test
    void aSimulatedDepositAndMinedBlocksCarryTheOwnerKeyAndAnIdempotencyKey() throws Exception {
        server.enqueue(json(201, envelope(DEPOSIT)));
        server.enqueue(json(200, envelope("{\"mined\":3,\"height\":1003}")));

        Transaction made = api.simulateDeposit(new NewDeposit("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "0.0015"),
                "dep-1").execute();
        MinedBlocks mined = api.mineBlocks(new NewBlocks(3), null).execute();

        assertThat(made.transactionId()).isEqualTo(TX_ID);
        assertThat(mined.height()).isEqualTo(1003L);
        RecordedRequest deposit = server.takeRequest();
        assertThat(deposit.getMethod()).isEqualTo("POST");
        assertThat(deposit.getTarget()).isEqualTo("/sovx/v1/sandbox/deposits");
        assertThat(deposit.getBody().utf8()).as("the amount as a string, never a JSON number")
                .isEqualTo("{\"address\":\"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx\",\"amount\":\"0.0015\"}");
        assertThat(deposit.getHeaders().get("Idempotency-Key")).isEqualTo("dep-1");
        assertThat(deposit.getHeaders().get("x-api-key")).isEqualTo(OWNER_KEY);
        RecordedRequest blocks = server.takeRequest();
        assertThat(blocks.getBody().utf8()).isEqualTo("{\"count\":3}");
        assertThat(blocks.getHeaders().get("Idempotency-Key")).as("a fresh one: a retry never mines twice").isNotBlank();
    }

    @Test
    void aWalletsPendingBalanceIsReadAndItsAbsenceIsNull() throws Exception {
        String wallet = "{\"wallet_id\":\"" + WALLET_ID + "\",\"user_id\":\"f4057807-52cf-4083-9ecb-283ef354fb2b\","
                + "\"name\":\"W\",\"currency\":\"ETH\",\"status\":\"ACTIVE\",\"balance\":\"1.000000000000000001\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\",\"updated_at\":\"2026-03-12T00:00:00.000Z\"";
        server.enqueue(json(200, envelope(wallet + ",\"pending_balance\":\"0.000000000000000002\"}")));
        server.enqueue(json(200, envelope(wallet + "}")));

        Wallet sandbox = api.getWallet(WALLET_ID).execute();
        Wallet elsewhere = api.getWallet(WALLET_ID).execute();

        assertThat(sandbox.pendingBalance().toPlainString()).isEqualTo("0.000000000000000002");
        assertThat(sandbox.balance().toPlainString()).isEqualTo("1.000000000000000001");
        assertThat(elsewhere.pendingBalance()).as("a server that does not report it").isNull();
    }

    @Test
    void aServerWithoutThemAnswers404Or405AndTheyAreNotOffered() {
        server.enqueue(json(404, MockSovx.error("NOT_FOUND", "There is no endpoint at this path.", null)));
        server.enqueue(new MockResponse.Builder().code(405).setHeader("Allow", "GET")
                .setHeader("Content-Type", "text/html").body("<h1>405 Method Not Allowed</h1>").build());
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                .body("<html>Not Found</html>").build());
        server.enqueue(json(404, MockSovx.error("NOT_FOUND", "There is no endpoint at this path.", null)));
        server.enqueue(json(400, MockSovx.error("VALIDATION_ERROR", "amount must be greater than zero", "amount")));

        assertThat(refused(() -> api.listWalletTransactions(WALLET_ID, Filter.none().asQuery())).isNotOffered())
                .isTrue();
        ApiException notAllowed = refused(() -> api.simulateDeposit(new NewDeposit("tb1q", "1"), null));
        assertThat(notAllowed.httpStatus()).isEqualTo(405);
        assertThat(notAllowed.isNotOffered()).isTrue();
        assertThat(ApiException.isNotOffered(refused(() -> api.mineBlocks(new NewBlocks(1), null)))).isTrue();
        assertThat(refused(() -> api.listTransactions(Filter.none().asQuery())).isNotOffered()).isTrue();
        ApiException badAmount = refused(() -> api.simulateDeposit(new NewDeposit("tb1q", "1"), null));
        assertThat(badAmount.isNotOffered()).as("a refusal is not an absence").isFalse();
        assertThat(badAmount.field()).isEqualTo("amount");
    }

    private static ApiException refused(Supplier<ApiCall<?>> call) {
        return catchThrowableOfType(ApiException.class, () -> call.get().execute());
    }
}
