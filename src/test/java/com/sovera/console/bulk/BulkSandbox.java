package com.sovera.console.bulk;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real sandbox, a new customer in it, and a paced client with that customer's owner key. */
final class BulkSandbox implements AutoCloseable {

    final SandboxServer server;
    final String customerId = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    final String ownerKey;
    final RateLimitPacer pacer = new RateLimitPacer();
    final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    final SovxClient client;

    BulkSandbox(SandboxConfig config) {
        server = SandboxServer.start(config.withDemoUsers(0));
        try (SovxClient admin = SovxClient.builder(server.baseUrl()).build()) {
            admin.credentials().useSession(admin.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            admin.api().createCustomer(new NewCustomer("ops@" + customerId + ".example", customerId, "Bulk Ltd"),
                    null).execute();
            ownerKey = admin.api().createCredentials(customerId, null).execute().customerSecret();
        }
        client = SovxClient.builder(server.baseUrl()).pacer(pacer).activity(calls::add).build();
        client.credentials().useOwnerKey(ownerKey);
    }

    static BulkSandbox inMemory() {
        return new BulkSandbox(SandboxConfig.inMemory());
    }

    /** A preview of CSV text, as the sandbox environment reads it. */
    static Preview preview(String csv) throws SheetException {
        return Preview.of(SheetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "users.csv"), true, LocalDate.of(2026, 3, 12));
    }

    /** A fresh client with the owner key and no pacer: for checking what the customer holds. */
    SovxClient checker() {
        SovxClient c = SovxClient.builder(server.baseUrl()).build();
        c.credentials().useOwnerKey(ownerKey);
        return c;
    }

    List<User> users() {
        try (SovxClient c = checker()) {
            return c.api().listUsers(Filter.page(100, 0).asQuery()).execute().rows();
        }
    }

    List<Wallet> wallets() {
        try (SovxClient c = checker()) {
            return c.api().listWallets(Filter.page(100, 0).asQuery()).execute().rows();
        }
    }

    List<DepositAddress> addresses() {
        try (SovxClient c = checker()) {
            List<DepositAddress> all = new ArrayList<>();
            for (int skip = 0; ; skip += 100) {
                var page = c.api().listAddresses(Filter.page(100, skip).asQuery()).execute();
                all.addAll(page.rows());
                if (page.rows().size() < 100) {
                    return all;
                }
            }
        }
    }

    long count429() {
        return calls.stream().filter(c -> c.status() == 429).count();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
