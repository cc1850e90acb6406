package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the demo account, customer and users exist: finds how far an earlier seed got and has the rest
 * written ({@link DemoRows} generates them, {@link DemoBatches} writes them; a bulk seed writes the rows straight
 * into the tables with {@link BulkRows} and fills their indexes with {@link IndexesAside} at the end).
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    /** Makes sure the demo account, customer and {@code users} users exist; returns a fresh demo owner key. */
    static DemoAccount ensure(Database db, int users, long now) throws SQLException {
        return ensure(db, users, now, Secrets.customerSecret());
    }

    /**
     * The same, with the demo owner key chosen by the caller (its hash is stored; the key itself never). Each
     * demo user comes with their whole tree: one or two wallets, an address each, and the completed deposits the
     * wallets' balances are made of. What a database lacks is added, in order of the users' index, one batch per
     * transaction: a seed that was stopped, or a database of an earlier console that gave wallets only to its
     * first {@value #EARLIER_WITH_WALLETS} users, is completed at the next start, and nothing is added twice.
     */
    static DemoAccount ensure(Database db, int users, long now, String ownerKey) throws SQLException {
        return ensure(db, users, now, ownerKey, BULK_FROM);
    }

    /** The same, seeding in bulk mode (indexes set aside, then filled once) from {@code bulkFrom} rows: for tests. */
    static DemoAccount ensure(Database db, int users, long now, String ownerKey, int bulkFrom) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long accountPk = Accounts.ensureAccount(c, DemoAccount.EMAIL, DemoAccount.PASSWORD, now);
            long customerPk;
            try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM customers WHERE customer_id = ?")) {
                ps.setString(1, DemoAccount.CUSTOMER_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    customerPk = rs.next() ? rs.getLong(1) : Customers.insert(c, accountPk, DemoAccount.CUSTOMER_ID,
                            "ops@demo-customer.test", "Demo Customer Ltd", DemoRows.EPOCH.toEpochMilli());
                }
            }
            Customers.storeKey(c, customerPk, ownerKey, now);
            c.commit();
            DemoIndexes.buildMissing(db); // what a seed stopped in bulk mode left
            int withUser = prefix(c, "SELECT 1 FROM users WHERE user_id = ?", i -> DemoRows.user(i).userId(),
                    SandboxConfig.MAX_DEMO_USERS);
            int withTree = prefix(c, "SELECT 1 FROM wallets WHERE wallet_id = ?", DemoRows::firstWalletId,
                    withUser);
            if (withTree < users) {
                long started = System.nanoTime();
                new DemoBatches(db, c, customerPk, bulkFrom).run(withUser, withTree, users);
                LOG.info("Seeded demo users {} to {} (their wallets, addresses and deposits from {}) in {} ms",
                        withUser, users, withTree, (System.nanoTime() - started) / 1_000_000);
            }
            return new DemoAccount(DemoAccount.EMAIL, DemoAccount.PASSWORD, DemoAccount.CUSTOMER_ID, ownerKey);
        }
    }

    /**
     * How many demo users, from the first, have a row found by {@code sql} with the key {@code key(i)}: seeding
     * goes in order of the index, a batch per transaction, so what exists is always a prefix. A binary search
     * over unique keys: 20 lookups, where counting a million e-mails by pattern read the whole table.
     */
    private static int prefix(Connection c, String sql, IntFunction<String> key, int atMost)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int low = 0; // user low-1 exists (or low is 0)
            int high = atMost; // user high does not exist (or high is the bound)
            while (low < high) {
                int mid = (low + high) >>> 1;
                ps.setString(1, key.apply(mid));
                boolean exists;
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
                if (exists) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /** From this many users on they are written in bulk, the secondary indexes set aside and filled at the end. */
    private static final int BULK_FROM = 50_000;
    /** Earlier consoles gave wallets to the first 300 demo users only. */
    static final int EARLIER_WITH_WALLETS = 300;
}
