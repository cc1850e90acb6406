package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.Sandbox.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session expiry, rate limits, idempotent replay, persistence and the demo data. */
class SandboxBehaviourTest {

    @Test
    void anExpiredSessionIsTokenExpired() {
        MutableClock clock = new MutableClock();
        try (Sandbox sandbox = new Sandbox(SandboxConfig.inMemory().withDemoUsers(0).withClock(clock)
                .withSessionTtl(Duration.ofMinutes(10)));
             SovxClient client = sandbox.signedIn()) {
            assertThat(client.api().listCustomers(Filter.none().asQuery()).execute().total()).isOne();
            clock.advance(Duration.ofMinutes(11));
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> client.api().listCustomers(Filter.none().asQuery()).execute());
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("TOKEN_EXPIRED");
            assertThat(client.credentials().session().orElseThrow().isExpired(clock)).isTrue();
        }
    }

    @Test
    void overTheRateLimitIs429WithRetryAfterAndHeaders() throws Exception {
        try (Sandbox sandbox = new Sandbox(SandboxConfig.inMemory().withDemoUsers(0).withRateLimit(3))) {
            String key = sandbox.server.demo().ownerKey();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = sandbox.send("GET", "/users", null, "x-api-key", key);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
                assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
                assertThat(ok.headers().firstValue("X-RateLimit-Reset")).isPresent();
            }
            HttpResponse<String> limited = sandbox.send("GET", "/users", null, "x-api-key", key);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            // another credential has its own budget
            assertThat(sandbox.send("GET", "/health", null).statusCode()).isEqualTo(200);

            try (SovxClient client = sandbox.client()) {
                client.credentials().useOwnerKey(key);
                ApiException e = catchThrowableOfType(ApiException.class,
                        () -> client.api().listUsers(Filter.none().asQuery()).execute());
                assertThat(e.code()).isEqualTo("RATE_LIMITED");
                assertThat(e.rateLimit().retryAfter()).isPositive();
                assertThat(e.rateLimit().remaining()).isZero();
            }
        }
    }

    @Test
    void theSameIdempotencyKeyReplaysAndADifferentBodyIsRefused() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0); SovxClient client = sandbox.newCustomer(Sandbox.uniqueId())) {
            User first = client.api().createUser(user("once@x.example"), "key-1").execute();
            User again = client.api().createUser(user("once@x.example"), "key-1").execute();
            assertThat(again.userId()).isEqualTo(first.userId());
            assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();

            ApiException reused = catchThrowableOfType(ApiException.class,
                    () -> client.api().createUser(user("other@x.example"), "key-1").execute());
            assertThat(reused.httpStatus()).isEqualTo(422);
            assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

            Wallet w = client.api().createWallet(first.userId(), new NewWallet("W", "BTC"), "key-2").execute();
            assertThat(client.api().createWallet(first.userId(), new NewWallet("W", "BTC"), "key-2").execute()
                    .walletId()).isEqualTo(w.walletId());
            assertThat(client.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
        }
    }

    @Test
    void aRememberedTotalFollowsEveryCreate() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0); SovxClient client = sandbox.newCustomer(Sandbox.uniqueId())) {
            for (int i = 1; i <= 3; i++) {
                assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total()).isEqualTo(i - 1L);
                assertThat(client.api().listUsers(Filter.none().where("country", "US").asQuery()).execute().total())
                        .isEqualTo(i - 1L);
                User u = client.api().createUser(user("count" + i + "@x.example"), null).execute();
                assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total()).isEqualTo(i);
                assertThat(client.api().listUsers(Filter.none().where("country", "US").asQuery()).execute().total())
                        .isEqualTo(i);
                assertThat(client.api().listWallets(Filter.none().asQuery()).execute().total()).isEqualTo(i - 1L);
                client.api().createWallet(u.userId(), new NewWallet("W" + i, "ETH"), null).execute();
                assertThat(client.api().listWallets(Filter.none().asQuery()).execute().total()).isEqualTo(i);
            }
        }
    }

    @Test
    void aReplayIsMarkedReplayed() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0)) {
            String key = sandbox.server.demo().ownerKey();
            String body = "{\"user_type\":\"individual\",\"email\":\"r@x.example\",\"first_name\":\"R\","
                    + "\"last_name\":\"X\",\"phone\":\"+12345678901\",\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}";
            HttpResponse<String> first = sandbox.send("POST", "/users", body, "x-api-key", key,
                    "Content-Type", "application/json", "Idempotency-Key", "replay-1");
            HttpResponse<String> second = sandbox.send("POST", "/users", body, "x-api-key", key,
                    "Content-Type", "application/json", "Idempotency-Key", "replay-1");
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    @Test
    void dataSurvivesARestartOnTheSameFile(@TempDir Path dir) {
        String customerId = Sandbox.uniqueId();
        String userId;
        String walletId;
        String address;
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(dir).withDemoUsers(20));
             SovxClient client = sandbox.newCustomer(customerId)) {
            userId = client.api().createUser(user("kept@x.example"), "persist-1").execute().userId();
            walletId = client.api().createWallet(userId, new NewWallet("Kept", "ETH"), null).execute().walletId();
            address = client.api().createAddress(walletId, new com.sovera.console.api.model.NewAddress("ETH",
                    "ethereum-sepolia"), null).execute().address();
        }
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(dir).withDemoUsers(20));
             SovxClient client = sandbox.signedIn()) {
            assertThat(client.api().getCustomer(customerId).execute().customerId()).isEqualTo(customerId);
            client.credentials().useOwnerKey(client.api().createCredentials(customerId, null).execute()
                    .customerSecret());
            assertThat(client.api().getUser(userId).execute().email()).isEqualTo("kept@x.example");
            assertThat(client.api().getWallet(walletId).execute().currency()).isEqualTo("ETH");
            assertThat(client.api().listWalletAddresses(walletId, Filter.none().asQuery()).execute().rows())
                    .extracting(DepositAddress::address).containsExactly(address);
            // the idempotency record survived, and belongs to the customer, not to the key that was lost
            assertThat(client.api().createUser(user("kept@x.example"), "persist-1").execute().userId())
                    .isEqualTo(userId);
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total())
                    .as("demo users are not seeded twice").isEqualTo(20L);
        }
    }

    @Test
    void demoDataIsTheSameOnEveryInstallAndItsAddressesAreValid() {
        List<User> first;
        List<User> second;
        try (Sandbox a = Sandbox.inMemory(300); SovxClient client = a.client()) {
            client.credentials().useOwnerKey(a.server.demo().ownerKey());
            first = client.api().listUsers(Filter.page(50, 100).asQuery()).execute().rows();
            List<DepositAddress> addresses = client.api().listAddresses(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(addresses).isNotEmpty();
            for (DepositAddress address : addresses) {
                Network network = Network.byId(address.network()).orElseThrow();
                assertThat(network.isTestnet()).isTrue();
                assertThat(Addresses.isValid(address.address(), network)).as(address.address()).isTrue();
            }
            List<Wallet> wallets = client.api().listWallets(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(wallets).anyMatch(w -> w.balance().signum() > 0);
        }
        try (Sandbox b = Sandbox.inMemory(300); SovxClient client = b.client()) {
            client.credentials().useOwnerKey(b.server.demo().ownerKey());
            second = client.api().listUsers(Filter.page(50, 100).asQuery()).execute().rows();
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theStandaloneCommandReadsItsOptions(@TempDir Path dir) {
        SandboxConfig config = SandboxCommand.parse(new String[] {"--sandbox-only", "--port", "18123", "--db", "mem",
            "--seed-users", "1000", "--rate-limit", "60", "--session-ttl", "90"}, dir);
        assertThat(config.port()).isEqualTo(18123);
        assertThat(config.database()).isNull();
        assertThat(config.demoUsers()).isEqualTo(1000);
        assertThat(config.rateLimit()).isEqualTo(60);
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(SandboxCommand.parse(new String[] {"--sandbox-only"}, dir).database()).isEqualTo(dir);
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> SandboxCommand.parse(new String[] {"--sandbox-only", "--port", "x"}, dir)))
                .hasMessageContaining("--port needs a whole number");
    }

    @Test
    void blockSecondsIsAWholeNumberOfAtLeastOneElseTheUsageLine(@TempDir Path dir) {
        assertThat(SandboxCommand.parse(new String[] {"--sandbox-only"}, dir).blockPeriod())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(SandboxCommand.parse(new String[] {"--sandbox-only", "--block-seconds", "30"}, dir).blockPeriod())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SandboxCommand.parse(new String[] {"--sandbox-only", "--block-seconds", "1"}, dir).blockPeriod())
                .isEqualTo(Duration.ofSeconds(1));
        for (String bad : List.of("0", "-1", "1.5", "x", "", "+5", "1e2", "99999999999")) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> SandboxCommand.parse(
                    new String[] {"--sandbox-only", "--block-seconds", bad}, dir))).as(bad)
                    .hasMessageContaining("--block-seconds needs a whole number")
                    .hasMessageContaining(SandboxCommand.USAGE);
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> SandboxCommand.parse(
                new String[] {"--sandbox-only", "--block-seconds"}, dir))).hasMessageContaining("needs a value")
                .hasMessageContaining(SandboxCommand.USAGE);
    }

    @Test
    void customersListedByTheSessionCarryTimestamps() {
        try (Sandbox sandbox = Sandbox.inMemory(0); SovxClient client = sandbox.signedIn()) {
            client.api().createCustomer(new NewCustomer("t@x.example", "ts-customer", "T"), null).execute();
            var rows = client.api().listCustomers(Filter.none().where("customer_id", "ts-customer").asQuery())
                    .execute().rows();
            assertThat(rows).singleElement().satisfies(c -> {
                assertThat(c.createdAt()).isNotNull();
                assertThat(c.updatedAt()).isNotNull();
            });
        }
    }
}
