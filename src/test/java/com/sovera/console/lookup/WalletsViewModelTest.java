package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Wallets screen's rules, without a window: filters as the server sees them; the side panel always of the
 * wallet and address selected now, whatever order answers come in; a failed check says so and can be retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletsViewModelTest {

    private SandboxServer sandbox;
    private SovxClient lookups;
    private SovxClient server;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(300));
        lookups = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
        server = SovxClient.builder(sandbox.baseUrl()).build();
        server.credentials().useOwnerKey(sandbox.demo().ownerKey());
    }

    @AfterEach
    void clearFaults() {
        sandbox.training().clear();
    }

    @AfterAll
    void stop() {
        lookups.close();
        server.close();
        sandbox.close();
    }

    @Test
    void theWalletExportHoldsBalanceAndPendingBalanceExactly(@TempDir Path dir) throws Exception {
        Wallet wallet = server.api().listWallets(Filter.none().where("currency", "BTC").limit(1).asQuery()).execute()
                .rows().get(0);
        DepositAddress address = server.api().createAddress(wallet.walletId(),
                new com.sovera.console.api.model.NewAddress("btc", "bitcoin-testnet"), null).execute();
        server.api().simulateDeposit(new com.sovera.console.api.model.NewDeposit(address.address(), "0.00000001"),
                null).execute();
        Wallet now = server.api().getWallet(wallet.walletId()).execute();
        assertThat(now.pendingBalance()).isPositive();
        assertThat(WalletsViewModel.balanceCell(now)).as("the pending balance beside the balance")
                .isEqualTo(now.balance().toPlainString() + " (+" + now.pendingBalance().toPlainString() + ")");

        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.userId.set(wallet.userId());
        model.currency.set("BTC");
        model.apply();
        Path file = dir.resolve("wallets.csv");
        model.export().start(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("wallet_id,user_id,name,currency,status,balance,pending_balance,created_at");
        assertThat(lines).filteredOn(l -> l.startsWith(wallet.walletId())).singleElement().asString()
                .contains(",BTC,ACTIVE," + now.balance().toPlainString() + "," + now.pendingBalance().toPlainString()
                        + ",");
    }

    @Test
    void aWalletsDetailListsItsLatestDepositsNewestFirstAndNoOtherWalletsOnes() {
        Wallet wallet = server.api().listWallets(Filter.none().where("currency", "ETH").limit(1).skip(2).asQuery())
                .execute().rows().get(0);
        Wallet other = server.api().listWallets(Filter.none().where("currency", "ETH").limit(1).skip(3).asQuery())
                .execute().rows().get(0);
        DepositAddress address = server.api().createAddress(wallet.walletId(),
                new com.sovera.console.api.model.NewAddress("eth", "ethereum-sepolia"), null).execute();
        com.sovera.console.api.model.Transaction first = server.api().simulateDeposit(
                new com.sovera.console.api.model.NewDeposit(address.address(), "0.000000000000000001"), null).execute();
        com.sovera.console.api.model.Transaction second = server.api().simulateDeposit(
                new com.sovera.console.api.model.NewDeposit(address.address(), "2.5"), null).execute();

        ManualTaskRunner runner = new ManualTaskRunner();
        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, runner));
        model.selected.set(wallet);
        model.selected.set(other);
        model.selected.set(wallet);
        runner.pending().get(2).complete();
        runner.pending().get(1).complete(); // the other wallet's answer, late: dropped
        runner.runAll();
        assertThat(model.deposits()).hasSizeLessThanOrEqualTo(WalletsViewModel.LATEST_DEPOSITS);
        assertThat(model.deposits().get(0)).startsWith("2.5 ETH  PENDING ").endsWith(second.txHash());
        assertThat(model.deposits().get(1)).startsWith("0.000000000000000001 ETH  PENDING ")
                .endsWith(first.txHash());
        assertThat(model.depositsMessageProperty().get()).isEmpty();
    }

    private List<String> serverIds(Filter filter) {
        return server.api().listWallets(filter.limit(20).sort("created_at", Filter.Direction.ASC).asQuery()).execute()
                .rows().stream().map(Wallet::walletId).toList();
    }

    @Test
    void everyWalletFilterAloneAndCombinedIsTheServers() {
        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.reload();
        Wallet some = server.api().listWallets(Filter.page(1, 5).asQuery()).execute().rows().get(0);
        record Case(String currency, String status, String userId, String name, Filter expected) {
        }
        for (Case c : List.of(
                new Case("USDC", null, null, null, Filter.none().where("currency", "USDC")),
                new Case(null, "ACTIVE", null, null, Filter.none().where("status", "ACTIVE")),
                new Case(null, null, some.userId(), null, Filter.none().where("user_id", some.userId())),
                new Case(null, null, null, "eth", Filter.none().contains("name", "eth")),
                new Case("BTC", "ACTIVE", null, "a", Filter.none().where("currency", "BTC").where("status", "ACTIVE")
                        .contains("name", "a")))) {
            model.currency.set(c.currency());
            model.status.set(c.status());
            model.userId.set(c.userId() == null ? "" : c.userId());
            model.nameContains.set(c.name() == null ? "" : c.name());
            model.apply();
            List<String> expected = serverIds(c.expected());
            assertThat(expected).as(c.toString()).isNotEmpty();
            assertThat(model.list().rows()).extracting(Wallet::walletId).as(c.toString()).isEqualTo(expected);
        }
    }

    @Test
    void theSidePanelAlwaysBelongsToTheWalletSelectedNow() {
        ManualTaskRunner runner = new ManualTaskRunner();
        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, runner));
        model.reload();
        runner.runAll();
        Wallet a = model.list().rows().get(0);
        Wallet b = model.list().rows().get(1);
        model.selected.set(a);
        model.selected.set(b); // before a's addresses came back
        assertThat(runner.pending()).hasSize(2);
        runner.pending().get(1).complete(); // b's list
        runner.pending().get(0).complete(); // a's list, late: dropped
        assertThat(model.addresses()).isNotEmpty().allMatch(x -> x.walletId().equals(b.walletId()));
        assertThat(model.selectedAddress.get().walletId()).isEqualTo(b.walletId());
        runner.runAll(); // the check of b's address
        assertThat(model.checkProperty().get().ok()).isTrue();
        assertThat(model.checkProperty().get().address().walletId()).isEqualTo(b.walletId());

        // a check still out when another wallet is chosen never lands on it, even before that wallet's list came
        model.selected.set(a);
        runner.pending().get(0).complete(); // a's list: its newest address is chosen and its check goes out
        DepositAddress aAddress = model.selectedAddress.get();
        model.selected.set(b);
        runner.pending().get(0).complete(); // a's check answers late, while b's list is still out
        assertThat(model.checkProperty().get()).as("no QR code of wallet a while b is selected").isNull();
        runner.runAll(); // b's list, then the check of b's address
        assertThat(model.selectedAddress.get().walletId()).isEqualTo(b.walletId());
        assertThat(model.checkProperty().get().address().address()).isNotEqualTo(aAddress.address())
                .isEqualTo(model.selectedAddress.get().address());
    }

    @Test
    void aRateLimitDuringTheAddressCheckIsShownAndCanBeRetried() {
        ManualTaskRunner runner = new ManualTaskRunner();
        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, runner));
        model.reload();
        runner.runAll();
        model.selected.set(model.list().rows().get(2));
        runner.pending().get(0).complete(); // the address list
        // the read-back of the check meets a rate limit
        sandbox.training().arm("GET /wallets/{wallet_id}/addresses", Training.Fault.RATE_LIMITED, 1);
        runner.runAll();
        assertThat(model.checkProperty().get()).as("no QR code from an unfinished check").isNull();
        assertThat(model.problemProperty().get().code()).isEqualTo("RATE_LIMITED");
        assertThat(model.problemProperty().get().traceId()).isNotBlank();
        model.retry();
        runner.runAll();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.checkProperty().get().ok()).isTrue();
    }

    @Test
    void anOutageWhileListingAddressesIsShownNotLeftBlank() {
        WalletsViewModel model = new WalletsViewModel(Sessions.calls(lookups, new SameThreadTaskRunner()));
        model.reload();
        sandbox.training().arm("GET /wallets/{wallet_id}/addresses", Training.Fault.INTERNAL_ERROR, 1);
        model.selected.set(model.list().rows().get(3));
        assertThat(model.addressesMessageProperty().get()).isEqualTo("The deposit addresses could not be loaded.");
        assertThat(model.problemProperty().get().code()).isEqualTo("INTERNAL_ERROR");
        model.retry();
        assertThat(model.addresses()).isNotEmpty();
        assertThat(model.checkProperty().get().ok()).isTrue();
    }
}
