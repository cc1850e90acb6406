package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.Sandbox.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Eip55;
import com.sovera.console.chain.Network;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's own client against the real sandbox: every endpoint, its errors, and its audiences. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxContractTest {

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.inMemory(300);
    }

    @AfterAll
    void stop() {
        assertThat(sandbox.tap.exchanges()).as("exchanges held to the document").isGreaterThan(100);
        sandbox.close();
    }

    private static ApiException refused(Supplier<ApiCall<?>> call) {
        return catchThrowableOfType(ApiException.class, () -> call.get().execute());
    }

    @Test
    void healthAndLogin() {
        try (SovxClient client = sandbox.client()) {
            assertThat(client.api().health().execute().isOk()).isTrue();
            ApiException wrongPassword = refused(() -> client.api().login(new LoginRequest(DemoAccount.EMAIL, "nope")));
            ApiException wrongEmail = refused(() -> client.api().login(new LoginRequest("who@x.test", "nope")));
            assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(wrongPassword.httpStatus()).isEqualTo(401);
            assertThat(wrongEmail.serverMessage()).as("the same answer for both").isEqualTo(wrongPassword.serverMessage());
            assertThat(wrongPassword.traceId()).isNotBlank();
            var session = client.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute();
            assertThat(session.token()).startsWith("sxs_");
            assertThat(session.expires()).isAfter(java.time.Instant.now().plusSeconds(3500));
        }
    }

    @Test
    void customersCreateListGetAndConflict() {
        try (SovxClient client = sandbox.signedIn()) {
            String id = Sandbox.uniqueId();
            Customer created = client.api().createCustomer(new NewCustomer("ops@acme.example", id, "Acme Ltd"), null)
                    .execute();
            assertThat(created.customerId()).isEqualTo(id);
            assertThat(created.createdAt()).isNotNull();

            ApiException duplicate = refused(() -> client.api().createCustomer(
                    new NewCustomer("x@acme.example", id, "Other"), null));
            assertThat(duplicate.httpStatus()).isEqualTo(409);
            assertThat(duplicate.code()).isEqualTo("CONFLICT");
            assertThat(duplicate.field()).isEqualTo("customer_id");

            for (String bad : List.of("ab", "-leading", "Upper-Case", "under_score", "x".repeat(64))) {
                ApiException e = refused(() -> client.api().createCustomer(new NewCustomer("a@b.co", bad, "E"), null));
                assertThat(e.code()).as(bad).isEqualTo("VALIDATION_ERROR");
                assertThat(e.field()).as(bad).isEqualTo("customer_id");
            }
            assertThat(refused(() -> client.api().createCustomer(new NewCustomer("not-an-email", Sandbox.uniqueId(),
                    "E"), null)).field()).isEqualTo("email");
            assertThat(refused(() -> client.api().createCustomer(new NewCustomer("a@b.co", Sandbox.uniqueId(), ""),
                    null)).field()).isEqualTo("entity_name");

            assertThat(client.api().getCustomer(id).execute().entityName()).isEqualTo("Acme Ltd");
            Page<Customer> found = client.api().listCustomers(Filter.none().like("entity_name", "acme%").asQuery())
                    .execute();
            assertThat(found.rows()).extracting(Customer::customerId).contains(id);
            assertThat(refused(() -> client.api().getCustomer("no-such-customer")).code()).isEqualTo("NOT_FOUND");
            assertThat(refused(() -> client.api().createCredentials("no-such-customer", null)).httpStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void everyMintedKeyWorksAndEarlierKeysKeepWorking() {
        try (SovxClient client = sandbox.newCustomer(Sandbox.uniqueId())) {
            String id = client.api().listCustomers(Filter.none().sort("created_at", Filter.Direction.DESC).limit(1)
                    .asQuery()).execute().rows().get(0).customerId();
            String second = client.api().createCredentials(id, null).execute().customerSecret();
            assertThat(second).matches("[A-Za-z0-9]{32}");
            client.api().createUser(user("first-key@x.example"), null).execute();
            client.credentials().useOwnerKey(second);
            assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total()).isEqualTo(1L);
        }
    }

    @Test
    void usersAreValidatedFieldByField() {
        try (SovxClient client = sandbox.newCustomer(Sandbox.uniqueId())) {
            record Case(NewUser user, String field) {
            }
            List<Case> cases = List.of(
                    new Case(new NewUser("person", "a@b.co", "J", "D", "+1234567890", "1990-01-01", "US"), "user_type"),
                    new Case(new NewUser("individual", "a@", "J", "D", "+1234567890", "1990-01-01", "US"), "email"),
                    new Case(new NewUser("individual", "a@b.co", "", "D", "+1234567890", "1990-01-01", "US"), "first_name"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D".repeat(101), "+1234567890", "1990-01-01", "US"),
                            "last_name"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D", "1234567890", "1990-01-01", "US"), "phone"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D", "+1234", "1990-01-01", "US"), "phone"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D", "+1234567890", "1990-02-30", "US"),
                            "date_of_birth"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D", "+1234567890", "2999-01-01", "US"),
                            "date_of_birth"),
                    new Case(new NewUser("individual", "a@b.co", "J", "D", "+1234567890", "1990-01-01", "XX"), "country"),
                    new Case(new NewUser("individual", "a@b.co", "J\u0000", "D", "+1234567890", "1990-01-01", "US"),
                            "first_name"),
                    new Case(new NewUser(null, "a@b.co", "J", "D", "+1234567890", "1990-01-01", "US"), "user_type"));
            for (Case c : cases) {
                ApiException e = refused(() -> client.api().createUser(c.user(), null));
                assertThat(e.httpStatus()).as(c.toString()).isEqualTo(400);
                assertThat(e.code()).as(c.toString()).isEqualTo("VALIDATION_ERROR");
                assertThat(e.field()).as(c.toString()).isEqualTo(c.field());
            }
            assertThat(client.api().listUsers(Filter.none().asQuery()).execute().total()).isZero();

            User ok = client.api().createUser(new NewUser("Business", "Zoë@Example.com", "Zoë", "Ōtsuka-Ñúñez",
                    "+819012345678", "1985-07-14", "jp"), null).execute();
            assertThat(ok.userType()).isEqualTo("business");
            assertThat(ok.status()).isEqualTo(Status.ACTIVE);
            User read = client.api().getUser(ok.userId()).execute();
            assertThat(read.lastName()).isEqualTo("Ōtsuka-Ñúñez");
            assertThat(read.country()).isEqualTo("JP");
            assertThat(read.dateOfBirth()).isEqualTo("1985-07-14");

            ApiException duplicate = refused(() -> client.api().createUser(user("zoë@example.COM"), null));
            assertThat(duplicate.code()).isEqualTo("CONFLICT");
            assertThat(duplicate.field()).isEqualTo("email");
        }
    }

    @Test
    void walletsAndAddresses() {
        try (SovxClient client = sandbox.newCustomer(Sandbox.uniqueId())) {
            User owner = client.api().createUser(user("wallets@x.example"), null).execute();
            Wallet btc = client.api().createWallet(owner.userId(), new NewWallet("Savings", "btc"), null).execute();
            Wallet eth = client.api().createWallet(owner.userId(), new NewWallet("Gas", "ETH"), null).execute();
            Wallet usdc = client.api().createWallet(owner.userId(), new NewWallet("Dollars", "usdc"), null).execute();
            assertThat(btc.currency()).isEqualTo("BTC");
            assertThat(btc.balance()).isZero();
            assertThat(btc.status()).isEqualTo(Status.ACTIVE);
            assertThat(refused(() -> client.api().createWallet(owner.userId(), new NewWallet("X", "DOGE"), null))
                    .field()).isEqualTo("currency");
            assertThat(refused(() -> client.api().createWallet(owner.userId(), new NewWallet("", "BTC"), null))
                    .field()).isEqualTo("name");
            assertThat(refused(() -> client.api().createWallet("00000000-0000-4000-8000-000000000000",
                    new NewWallet("X", "BTC"), null)).code()).isEqualTo("NOT_FOUND");

            DepositAddress tb = client.api().createAddress(btc.walletId(), new NewAddress("btc", "bitcoin-testnet"),
                    null).execute();
            DepositAddress sep = client.api().createAddress(eth.walletId(), new NewAddress("eth", "ethereum-sepolia"),
                    null).execute();
            DepositAddress usd = client.api().createAddress(usdc.walletId(), new NewAddress("USDC", "ethereum-sepolia"),
                    null).execute();
            assertThat(tb.address()).startsWith("tb1q");
            assertThat(Addresses.isValid(tb.address(), Network.BITCOIN_TESTNET)).isTrue();
            assertThat(Addresses.isValid(sep.address(), Network.ETHEREUM_SEPOLIA)).isTrue();
            assertThat(sep.address()).as("written in its EIP-55 form").isEqualTo(Eip55.toChecksum(sep.address()));
            assertThat(Addresses.isValid(usd.address(), Network.ETHEREUM_SEPOLIA)).isTrue();

            assertThat(refused(() -> client.api().createAddress(btc.walletId(), new NewAddress("eth", "bitcoin-testnet"),
                    null)).code()).isEqualTo("CURRENCY_MISMATCH");
            assertThat(refused(() -> client.api().createAddress(btc.walletId(), new NewAddress("BTC", "ethereum-sepolia"),
                    null)).code()).isEqualTo("UNSUPPORTED_NETWORK");
            assertThat(refused(() -> client.api().createAddress(btc.walletId(), new NewAddress("BTC", "litecoin"),
                    null)).code()).isEqualTo("UNSUPPORTED_NETWORK");
            ApiException mainnet = refused(() -> client.api().createAddress(btc.walletId(),
                    new NewAddress("BTC", "bitcoin"), null));
            assertThat(mainnet.code()).isEqualTo("NETWORK_NOT_AVAILABLE");
            assertThat(mainnet.field()).isEqualTo("network");
            assertThat(refused(() -> client.api().createAddress(eth.walletId(), new NewAddress("ETH", "ethereum"),
                    null)).code()).isEqualTo("NETWORK_NOT_AVAILABLE");

            assertThat(client.api().listUserWallets(owner.userId(), Filter.none().sort("name", Filter.Direction.ASC)
                    .asQuery()).execute().rows()).extracting(Wallet::name).containsExactly("Dollars", "Gas", "Savings");
            assertThat(client.api().listWallets(Filter.none().where("currency", "eth").asQuery()).execute().rows())
                    .extracting(Wallet::walletId).containsExactly(eth.walletId());
            assertThat(client.api().getWallet(btc.walletId()).execute().name()).isEqualTo("Savings");
            assertThat(client.api().listWalletAddresses(btc.walletId(), Filter.none().asQuery()).execute().rows())
                    .extracting(DepositAddress::address).containsExactly(tb.address());
            assertThat(client.api().listAddresses(Filter.none().where("address", tb.address().toUpperCase())
                    .asQuery()).execute().rows()).extracting(DepositAddress::walletId).containsExactly(btc.walletId());
            assertThat(client.api().listAddresses(Filter.none().where("network", "ethereum-sepolia").asQuery())
                    .execute().total()).isEqualTo(2L);
        }
    }

    @Test
    void anOwnerKeySeesNothingOfAnotherCustomer() {
        try (SovxClient a = sandbox.newCustomer(Sandbox.uniqueId());
             SovxClient b = sandbox.newCustomer(Sandbox.uniqueId())) {
            User userA = a.api().createUser(user("tenant-a@x.example"), null).execute();
            Wallet walletA = a.api().createWallet(userA.userId(), new NewWallet("A", "BTC"), null).execute();
            DepositAddress addressA = a.api().createAddress(walletA.walletId(), new NewAddress("BTC", "bitcoin-testnet"),
                    null).execute();

            assertThat(refused(() -> b.api().getUser(userA.userId())).code()).isEqualTo("NOT_FOUND");
            assertThat(refused(() -> b.api().getWallet(walletA.walletId())).code()).isEqualTo("NOT_FOUND");
            assertThat(refused(() -> b.api().listUserWallets(userA.userId(), Filter.none().asQuery())).code())
                    .isEqualTo("NOT_FOUND");
            assertThat(refused(() -> b.api().listWalletAddresses(walletA.walletId(), Filter.none().asQuery())).code())
                    .isEqualTo("NOT_FOUND");
            assertThat(refused(() -> b.api().createWallet(userA.userId(), new NewWallet("B", "BTC"), null)).code())
                    .isEqualTo("NOT_FOUND");
            assertThat(refused(() -> b.api().createAddress(walletA.walletId(), new NewAddress("BTC", "bitcoin-testnet"),
                    null)).code()).isEqualTo("NOT_FOUND");
            assertThat(b.api().listUsers(Filter.none().asQuery()).execute().total()).isZero();
            assertThat(b.api().listWallets(Filter.none().asQuery()).execute().total()).isZero();
            assertThat(b.api().listAddresses(Filter.none().where("address", addressA.address()).asQuery()).execute()
                    .total()).isZero();
            // the same e-mail is free in another customer
            assertThat(b.api().createUser(user("tenant-a@x.example"), null).execute().userId())
                    .isNotEqualTo(userA.userId());
        }
    }

    @Test
    void anotherAccountsCustomersAreInvisible() throws Exception {
        sandbox.server.addAccount("second@sandbox.sovx.test", "second-password");
        try (SovxClient first = sandbox.signedIn(); SovxClient second = sandbox.client()) {
            String id = Sandbox.uniqueId();
            first.api().createCustomer(new NewCustomer("a@b.co", id, "First's"), null).execute();
            second.credentials().useSession(second.api().login(new LoginRequest("second@sandbox.sovx.test",
                    "second-password")).execute());
            assertThat(refused(() -> second.api().getCustomer(id)).code()).isEqualTo("NOT_FOUND");
            assertThat(refused(() -> second.api().createCredentials(id, null)).code()).isEqualTo("NOT_FOUND");
            assertThat(second.api().listCustomers(Filter.none().asQuery()).execute().rows()).isEmpty();
        }
    }

    @Test
    void eachAudienceIsRefusedElsewhere() {
        try (SovxClient owner = sandbox.newCustomer(Sandbox.uniqueId()); SovxClient anonymous = sandbox.client()) {
            User u = owner.api().createUser(user("audience@x.example"), null).execute();
            String customerId = owner.api().listCustomers(Filter.none().sort("created_at", Filter.Direction.DESC)
                    .limit(1).asQuery()).execute().rows().get(0).customerId();
            var token = owner.api().createUserToken(customerId, u.userId(), null).execute();

            // a session on an owner-key endpoint, an owner key on a session endpoint: 403
            SovxClient sessionOnly = sandbox.signedIn();
            sessionOnly.credentials().useOwnerKey(null);
            var raw = sandbox;
            assertThat(raw.sendQuietly("GET", "/users", "Authorization", "Bearer " + sessionOnly.credentials().session()
                    .orElseThrow().token())).isEqualTo(403);
            assertThat(raw.sendQuietly("GET", "/customers", "x-api-key", ownerKey(owner))).isEqualTo(403);
            assertThat(raw.sendQuietly("GET", "/users", "Authorization", "Bearer " + token.token())).isEqualTo(403);
            // nothing valid at all: 401
            assertThat(raw.sendQuietly("GET", "/users")).isEqualTo(401);
            assertThat(raw.sendQuietly("GET", "/users", "x-api-key", "A".repeat(32))).isEqualTo(401);
            assertThat(raw.sendQuietly("GET", "/customers", "Authorization", "Bearer nope")).isEqualTo(401);
            assertThat(raw.sendQuietly("GET", "/customers", "Authorization", "Basic abc")).isEqualTo(401);

            owner.credentials().useUserToken(token);
            assertThat(owner.api().me().execute().email()).isEqualTo("audience@x.example");
            assertThat(owner.api().myWallets(Filter.none().asQuery()).execute().total()).isZero();
            sessionOnly.close();
            anonymous.close();
        }
    }

    private String ownerKey(SovxClient client) {
        // minted afresh: the client never hands its key out
        String customerId = client.api().listCustomers(Filter.none().sort("created_at", Filter.Direction.DESC)
                .limit(1).asQuery()).execute().rows().get(0).customerId();
        return client.api().createCredentials(customerId, null).execute().customerSecret();
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        try (SovxClient client = sandbox.signedIn()) {
            client.api().logout().execute();
            ApiException e = refused(() -> client.api().listCustomers(Filter.none().asQuery()));
            assertThat(e.httpStatus()).isEqualTo(401);
        }
    }

    @Test
    void paginationCountsEveryMatchingRowAndPagesNeitherRepeatNorSkip() {
        try (SovxClient client = sandbox.signedIn()) {
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            Page<User> last = client.api().listUsers(Filter.page(20, 290).asQuery()).execute();
            assertThat(last.total()).isEqualTo(300L);
            assertThat(last.rows()).hasSize(10);
            assertThat(last.skip()).isEqualTo(290);
            assertThat(client.api().listUsers(Filter.page(20, 300).asQuery()).execute().rows()).isEmpty();

            for (String field : List.of("created_at", "email", "last_name", "status")) {
                for (Filter.Direction direction : Filter.Direction.values()) {
                    List<User> all = new java.util.ArrayList<>();
                    for (int skip = 0; skip < 300; skip += 100) {
                        all.addAll(client.api().listUsers(Filter.page(100, skip).sort(field, direction).asQuery())
                                .execute().rows());
                    }
                    assertThat(all).as(field + " " + direction).hasSize(300);
                    assertThat(all.stream().map(User::userId).distinct()).hasSize(300);
                    Comparator<User> order = Comparator.comparing(u -> switch (field) {
                        case "email" -> u.email();
                        case "last_name" -> u.lastName();
                        case "status" -> u.status().canonical();
                        default -> u.createdAt().toString();
                    });
                    assertThat(all).as(field + " " + direction)
                            .isSortedAccordingTo(direction == Filter.Direction.ASC ? order : order.reversed());
                    // pages past the middle are read from the end: the same rows as a walk from the start
                    for (int skip : new int[] {149, 150, 151, 233, 293, 299}) {
                        assertThat(client.api().listUsers(Filter.page(7, skip).sort(field, direction).asQuery())
                                .execute().rows()).as(field + " " + direction + " at " + skip)
                                .isEqualTo(all.subList(skip, Math.min(300, skip + 7)));
                    }
                }
            }
        }
    }

    @Test
    void whereAndLikeFiltersMatchWhatTheSandboxHolds() {
        try (SovxClient client = sandbox.client()) {
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            List<User> all = client.api().listUsers(Filter.page(100, 0).asQuery()).execute().rows();
            List<User> everyone = new java.util.ArrayList<>(all);
            everyone.addAll(client.api().listUsers(Filter.page(100, 100).asQuery()).execute().rows());
            everyone.addAll(client.api().listUsers(Filter.page(100, 200).asQuery()).execute().rows());

            long pending = everyone.stream().filter(u -> u.status().is(Status.PENDING)).count();
            assertThat(client.api().listUsers(Filter.none().where("status", "pending").asQuery()).execute().total())
                    .isEqualTo(pending).isPositive();
            long germanBusinesses = everyone.stream().filter(u -> u.country().equals("DE")
                    && u.userType().equals("business")).count();
            assertThat(client.api().listUsers(Filter.none().where("country", "DE").where("user_type", "business")
                    .asQuery()).execute().total()).isEqualTo(germanBusinesses);
            long chens = everyone.stream().filter(u -> u.email().contains("chen")).count();
            assertThat(client.api().listUsers(Filter.none().contains("email", "CHEN").asQuery()).execute().total())
                    .isEqualTo(chens).isPositive();
            assertThat(client.api().listUsers(Filter.none().like("email", "ada.%").asQuery()).execute().rows())
                    .allMatch(u -> u.email().startsWith("ada."));
            assertThat(client.api().listUsers(Filter.none().like("email", "%_%").asQuery()).execute().total())
                    .as("_ is literal, not a wildcard").isZero();
        }
    }

    @Test
    void badFiltersAreRefused() {
        try (SovxClient client = sandbox.client()) {
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            List<Filter> bad = List.of(Filter.page(0, 0), Filter.page(101, 0), Filter.none().skip(-1),
                    Filter.none().sort("phone", Filter.Direction.ASC), Filter.none().where("phone", "+1"),
                    Filter.none().like("status", "%A%"));
            for (Filter f : bad) {
                ApiException e = refused(() -> client.api().listUsers(f.asQuery()));
                assertThat(e.httpStatus()).as(f.toString()).isEqualTo(400);
                assertThat(e.code()).as(f.toString()).isEqualTo("VALIDATION_ERROR");
                assertThat(e.field()).as(f.toString()).startsWith("filter[");
            }
        }
    }
}
