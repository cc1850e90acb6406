package com.sovera.console.sandbox;

import com.sovera.console.sandbox.DemoRows.Deposit;
import com.sovera.console.sandbox.DemoRows.Planned;
import com.sovera.console.sandbox.DemoRows.PlannedWallet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;

/** One seeding run on one connection: writes the demo users and their trees in batches, each one transaction. */
final class DemoBatches {

    private static final int BATCH = 5_000;
    /** Users a transaction in a bulk seed: fewer commits, each of which writes the store's changed pages. */
    private static final int BULK_BATCH = 25_000;

    private static final List<String> TREE_TABLES = List.of("wallets", "addresses", "transactions");

    private final Database db;
    private final Connection c;
    private final long customerPk;
    private final int bulkFrom;

    DemoBatches(Database db, Connection c, long customerPk, int bulkFrom) {
        this.db = db;
        this.c = c;
        this.customerPk = customerPk;
        this.bulkFrom = bulkFrom;
    }

    /**
     * Users {@code withUser..users} are new; users {@code withTree..users} (or up to {@code withUser}, if more)
     * get their trees. Each batch is generated on another thread while the one before is written.
     */
    void run(int withUser, int withTree, int users) throws SQLException {
        int to = Math.max(users, withTree);
        boolean bulk = to - withTree >= bulkFrom;
        IndexesAside aside = null;
        long started = System.nanoTime();
        Throwable failed = null;
        try {
            if (bulk) {
                DemoIndexes.bulkMode(c, true);
                // users that exist without their trees are looked up by id: their indexes stay
                aside = IndexesAside.take(c, withUser > withTree ? TREE_TABLES : DemoIndexes.TABLES);
            }
            int size = bulk ? BULK_BATCH : BATCH;
            CompletableFuture<List<Planned>> next = plan(withTree, Math.min(to, withTree + size));
            for (int start = withTree; start < to; start += size) {
                List<Planned> batch = next.join();
                int end = Math.min(to, start + size);
                next = plan(end, Math.min(to, end + size));
                write(batch, withUser);
                c.commit();
            }
        } catch (CompletionException e) {
            failed = e.getCause() instanceof RuntimeException re ? re : e;
        } catch (SQLException | RuntimeException | Error e) {
            failed = e; // an Error too (out of memory, say): what follows is still seen to, then it is told
        }
        if (failed != null) {
            // a batch half written is not kept: the next start completes the seed from the last whole batch
            failed = also(failed, c::rollback);
        }
        if (aside != null) {
            LoggerFactory.getLogger(DemoBatches.class).info("Wrote the rows in {} ms", (System.nanoTime() - started) / 1_000_000);
            IndexesAside taken = aside;
            failed = also(failed, () -> taken.fillAndRestore(c));
        }
        if (bulk) {
            failed = also(failed, () -> DemoIndexes.buildMissing(db));
            failed = also(failed, () -> DemoIndexes.bulkMode(c, false));
        }
        if (failed instanceof SQLException e) {
            throw e;
        } else if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    /** Runs {@code step} whatever failed before; the first failure is the one told, a later one added to it. */
    private static Throwable also(Throwable failed, Step step) {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            if (failed == null) {
                return e;
            }
            failed.addSuppressed(e);
        }
        return failed;
    }

    private static CompletableFuture<List<Planned>> plan(int from, int to) {
        return CompletableFuture.supplyAsync(() -> IntStream.range(from, to).mapToObj(DemoRows::planned).toList());
    }

    /** Users below {@code withUser} exist already (a stopped seed): only their pk is read, for their trees. */
    private void write(List<Planned> batch, int withUser) throws SQLException {
        long[] userPks = new long[batch.size()];
        try (PreparedStatement users = c.prepareStatement(Users.INSERT, new String[] {"pk"});
             PreparedStatement pks = c.prepareStatement("SELECT pk FROM users WHERE user_id = ?")) {
            List<Integer> inserted = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                Planned p = batch.get(k);
                if (p.index() >= withUser) {
                    Users.bind(users, customerPk, p.user());
                    users.addBatch();
                    inserted.add(k);
                } else {
                    pks.setString(1, p.user().userId());
                    try (ResultSet rs = pks.executeQuery()) {
                        rs.next();
                        userPks[k] = rs.getLong(1);
                    }
                }
            }
            if (!inserted.isEmpty()) {
                users.executeBatch();
                try (ResultSet keys = users.getGeneratedKeys()) {
                    for (int k : inserted) {
                        keys.next();
                        userPks[k] = keys.getLong(1);
                    }
                }
            }
        }
        List<PlannedWallet> wallets = new ArrayList<>();
        List<Long> ownerPks = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            for (PlannedWallet w : batch.get(k).wallets()) {
                wallets.add(w);
                ownerPks.add(userPks[k]);
            }
        }
        long[] walletPks = new long[wallets.size()];
        try (PreparedStatement ps = c.prepareStatement(Wallets.INSERT, new String[] {"pk"})) {
            for (int k = 0; k < wallets.size(); k++) {
                Wallets.NewRow w = wallets.get(k).wallet();
                Wallets.bind(ps, customerPk, new Wallets.NewRow(ownerPks.get(k), w.userId(), w.walletId(),
                        w.name(), w.currency(), w.balance(), w.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int k = 0; k < walletPks.length; k++) {
                    keys.next();
                    walletPks[k] = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement addresses = c.prepareStatement(Addresses.INSERT);
             PreparedStatement deposits = c.prepareStatement(Transactions.INSERT)) {
            for (int k = 0; k < wallets.size(); k++) {
                PlannedWallet w = wallets.get(k);
                Addresses.bind(addresses, customerPk, walletPks[k], w.address());
                addresses.addBatch();
                for (Deposit d : w.deposits()) {
                    Transactions.bind(deposits, customerPk, walletPks[k], d.tx(), d.height());
                    deposits.addBatch();
                }
            }
            addresses.executeBatch();
            deposits.executeBatch();
        }
    }
}
