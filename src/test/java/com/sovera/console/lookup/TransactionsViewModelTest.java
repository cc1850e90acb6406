package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Transactions screen's rules, without a window: its filters are the server's, and its export is exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsViewModelTest {

    private SandboxServer sandbox;
    private SovxClient lookups;
    private Transaction pending;
    private DepositAddress address;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(100)
                .withBlockPeriod(java.time.Duration.ofHours(1)));
        lookups = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
        address = lookups.api().listAddresses(Filter.page(1, 0).where("network", "bitcoin-testnet").asQuery())
                .execute().rows().get(0);
        pending = lookups.api().simulateDeposit(new NewDeposit(address.address(), "0.12345678"), null).execute();
    }

    @AfterAll
    void stop() {
        lookups.close();
        sandbox.close();
    }

    private List<String> serverIds(Filter filter) {
        return lookups.api().listTransactions(filter.limit(20).sort("created_at", Filter.Direction.ASC).asQuery())
                .execute().rows().stream().map(Transaction::transactionId).toList();
    }

    @Test
    void everyFilterIsTheServersAndAHashPastedInCapitalsIsFound() {
        TransactionsViewModel model = new TransactionsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.reload();
        assertThat(model.list().rows()).extracting(Transaction::transactionId)
                .isEqualTo(serverIds(Filter.none()));
        record Case(Runnable set, Filter expected) {
        }
        for (Case c : List.of(
                new Case(() -> model.status.set("COMPLETED"), Filter.none().where("status", "COMPLETED")),
                new Case(() -> model.currency.set("BTC"), Filter.none().where("status", "COMPLETED")
                        .where("currency", "BTC")),
                new Case(() -> {
                    model.status.set(null);
                    model.currency.set(null);
                    model.walletId.set(address.walletId());
                }, Filter.none().where("wallet_id", address.walletId())))) {
            c.set().run();
            model.apply();
            List<String> expected = serverIds(c.expected());
            assertThat(expected).as(c.expected().toString()).isNotEmpty();
            assertThat(model.list().rows()).extracting(Transaction::transactionId).isEqualTo(expected);
        }
        model.walletId.set("");
        model.txHash.set(" " + pending.txHash().toUpperCase() + " ");
        model.apply();
        assertThat(model.list().rows()).extracting(Transaction::transactionId).containsExactly(pending.transactionId());
    }

    @Test
    void sortedByAmountOnTheServer() {
        TransactionsViewModel model = new TransactionsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.reload();
        model.list().sort(List.of(new Filter.Sort("amount", Filter.Direction.DESC)));
        List<String> expected = lookups.api().listTransactions(Filter.none().limit(model.list().rows().size())
                .sort("amount", Filter.Direction.DESC).sort("created_at", Filter.Direction.ASC).asQuery()).execute()
                .rows().stream().map(Transaction::transactionId).toList();
        assertThat(model.list().rows()).extracting(Transaction::transactionId).isEqualTo(expected);
        assertThat(model.list().rows()).extracting(Transaction::amount).isSortedAccordingTo(
                java.util.Comparator.<java.math.BigDecimal>reverseOrder());
    }

    @Test
    void theExportHoldsEveryFieldOfADepositExactly(@TempDir Path dir) throws Exception {
        TransactionsViewModel model = new TransactionsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.address.set(address.address());
        model.status.set("PENDING");
        model.apply();
        Path file = dir.resolve("deposits.csv");
        model.export().start(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("transaction_id,wallet_id,address,currency,network,direction,amount,"
                + "tx_hash,confirmations,required_confirmations,status,created_at");
        assertThat(lines).filteredOn(l -> l.startsWith(pending.transactionId())).singleElement().asString()
                .startsWith(pending.transactionId() + "," + address.walletId() + "," + address.address()
                        + ",BTC,bitcoin-testnet,DEPOSIT,0.12345678," + pending.txHash() + ",")
                .contains(",3,PENDING,");
    }
}
