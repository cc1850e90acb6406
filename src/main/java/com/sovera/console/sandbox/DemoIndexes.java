package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.engine.SysProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary indexes and unique ids of the demo tables and a bulk seed's store settings. A bulk seed sets the
 * indexes aside and fills them at the end ({@link IndexesAside}); any start completes what a stopped one left: the
 * indexes it left marked, and those a seed of an earlier console (which dropped them) left dropped.
 */
final class DemoIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIndexes.class);

    /** The users' secondary indexes as the migrations leave them; a test checks the two agree. */
    static final List<String> USER_INDEXES = List.of(
            "CREATE UNIQUE INDEX users_email ON users (customer_pk, email_key)",
            "CREATE INDEX users_created ON users (customer_pk, created_at, pk)",
            "CREATE INDEX users_last_name ON users (customer_pk, last_name, pk)",
            "CREATE INDEX users_first_name ON users (customer_pk, first_name, pk)",
            "CREATE INDEX users_status ON users (customer_pk, status, created_at, pk)",
            "CREATE INDEX users_type ON users (customer_pk, user_type, created_at, pk)",
            "CREATE INDEX users_country ON users (customer_pk, country, created_at, pk)",
            "CREATE INDEX users_status_sort ON users (customer_pk, status, pk)",
            "CREATE INDEX users_status_email ON users (customer_pk, status, email_key)",
            "CREATE INDEX users_status_last ON users (customer_pk, status, last_name, pk)",
            "CREATE INDEX users_type_email ON users (customer_pk, user_type, email_key)",
            "CREATE INDEX users_type_last ON users (customer_pk, user_type, last_name, pk)",
            "CREATE INDEX users_type_status ON users (customer_pk, user_type, status, pk)",
            "CREATE INDEX users_country_email ON users (customer_pk, country, email_key)",
            "CREATE INDEX users_country_last ON users (customer_pk, country, last_name, pk)",
            "CREATE INDEX users_country_status ON users (customer_pk, country, status, pk)",
            "CREATE INDEX users_first_created ON users (customer_pk, first_name, created_at, pk)",
            "CREATE INDEX users_first_email ON users (customer_pk, first_name, email_key)",
            "CREATE INDEX users_first_last ON users (customer_pk, first_name, last_name, pk)",
            "CREATE INDEX users_first_status ON users (customer_pk, first_name, status, pk)",
            "CREATE INDEX users_last_created ON users (customer_pk, last_name, created_at, pk)",
            "CREATE INDEX users_last_email ON users (customer_pk, last_name, email_key)",
            "CREATE INDEX users_last_status ON users (customer_pk, last_name, status, pk)",
            "CREATE INDEX users_status_last_created ON users (customer_pk, status, last_name, created_at, pk)",
            "CREATE INDEX users_type_last_created ON users (customer_pk, user_type, last_name, created_at, pk)",
            "CREATE INDEX users_country_last_created ON users (customer_pk, country, last_name, created_at, pk)",
            "CREATE INDEX users_type_status_created ON users (customer_pk, user_type, status, created_at, pk)",
            "CREATE INDEX users_country_status_created ON users (customer_pk, country, status, created_at, pk)");
    /** The other tables' secondary indexes the seeding drops and builds again; a test checks them too. */
    static final List<String> TREE_INDEXES = List.of(
            "CREATE INDEX wallets_created ON wallets (customer_pk, created_at, pk)",
            "CREATE INDEX wallets_user ON wallets (customer_pk, user_id, pk)",
            "CREATE INDEX wallets_name ON wallets (customer_pk, name, pk)",
            "CREATE INDEX wallets_currency ON wallets (customer_pk, currency, pk)",
            "CREATE INDEX wallets_status ON wallets (customer_pk, status, pk)",
            "CREATE INDEX wallets_of_user ON wallets (user_pk, pk)",
            "CREATE INDEX addresses_created ON addresses (customer_pk, created_at, pk)",
            "CREATE INDEX addresses_wallet ON addresses (customer_pk, wallet_id, pk)",
            "CREATE INDEX addresses_address ON addresses (customer_pk, address_key, pk)",
            "CREATE INDEX addresses_network ON addresses (customer_pk, network, pk)",
            "CREATE INDEX addresses_currency ON addresses (customer_pk, currency, pk)",
            "CREATE INDEX transactions_created ON transactions (customer_pk, created_at, pk)",
            "CREATE INDEX transactions_amount ON transactions (customer_pk, amount, pk)",
            "CREATE INDEX transactions_hash ON transactions (customer_pk, tx_hash, pk)",
            "CREATE INDEX transactions_address ON transactions (customer_pk, address_key, created_at, pk)",
            "CREATE INDEX transactions_wallet ON transactions (customer_pk, wallet_id, created_at, pk)",
            "CREATE INDEX transactions_status ON transactions (customer_pk, status, created_at, pk)",
            "CREATE INDEX transactions_currency ON transactions (customer_pk, currency, created_at, pk)",
            "CREATE INDEX transactions_pending ON transactions (status, block_height)",
            "CREATE INDEX transactions_of_wallet ON transactions (wallet_pk, pk)",
            "CREATE INDEX wallets_status_created ON wallets (customer_pk, status, created_at, pk)",
            "CREATE INDEX wallets_status_name ON wallets (customer_pk, status, name, pk)",
            "CREATE INDEX wallets_status_currency ON wallets (customer_pk, status, currency, pk)",
            "CREATE INDEX wallets_currency_created ON wallets (customer_pk, currency, created_at, pk)",
            "CREATE INDEX wallets_currency_name ON wallets (customer_pk, currency, name, pk)",
            "CREATE INDEX addresses_network_created ON addresses (customer_pk, network, created_at, pk)",
            "CREATE INDEX addresses_currency_created ON addresses (customer_pk, currency, created_at, pk)",
            "CREATE INDEX transactions_status_amount ON transactions (customer_pk, status, amount, pk)",
            "CREATE INDEX transactions_currency_amount ON transactions (customer_pk, currency, amount, pk)",
            "CREATE INDEX wallets_name_created ON wallets (customer_pk, name, created_at, pk)",
            "CREATE INDEX wallets_name_currency ON wallets (customer_pk, name, currency, pk)",
            "CREATE INDEX wallets_currency_name_created ON wallets (customer_pk, currency, name, created_at, pk)",
            "CREATE INDEX wallets_status_name_created ON wallets (customer_pk, status, name, created_at, pk)",
            "CREATE INDEX wallets_status_currency_created ON wallets (customer_pk, status, currency, created_at, pk)",
            "CREATE INDEX transactions_amount_created ON transactions (customer_pk, amount, created_at, pk)",
            "CREATE INDEX transactions_status_amount_created ON transactions"
                    + " (customer_pk, status, amount, created_at, pk)",
            "CREATE INDEX transactions_currency_amount_created ON transactions"
                    + " (customer_pk, currency, amount, created_at, pk)");

    /**
     * The ids of the tree's rows, unique by constraint (table, column), which a bulk seed of an earlier console
     * dropped: a database it left so gets them again.
     */
    private static final String[][] TREE_IDS = {{"wallets", "wallet_id"}, {"addresses", "address_id"},
        {"transactions", "transaction_id"}};

    /** The demo tables, whose identity columns a bulk seed gives a larger key cache. */
    static final List<String> TABLES = List.of("users", "wallets", "addresses", "transactions");
    /** H2's key cache of an identity column, and a bulk seed's. */
    private static final int KEY_CACHE = 32;
    private static final int BULK_KEY_CACHE = 1_000_000;
    /** H2's page cache (KB), and a bulk seed's while it inserts and builds. */
    private static final int CACHE_KB = 65_536;
    /** H2's default: how long the store keeps pages it no longer needs, so that a crash can be recovered from. */
    private static final int RETENTION_MS = 45_000;
    private static final int BULK_CACHE_KB = 262_144;
    /** A bulk seed's store commit delay (H2's WRITE_DELAY): other than 0, H2 writes pages on threads of its own. */
    private static final int BULK_WRITE_DELAY_MS = 1_000;

    private DemoIndexes() {
    }

    /**
     * For a large seed, the store's side: let it reuse its space at once, a larger page cache, and identity columns
     * that take their values from a cache of a million (with H2's 32, every 32nd row inserted by SQL wrote the
     * sequence and so committed the whole store). The indexes are set aside and filled at the end
     * ({@link IndexesAside}), and the tree's rows written in bulk ({@link BulkRows}): inserting a million rows into
     * random-order indexes rewrote pages on every commit and grew the file to many gigabytes, and H2's own index
     * builds took 860 s of CPU at a million users. A stopped seed leaves at most gaps in the keys.
     */
    static void bulkMode(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (on) {
                s.execute("SET RETENTION_TIME 0");
                // the store's pages written by H2's background threads while this one writes rows (until
                // rowsWritten): a bulk seed makes its rows durable itself (BulkRows.keep), nothing is answered meanwhile
                s.execute("SET WRITE_DELAY " + BULK_WRITE_DELAY_MS);
                s.execute("SET CACHE_SIZE " + BULK_CACHE_KB);
                for (String table : TABLES) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN pk SET CACHE " + BULK_KEY_CACHE);
                }
            } else {
                usualSettings(s);
            }
            c.commit();
        }
    }

    /**
     * A bulk seed's rows are all written: the store writes its pages on the calling thread again (the index fill
     * makes the next tree meanwhile; H2's threads would hold each tree longer, for the collector to copy).
     */
    static void rowsWritten(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
    }

    /**
     * The store's usual settings, which a bulk seed or an index build raises; kept in the database file, so a
     * process stopped before it gave them back would leave them for good (no space kept to recover from a crash, a
     * page cache of 256 MB in the console's heap).
     */
    private static void usualSettings(Statement s) throws SQLException {
        s.execute("SET RETENTION_TIME " + RETENTION_MS);
        s.execute("SET WRITE_DELAY 0"); // as Database opens it: an answered write is in the file at once
        s.execute("SET CACHE_SIZE " + CACHE_KB);
        s.execute("SET MAX_MEMORY_ROWS " + SysProperties.MAX_MEMORY_ROWS);
    }

    /**
     * Undoes what a bulk seed stopped by a crash left ({@link IndexesAside#repairStoppedSeed}), builds whichever
     * secondary index or unique id is missing (an earlier console's bulk seed dropped them), and gives the identity
     * columns their usual key cache back. While it builds, H2 sorts up to a quarter of the heap in memory ({@code MAX_MEMORY_ROWS}; its
     * default, 40,000 rows a gigabyte of heap, cut a million rows into 25 sorted runs to write and merge again).
     * The page cache is a bulk seed's meanwhile (a start that completes a stopped seed builds too). One connection:
     * H2 holds its schema lock while it builds an index, so a second connection only waits.
     */
    static void buildMissing(Database db) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            List<String> bulkCache = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = 'PK' AND IDENTITY_CACHE <> " + KEY_CACHE)) {
                while (rs.next()) {
                    bulkCache.add(rs.getString(1));
                }
            }
            for (String table : bulkCache) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN pk SET CACHE " + KEY_CACHE);
            }
            try {
                IndexesAside.repairStoppedSeed(c);
                List<String> missing = missing(c);
                if (!missing.isEmpty()) {
                    s.execute("SET MAX_MEMORY_ROWS " + sortRows());
                    s.execute("SET CACHE_SIZE " + BULK_CACHE_KB);
                    for (String statement : missing) {
                        s.execute(statement);
                    }
                    LOG.info("Built {} indexes of the demo tables in {} ms", missing.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    usualSettings(s);
                } catch (SQLException | RuntimeException also) {
                    e.addSuppressed(also); // the build's failure is the one told
                }
                throw e;
            }
            usualSettings(s); // also those of a seed stopped before it gave them back
        }
    }

    /** Rows H2 sorts in memory while the indexes are built: about a kilobyte each, a quarter of the heap. */
    private static long sortRows() {
        return Math.max(SysProperties.MAX_MEMORY_ROWS,
                Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 4_000));
    }

    private static List<String> missing(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                present.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String index : all()) {
            if (!present.contains(index.replaceFirst("CREATE (UNIQUE )?INDEX (\\w+) .*", "$2"))) {
                out.add(index);
            }
        }
        for (String[] unique : TREE_IDS) {
            if (uniqueConstraints(c, unique[0], unique[1]).isEmpty()) {
                out.add("ALTER TABLE " + unique[0] + " ADD CONSTRAINT " + unique[0] + "_" + unique[1]
                        + " UNIQUE (" + unique[1] + ")");
            }
        }
        return out;
    }

    private static List<String> uniqueConstraints(Connection c, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.CONSTRAINT_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME"
                + " WHERE tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'UNIQUE' AND k.COLUMN_NAME = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            ps.setString(2, column.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(USER_INDEXES);
        all.addAll(TREE_INDEXES);
        return all;
    }
}
