package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.policy.Policy;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client of a lookups desk against the real embedded sandbox: signing in and every read go out; every write
 * is refused with the desk's reason, and the wire shows that not one request of it left the console.
 */
class LookupsDeskClientTest {

    private SandboxServer sandbox;
    private SovxClient desk;
    /** Every request that reached the network, as "METHOD path". */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void signIn() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(1));
        desk = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .networkInterceptor(chain -> {
                    sent.add(chain.request().method() + " " + chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                })
                .refuseWrites(Policy.LOOKUPS_ONLY).build();
        desk.credentials().useSession(desk.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD))
                .execute());
        desk.credentials().useOwnerKey(sandbox.demo().ownerKey());
    }

    @AfterEach
    void close() {
        desk.close();
        sandbox.close();
    }

    @Test
    void everyWriteIsRefusedBeforeAnyByteIsSentAndLookupsStillWork() {
        String customer = sandbox.demo().customerId();
        String user = desk.api().listUsers(Map.of()).execute().rows().get(0).userId();
        String wallet = desk.api().listWallets(Map.of()).execute().rows().get(0).walletId();
        String address = desk.api().listAddresses(Map.of()).execute().rows().get(0).address();
        OwnerKey key = desk.api().listCredentials(customer, Map.of()).execute().rows().get(0);
        long customersBefore = desk.api().listCustomers(Map.of()).execute().total();
        sent.clear();

        List<Supplier<ApiCall<?>>> writes = List.of(
                () -> desk.api().createCustomer(new NewCustomer("ops@corp.example", "corp-readonly", "Corp"), null),
                () -> desk.api().createCredentials(customer, null),
                () -> desk.api().revokeCredential(customer, key.keyId()),
                () -> desk.api().createUser(new NewUser("individual", "x@corp.example", "X", "Y", "+1234567890",
                        "1990-01-01", "US"), null),
                () -> desk.api().createWallet(user, new NewWallet("W", "BTC"), null),
                () -> desk.api().createAddress(wallet, new NewAddress("btc", "bitcoin-testnet"), null),
                () -> desk.api().simulateDeposit(new NewDeposit(address, "0.001"), null),
                () -> desk.api().mineBlocks(new NewBlocks(3), null),
                () -> desk.api().createUserToken(customer, user, null));
        for (Supplier<ApiCall<?>> write : writes) {
            assertThatThrownBy(() -> write.get().execute()).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.kind()).isEqualTo(TransportException.Kind.NOT_SENT);
                assertThat(e.getMessage()).startsWith(Policy.LOOKUPS_ONLY);
            });
        }
        assertThat(sent).as("not one write reached the server").isEmpty();

        // a derived client (the lookups', a bulk run's, an export's) refuses the same
        assertThatThrownBy(() -> desk.derive().api().createCredentials(customer, null).execute())
                .hasMessageStartingWith(Policy.LOOKUPS_ONLY);
        assertThatThrownBy(() -> desk.withOwnerKeyAsNow().api().createUser(new NewUser("individual",
                "z@corp.example", "Z", "Y", "+1234567890", "1990-01-01", "US"), null).execute())
                .hasMessageStartingWith(Policy.LOOKUPS_ONLY);
        assertThat(sent).isEmpty();

        assertThat(desk.api().listCustomers(Map.of()).execute().total()).isEqualTo(customersBefore);
        assertThat(desk.api().listCredentials(customer, Map.of()).execute().rows())
                .filteredOn(k -> k.keyId().equals(key.keyId())).singleElement()
                .satisfies(k -> assertThat(k.isRevoked()).as("the key was not revoked").isFalse());
        assertThat(desk.writesAllowed()).isFalse();
        desk.api().logout().execute(); // a sign-out is no write
        assertThat(sent).last().asString().startsWith("POST").endsWith("/auth/logout");
    }
}
