package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --seed-users N} seeds every demo user's whole tree (wallets, an address each, completed deposits that make
 * up the balances); a second start adds nothing, a stopped seed and a database of an earlier console (wallets for
 * the first 300 users only) are completed to exactly what a fresh seed makes.
 */
class DemoSeedingTest {

    private static final int USERS = 900;

    @Test
    void everyDemoUserHasWalletsAddressesAndTheDepositsOfTheirBalances() throws Exception {
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM users")).isEqualTo(USERS);
                assertThat(one(c, "SELECT COUNT(*) FROM users u WHERE NOT EXISTS"
                        + " (SELECT 1 FROM wallets w WHERE w.user_pk = u.pk)")).as("users without a wallet").isZero();
                assertThat(one(c, "SELECT COUNT(*) FROM wallets w WHERE (SELECT COUNT(*) FROM addresses a"
                        + " WHERE a.wallet_pk = w.pk) <> 1")).as("wallets without exactly one address").isZero();
                assertThat(one(c, "SELECT COUNT(*) FROM wallets w WHERE w.balance <> COALESCE((SELECT SUM(t.amount)"
                        + " FROM transactions t WHERE t.wallet_pk = w.pk AND t.status = 'COMPLETED'), 0)"))
                        .as("wallets whose balance is not their completed deposits").isZero();
                assertThat(one(c, "SELECT COUNT(*) FROM transactions t JOIN addresses a ON a.wallet_pk = t.wallet_pk"
                        + " WHERE t.address <> a.address")).as("deposits to another address").isZero();
                assertThat(one(c, "SELECT COUNT(DISTINCT currency) FROM wallets")).isEqualTo(3);
                assertThat(one(c, "SELECT COUNT(*) FROM (SELECT user_pk FROM wallets GROUP BY user_pk"
                        + " HAVING COUNT(*) > 1)")).as("users with more than one wallet").isPositive();
            }
        }
    }

    @Test
    void aSecondStartAddsNothing() throws Exception {
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            Map<String, List<String>> first = content(db);
            DemoData.ensure(db, USERS, 0);
            DemoData.ensure(db, 300, 0);
            assertThat(content(db)).isEqualTo(first);
        }
    }

    @Test
    void aStoppedSeedIsCompletedAtTheNextStart() throws Exception {
        Map<String, List<String>> fresh;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            fresh = content(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            // what a seed stopped after its first batches leaves: the users from 700 on and their trees are missing,
            // and a bulk seed's dropped indexes and unique ids
            try (Connection c = db.connection()) {
                remove(c, 700, true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX users_status");
                    s.execute("DROP INDEX transactions_pending");
                }
            }
            DemoData.ensure(db, USERS, 0);
            assertThat(content(db)).isEqualTo(fresh);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME IN"
                        + " ('USERS_STATUS', 'TRANSACTIONS_PENDING')")).isEqualTo(2);
            }
        }
    }

    @Test
    void aDatabaseOfAnEarlierConsoleGetsTheTreesItsUsersLack() throws Exception {
        Map<String, List<String>> fresh;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            fresh = content(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            // an earlier console: all the users, wallets (and so addresses and deposits) for the first 300 only
            try (Connection c = db.connection()) {
                remove(c, DemoData.EARLIER_WITH_WALLETS, false);
                assertThat(one(c, "SELECT COUNT(DISTINCT user_pk) FROM wallets")).isEqualTo(300);
            }
            DemoData.ensure(db, USERS, 0);
            assertThat(content(db)).isEqualTo(fresh);
        }
    }

    @Test
    void toppingUpAddsTheUsersAFreshDatabaseWouldHave() throws Exception {
        Map<String, List<String>> fresh;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0);
            fresh = content(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, 400, 0);
            DemoData.ensure(db, USERS, 0);
            assertThat(content(db)).isEqualTo(fresh);
        }
    }

    @Test
    void aBulkSeedLeavesEveryIndexAndUniqueIdAsTheMigrationsMakeThem() throws Exception {
        List<String> migrated;
        try (Database db = Database.open(null)) {
            migrated = indexes(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0, "owner-key", 100);
            assertThat(indexes(db)).isEqualTo(migrated);
            try (Connection c = db.connection()) {
                assertThat(rows(c, "SELECT DISTINCT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = 'PK'"))
                        .as("the identity columns' key cache, which a bulk seed raises").containsExactly("32|");
            }
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM wallets")).isGreaterThan(USERS);
            }
        }
    }

    @Test
    void aSeedStoppedWhileItBuiltItsIndexesLeavesNoBulkSettingBehindAtTheNextStart(@TempDir Path dir)
            throws Exception {
        List<String> migrated;
        try (Database db = Database.open(null)) {
            migrated = indexes(db);
        }
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, USERS, 0, "owner-key", 100);
            assertThat(settings(db)).as("after a whole bulk seed").containsExactly(USUAL);
            // what a seed stopped after its last batch, while it built its indexes, leaves in the file
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                DemoIndexes.bulkMode(c, true);
            }
        }
        try (Database db = Database.open(dir)) {
            assertThat(settings(db)).as("kept in the file").doesNotContain(USUAL[0]);
            DemoData.ensure(db, USERS, 0, "owner-key-of-the-next-start", 100);

            assertThat(settings(db)).containsExactly(USUAL);
            assertThat(indexes(db)).isEqualTo(migrated);
        }
    }

    /** H2's own time to keep old pages (crash recovery), the sandbox's page cache and H2's rows sorted in memory. */
    private static final String[] USUAL = {"RETENTION_TIME|45000|", "CACHE_SIZE|65536|",
            "MAX_MEMORY_ROWS|" + org.h2.engine.SysProperties.MAX_MEMORY_ROWS + "|"};

    private static List<String> settings(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            return rows(c, "SELECT DISTINCT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME"
                    + " IN ('RETENTION_TIME', 'CACHE_SIZE', 'MAX_MEMORY_ROWS') ORDER BY CASE SETTING_NAME"
                    + " WHEN 'RETENTION_TIME' THEN 1 WHEN 'CACHE_SIZE' THEN 2 ELSE 3 END");
        }
    }

    /** Each index of the demo tables as its table, uniqueness and columns (unique ids are renamed by a bulk seed). */
    private static List<String> indexes(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            return rows(c, "SELECT i.TABLE_NAME, i.INDEX_TYPE_NAME, LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP"
                    + " (ORDER BY k.ORDINAL_POSITION) AS cols FROM INFORMATION_SCHEMA.INDEXES i"
                    + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS k ON k.INDEX_NAME = i.INDEX_NAME"
                    + " AND k.TABLE_NAME = i.TABLE_NAME WHERE i.TABLE_NAME IN ('USERS', 'WALLETS', 'ADDRESSES',"
                    + " 'TRANSACTIONS') GROUP BY i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME"
                    + " ORDER BY 1, 2, 3");
        }
    }

    /** Removes demo users from {@code from} on (when {@code users}) and the trees of them (seeded in order). */
    private static void remove(Connection c, int from, boolean users) throws SQLException {
        long pk;
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM users WHERE user_id = ?")) {
            ps.setString(1, DemoRows.user(from).userId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                pk = rs.getLong(1);
            }
        }
        List<String> deletes = new ArrayList<>(List.of(
                "DELETE FROM transactions WHERE wallet_pk IN (SELECT pk FROM wallets WHERE user_pk >= ?)",
                "DELETE FROM addresses WHERE wallet_pk IN (SELECT pk FROM wallets WHERE user_pk >= ?)",
                "DELETE FROM wallets WHERE user_pk >= ?"));
        if (users) {
            deletes.add("DELETE FROM users WHERE pk >= ?");
        }
        for (String sql : deletes) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, pk);
                ps.executeUpdate();
            }
        }
    }

    /** Every demo row a user sees, by table, sorted: what two databases must agree on. */
    private static Map<String, List<String>> content(Database db) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = db.connection()) {
            out.put("users", rows(c, "SELECT user_id, email, status, first_name, last_name, country, created_at"
                    + " FROM users ORDER BY user_id"));
            out.put("wallets", rows(c, "SELECT w.wallet_id, w.user_id, u.pk = w.user_pk, name, currency, balance,"
                    + " pending_balance, w.created_at FROM wallets w JOIN users u ON u.user_id = w.user_id"
                    + " ORDER BY wallet_id"));
            out.put("addresses", rows(c, "SELECT address_id, a.wallet_id, w.pk = a.wallet_pk, a.currency, network,"
                    + " address, a.created_at FROM addresses a JOIN wallets w ON w.wallet_id = a.wallet_id"
                    + " ORDER BY address_id"));
            out.put("transactions", rows(c, "SELECT transaction_id, t.wallet_id, w.pk = t.wallet_pk, address, amount,"
                    + " tx_hash, t.status, block_height, t.created_at FROM transactions t"
                    + " JOIN wallets w ON w.wallet_id = t.wallet_id ORDER BY transaction_id"));
        }
        return out;
    }

    /** The rows as text, a value per column, decimals with the scale they are stored in. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int k = 1; k <= columns; k++) {
                    Object v = rs.getObject(k);
                    row.append(v instanceof BigDecimal d ? d.toPlainString() : v).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
