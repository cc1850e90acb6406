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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seeding run on one connection: writes the demo users and their trees in batches, each one transaction; or,
 * from {@code bulkFrom} users on, straight into the tables ({@link BulkRows}) with their indexes set aside
 * ({@link IndexesAside}), kept only once all are written (a failure removes them, as the next start would).
 */
final class DemoBatches {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBatches.class);

    private static final int BATCH = 5_000;
    /** Users a transaction in a bulk seed: fewer commits, each of which writes the store's changed pages. */
    private static final int BULK_BATCH = 25_000;

    private static final List<String> TREE_TABLES = List.of("wallets", "addresses", "transactions");

    private final Database db;
    private final Connection c;
    private final long customerPk;
    private final int bulkFrom;
    private Sinks sinks;

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
        boolean bulk = to - withTree >= bulkFrom && heapFor(to);
        IndexesAside aside = null;
        List<BulkRows> written = new ArrayList<>();
        long started = System.nanoTime();
        Throwable failed = null;
        try {
            if (bulk) {
                DemoIndexes.bulkMode(c, true);
                // users that exist without their trees are looked up by id: their indexes stay, they are inserted
                boolean usersAside = withUser <= withTree;
                aside = IndexesAside.take(c, usersAside ? DemoIndexes.TABLES : TREE_TABLES);
                sinks = new Sinks(usersAside ? bulk(Users.INSERT, written) : RowSink.sql(c, Users.INSERT),
                        bulk(Wallets.INSERT, written), bulk(Addresses.INSERT, written),
                        bulk(Transactions.INSERT, written));
                BulkRows.mark(c, written); // before any row: undone at the next open unless unmarked below
            } else {
                sinks = new Sinks(RowSink.sql(c, Users.INSERT), RowSink.sql(c, Wallets.INSERT),
                        RowSink.sql(c, Addresses.INSERT), RowSink.sql(c, Transactions.INSERT));
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
            if (bulk) {
                DemoIndexes.rowsWritten(c);
            }
            for (BulkRows rows : written) {
                rows.keep(c);
            }
            if (aside != null) {
                aside.fillAndRestore(c); // a unique index that meets two equal keys fails here, the rows undone below
                aside = null;
            }
            if (!written.isEmpty()) {
                BulkRows.unmark(c); // every table's rows kept at once: no wallet without its address
            }
            if (bulk) {
                LOG.info("Wrote the trees of demo users {} to {} in bulk in {} ms", withTree, to,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (CompletionException e) {
            failed = e.getCause() instanceof RuntimeException re ? re : e;
        } catch (SQLException | RuntimeException | Error e) {
            failed = e; // an Error too (out of memory, say): what follows is still seen to, then it is told
        }
        if (sinks != null) {
            failed = also(failed, sinks::close);
        }
        if (failed != null) {
            // a batch half written is not kept: the next start completes the seed from the last whole batch (or,
            // for rows written in bulk, from where this seed started)
            failed = also(failed, c::rollback);
            if (aside != null) {
                aside.restore();
            }
            // the rows written in bulk removed from every marked table, their indexes filled again, the mark gone
            failed = also(failed, () -> IndexesAside.repairStoppedSeed(c));
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

    /**
     * Whether the heap holds a bulk seed of {@code users} users: its index fill sorts a table's keys in memory, about
     * 3 KB of heap per user of the whole tree (a million users were seeded in 4 GB). With less, the rows go in by
     * SQL, far slower but in any heap, rather than fail, and fail again at every start while it repairs.
     */
    private static boolean heapFor(int users) {
        return Runtime.getRuntime().maxMemory() / 3_000 >= users;
    }

    private BulkRows bulk(String insert, List<BulkRows> written) throws SQLException {
        BulkRows rows = BulkRows.open(c, insert);
        written.add(rows);
        return rows;
    }

    /** Where this run writes each table's rows. */
    private record Sinks(RowSink users, RowSink wallets, RowSink addresses, RowSink deposits) {
        void close() throws SQLException {
            for (RowSink sink : List.of(users, wallets, addresses, deposits)) {
                sink.close();
            }
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
        try (PreparedStatement pks = c.prepareStatement("SELECT pk FROM users WHERE user_id = ?")) {
            List<Integer> inserted = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                Planned p = batch.get(k);
                if (p.index() >= withUser) {
                    Users.bind(sinks.users.statement(), customerPk, p.user());
                    sinks.users.add();
                    inserted.add(k);
                } else {
                    pks.setString(1, p.user().userId());
                    try (ResultSet rs = pks.executeQuery()) {
                        rs.next();
                        userPks[k] = rs.getLong(1);
                    }
                }
            }
            long[] keys = sinks.users.flush();
            for (int i = 0; i < keys.length; i++) {
                userPks[inserted.get(i)] = keys[i];
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
        for (int k = 0; k < wallets.size(); k++) {
            Wallets.NewRow w = wallets.get(k).wallet();
            Wallets.bind(sinks.wallets.statement(), customerPk, new Wallets.NewRow(ownerPks.get(k), w.userId(),
                    w.walletId(), w.name(), w.currency(), w.balance(), w.createdAt()));
            sinks.wallets.add();
        }
        long[] walletPks = sinks.wallets.flush();
        for (int k = 0; k < wallets.size(); k++) {
            PlannedWallet w = wallets.get(k);
            Addresses.bind(sinks.addresses.statement(), customerPk, walletPks[k], w.address());
            sinks.addresses.add();
            for (Deposit d : w.deposits()) {
                Transactions.bind(sinks.deposits.statement(), customerPk, walletPks[k], d.tx(), d.height());
                sinks.deposits.add();
            }
        }
        sinks.addresses.flush();
        sinks.deposits.flush();
        LikeGrams.addSeeded(c, customerPk, batch, withUser);
    }
}
