package com.sovera.console.api;

import static com.sovera.console.api.MockSovx.envelope;
import static com.sovera.console.api.MockSovx.json;
import static com.sovera.console.api.MockSovx.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.contract.ContractTap;
import java.math.BigDecimal;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint on the wire: method, path, query, headers per audience, body, and the answer's parsing. */
class SovxApiWireTest {

    private static final String SESSION = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.session";
    private static final String OWNER_KEY = "uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H";
    private static final String USER_TOKEN = "sxu_user-token-value";
    private static final String USER_ID = "f4057807-52cf-4083-9ecb-283ef354fb2b";
    private static final String WALLET_ID = "0b9d3f3e-1f7a-4c55-9a4e-2f0c1d7e8a90";

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
        api = client.api();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        assertThat(contract.exchanges()).as("requests held to docs/openapi.yaml").isPositive();
        contract.assertClean();
    }

    private void signIn() {
        client.credentials().useSession(new Session(SESSION, Instant.parse("2030-01-01T00:00:00Z")));
        client.credentials().useOwnerKey(OWNER_KEY);
        client.credentials().useUserToken(new Session(USER_TOKEN, Instant.parse("2030-01-01T00:00:00Z")));
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest();
    }

    @Test
    void healthAcceptsTheGuidesBareShapeAndTheEnvelope() throws Exception {
        server.enqueue(json(200, "{\"status\":\"ok\",\"timestamp\":\"2026-03-12T00:00:00.000Z\",\"uptime\":123456}"));
        server.enqueue(json(200, envelope("{\"status\":\"ok\",\"timestamp\":\"2026-03-12T00:00:00.000Z\","
                + "\"uptime\":7}")));

        Health bare = api.health().execute();
        Health wrapped = api.health().execute();

        assertThat(bare).isEqualTo(new Health("ok", Instant.parse("2026-03-12T00:00:00Z"), 123456L));
        assertThat(wrapped.uptime()).isEqualTo(7L);
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/sovx/v1/health");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("x-api-key")).isNull();
    }

    @Test
    void loginSendsEmailAndPasswordAndReadsBothShapes() throws Exception {
        server.enqueue(json(200, "{\"token\":\"t1\",\"expires\":\"2026-03-12T01:00:00.000Z\"}"));
        server.enqueue(json(200, envelope("{\"token\":\"t2\",\"expires\":\"2026-03-12T01:00:00.000Z\"}")));

        Session first = api.login(new LoginRequest("ops@example.com", "pa55word!")).execute();
        Session second = api.login(new LoginRequest("ops@example.com", "pa55word!")).execute();

        assertThat(first.token()).isEqualTo("t1");
        assertThat(second.token()).isEqualTo("t2");
        assertThat(first.expires()).isEqualTo(Instant.parse("2026-03-12T01:00:00Z"));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/sovx/v1/auth/login");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"email\":\"ops@example.com\",\"password\":\"pa55word!\"}");
        assertThat(request.getHeaders().get("Idempotency-Key")).as("login is not a create").isNull();
        assertThat(first.toString()).doesNotContain("t1");
    }

    @Test
    void customerEndpointsCarryTheSession() throws Exception {
        signIn();
        server.enqueue(json(201, envelope("{\"email\":\"ops@corp.example\",\"customer_id\":\"corp-redundant-firewall\","
                + "\"entity_name\":\"Hedge Fund e-commerce\"}")));
        server.enqueue(json(200, page("[{\"email\":\"a@b.co\",\"customer_id\":\"c-1\",\"entity_name\":\"E\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\"}]", 41, 1, 40)));
        server.enqueue(json(200, envelope("{\"email\":\"a@b.co\",\"customer_id\":\"c-1\",\"entity_name\":\"E\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\",\"updated_at\":\"2026-03-13T00:00:00.000Z\"}")));
        server.enqueue(json(201, envelope("{\"customer_id\":\"corp-redundant-firewall\","
                + "\"customer_secret\":\"uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H\"}")));
        server.enqueue(json(200, envelope("{}")));

        Customer created = api.createCustomer(new NewCustomer("ops@corp.example", "corp-redundant-firewall",
                "Hedge Fund e-commerce"), "key-1").execute();
        Page<Customer> listed = api.listCustomers(Filter.page(1, 40).sort("created_at", Filter.Direction.DESC)
                .asQuery()).execute();
        Customer one = api.getCustomer("c-1").execute();
        CustomerCredentials minted = api.createCredentials("corp-redundant-firewall", null).execute();
        api.logout().execute();

        assertThat(created.customerId()).isEqualTo("corp-redundant-firewall");
        assertThat(listed.rows()).extracting(Customer::customerId).containsExactly("c-1");
        assertThat(listed.total()).isEqualTo(41L);
        assertThat(listed.limit()).isEqualTo(1);
        assertThat(listed.skip()).isEqualTo(40);
        assertThat(one.updatedAt()).isEqualTo(Instant.parse("2026-03-13T00:00:00Z"));
        assertThat(minted.customerSecret()).isEqualTo("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H");
        assertThat(minted.toString()).doesNotContain("uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H");

        RecordedRequest create = take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getTarget()).isEqualTo("/sovx/v1/customers");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
        assertThat(create.getHeaders().get("x-api-key")).isNull();
        assertThat(create.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
        assertThat(create.getBody().utf8()).isEqualTo("{\"email\":\"ops@corp.example\","
                + "\"customer_id\":\"corp-redundant-firewall\",\"entity_name\":\"Hedge Fund e-commerce\"}");
        RecordedRequest list = take();
        assertThat(list.getTarget()).isEqualTo("/sovx/v1/customers?filter%5Blimit%5D=1&filter%5Bskip%5D=40"
                + "&filter%5Bsort%5D=created_at%20DESC");
        assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/customers/c-1");
        RecordedRequest mint = take();
        assertThat(mint.getMethod()).isEqualTo("POST");
        assertThat(mint.getTarget()).isEqualTo("/sovx/v1/customers/corp-redundant-firewall/credentials");
        assertThat(mint.getHeaders().get("Idempotency-Key")).as("a create always carries a key").isNotBlank();
        RecordedRequest logout = take();
        assertThat(logout.getMethod()).isEqualTo("POST");
        assertThat(logout.getTarget()).isEqualTo("/sovx/v1/auth/logout");
        assertThat(logout.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
    }

    @Test
    void userEndpointsCarryTheOwnerKeyAndNoSession() throws Exception {
        signIn();
        server.enqueue(json(201, envelope("{\"user_id\":\"" + USER_ID + "\",\"email\":\"john@example.com\","
                + "\"user_type\":\"individual\",\"status\":\"active\",\"created_at\":\"2026-03-12T00:00:00.000Z\"}")));
        server.enqueue(json(200, page("[{\"user_id\":\"" + USER_ID + "\",\"status\":\"KYC_REVIEW\"}]", 1, 20, 0)));
        server.enqueue(json(200, envelope("{\"user_id\":\"" + USER_ID + "\",\"first_name\":\"John\","
                + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\",\"phone\":\"+1234567890\"}")));

        User created = api.createUser(new NewUser("individual", "john@example.com", "John", "Doe", "+1234567890",
                "1990-01-01", "US"), null).execute();
        Page<User> users = api.listUsers(Filter.none().where("status", "ACTIVE").contains("email", "j+1@ex")
                .asQuery()).execute();
        User one = api.getUser(USER_ID).execute();

        assertThat(created.status()).isEqualTo(Status.ACTIVE).as("statuses compare case-insensitively");
        assertThat(users.rows().get(0).status().value()).as("an unknown status is kept").isEqualTo("KYC_REVIEW");
        assertThat(one.firstName()).isEqualTo("John");
        RecordedRequest create = take();
        assertThat(create.getTarget()).isEqualTo("/sovx/v1/users");
        assertThat(create.getHeaders().get("x-api-key")).isEqualTo(OWNER_KEY);
        assertThat(create.getHeaders().get("Authorization")).isNull();
        assertThat(create.getBody().utf8()).isEqualTo("{\"user_type\":\"individual\",\"email\":\"john@example.com\","
                + "\"first_name\":\"John\",\"last_name\":\"Doe\",\"phone\":\"+1234567890\","
                + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/users?filter%5Bwhere%5D%5Bstatus%5D=ACTIVE"
                + "&filter%5Bwhere%5D%5Bemail%5D%5Blike%5D=%25j%2B1%40ex%25");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/users/" + USER_ID);
    }

    @Test
    void aLikeTotalFlaggedAsAnEstimateIsReadSoAndAnyOtherAsExact() throws Exception {
        signIn();
        String rows = "[{\"user_id\":\"" + USER_ID + "\"}]";
        server.enqueue(json(200, page(rows, 1234, 20, 0).replace("\"total\":1234",
                "\"total\":1234,\"total_estimated\":true")));
        server.enqueue(json(200, page(rows, 1, 20, 0)));

        Page<User> estimated = api.listUsers(Filter.none().contains("email", "ada").asQuery()).execute();
        Page<User> exact = api.listUsers(Filter.none().asQuery()).execute();

        assertThat(estimated.total()).isEqualTo(1234L);
        assertThat(estimated.totalEstimated()).isTrue();
        assertThat(exact.totalEstimated()).as("absent: exact").isFalse();
    }

    @Test
    void walletAndAddressEndpoints() throws Exception {
        signIn();
        String wallet = "{\"wallet_id\":\"" + WALLET_ID + "\",\"user_id\":\"" + USER_ID + "\",\"name\":\"My BTC Wallet\","
                + "\"currency\":\"BTC\",\"status\":\"ACTIVE\",\"balance\":\"0.12345678\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\",\"updated_at\":\"2026-03-12T00:00:00.000Z\"}";
        String address = "{\"address_id\":\"a-1\",\"wallet_id\":\"" + WALLET_ID + "\",\"currency\":\"BTC\","
                + "\"network\":\"bitcoin-testnet\",\"address\":\"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\"}";
        server.enqueue(json(201, envelope(wallet)));
        server.enqueue(json(200, page("[" + wallet + "]", 1, 20, 0)));
        server.enqueue(json(200, page("[" + wallet + "]", 1, 20, 0)));
        server.enqueue(json(200, envelope(wallet)));
        server.enqueue(json(201, envelope(address)));
        server.enqueue(json(200, page("[" + address + "]", 1, 20, 0)));
        server.enqueue(json(200, page("[" + address + "]", 1, 20, 0)));

        Wallet created = api.createWallet(USER_ID, new NewWallet("My BTC Wallet", "BTC"), "w-key").execute();
        api.listUserWallets(USER_ID, Filter.none().asQuery()).execute();
        api.listWallets(Filter.none().where("currency", "BTC").asQuery()).execute();
        api.getWallet(WALLET_ID).execute();
        DepositAddress minted = api.createAddress(WALLET_ID, new NewAddress("btc", "bitcoin-testnet"), "a-key")
                .execute();
        Page<DepositAddress> ofWallet = api.listWalletAddresses(WALLET_ID, Filter.none().asQuery()).execute();
        api.listAddresses(Filter.none().where("address", minted.address()).asQuery()).execute();

        assertThat(created.balance()).isEqualByComparingTo(new BigDecimal("0.12345678"));
        assertThat(created.balance().toPlainString()).isEqualTo("0.12345678");
        assertThat(minted.address()).isEqualTo("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
        assertThat(ofWallet.rows()).hasSize(1);

        RecordedRequest create = take();
        assertThat(create.getTarget()).isEqualTo("/sovx/v1/users/" + USER_ID + "/wallets");
        assertThat(create.getBody().utf8()).isEqualTo("{\"name\":\"My BTC Wallet\",\"currency\":\"BTC\"}");
        assertThat(create.getHeaders().get("Idempotency-Key")).isEqualTo("w-key");
        assertThat(create.getHeaders().get("x-api-key")).isEqualTo(OWNER_KEY);
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/users/" + USER_ID + "/wallets");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/wallets?filter%5Bwhere%5D%5Bcurrency%5D=BTC");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/wallets/" + WALLET_ID);
        RecordedRequest addressRequest = take();
        assertThat(addressRequest.getTarget()).isEqualTo("/sovx/v1/wallets/" + WALLET_ID + "/address");
        assertThat(addressRequest.getBody().utf8()).isEqualTo("{\"currency\":\"btc\",\"network\":\"bitcoin-testnet\"}");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/wallets/" + WALLET_ID + "/addresses");
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/addresses?filter%5Bwhere%5D%5Baddress%5D="
                + "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    }

    @Test
    void userTokenEndpoints() throws Exception {
        signIn();
        server.enqueue(json(201, envelope("{\"token\":\"sxu_new\",\"expires\":\"2026-03-12T01:00:00.000Z\"}")));
        server.enqueue(json(200, envelope("{\"user_id\":\"" + USER_ID + "\"}")));
        server.enqueue(json(200, page("[]", 0, 20, 0)));

        Session token = api.createUserToken("corp-1", USER_ID, null).execute();
        api.me().execute();
        Page<Wallet> mine = api.myWallets(Filter.none().asQuery()).execute();

        assertThat(token.token()).isEqualTo("sxu_new");
        assertThat(mine.rows()).isEmpty();
        assertThat(mine.total()).isZero();
        RecordedRequest mint = take();
        assertThat(mint.getTarget()).isEqualTo("/sovx/v1/customers/corp-1/users/" + USER_ID + "/token");
        assertThat(mint.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
        RecordedRequest me = take();
        assertThat(me.getTarget()).isEqualTo("/sovx/v1/me");
        assertThat(me.getHeaders().get("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
        assertThat(me.getHeaders().get("x-api-key")).isNull();
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/me/wallets");
    }

    @Test
    void ownerKeysAreListedAndRevokedWithTheSession() throws Exception {
        signIn();
        String key = "{\"key_id\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"last_four\":\"xa8H\","
                + "\"created_at\":\"2026-03-12T00:00:00.000Z\"";
        server.enqueue(json(200, page("[" + key + "}]", 1, 20, 0)));
        server.enqueue(json(200, envelope(key + ",\"revoked_at\":\"2026-03-13T00:00:00.000Z\"}")));
        server.enqueue(json(201, envelope("{\"customer_id\":\"corp-1\",\"customer_secret\":\"" + OWNER_KEY
                + "\",\"key_id\":\"6f1c2d3e-0000-4000-8000-000000000002\"}")));

        Page<OwnerKey> keys = api.listCredentials("corp-1", Filter.none().sort("created_at", Filter.Direction.DESC)
                .asQuery()).execute();
        OwnerKey revoked = api.revokeCredential("corp-1", "6f1c2d3e-0000-4000-8000-000000000001").execute();
        CustomerCredentials minted = api.createCredentials("corp-1", null).execute();

        assertThat(keys.rows()).singleElement().satisfies(k -> {
            assertThat(k.lastFour()).isEqualTo("xa8H");
            assertThat(k.isRevoked()).isFalse();
            assertThat(k.lastUsedAt()).isNull();
        });
        assertThat(revoked.revokedAt()).isEqualTo(Instant.parse("2026-03-13T00:00:00Z"));
        assertThat(minted.keyId()).isEqualTo("6f1c2d3e-0000-4000-8000-000000000002");
        RecordedRequest list = take();
        assertThat(list.getMethod()).isEqualTo("GET");
        assertThat(list.getTarget()).isEqualTo("/sovx/v1/customers/corp-1/credentials?filter%5Bsort%5D=created_at%20DESC");
        assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
        assertThat(list.getHeaders().get("x-api-key")).isNull();
        RecordedRequest revoke = take();
        assertThat(revoke.getMethod()).isEqualTo("DELETE");
        assertThat(revoke.getTarget()).isEqualTo("/sovx/v1/customers/corp-1/credentials/"
                + "6f1c2d3e-0000-4000-8000-000000000001");
        assertThat(revoke.getHeaders().get("Authorization")).isEqualTo("Bearer " + SESSION);
        assertThat(revoke.getHeaders().get("Idempotency-Key")).as("a revocation repeats safely without one").isNull();
    }

    @Test
    void aServerWithoutKeyRecordsAnswersWithAnApiExceptionOfItsStatus() {
        signIn();
        server.enqueue(json(404, MockSovx.error("NOT_FOUND", "There is no endpoint at this path.", null)));
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(405).setHeader("Allow", "POST")
                .setHeader("Content-Type", "text/html").body("<h1>405 Method Not Allowed</h1>").build());

        ApiException notFound = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> api.listCredentials("corp-1", Filter.none().asQuery()).execute());
        ApiException notAllowed = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> api.revokeCredential("corp-1", "k-1").execute());

        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("NOT_FOUND");
        assertThat(notAllowed.httpStatus()).isEqualTo(405);
    }

    @Test
    void pathParametersAreEncodedNotInterpreted() throws Exception {
        signIn();
        server.enqueue(json(404, MockSovx.error("NOT_FOUND", "user was not found", null)));
        try {
            api.getUser("../customers?x=1").execute();
        } catch (ApiException expected) {
            // the answer does not matter here
        }
        assertThat(take().getTarget()).isEqualTo("/sovx/v1/users/..%2Fcustomers%3Fx=1");
    }
}
