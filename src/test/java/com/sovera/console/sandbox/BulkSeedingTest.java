package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.DemoSeedingTest.one;
import static com.sovera.console.sandbox.DemoSeedingTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk seed writes its rows straight into the tables and fills their indexes itself, beneath H2's SQL: what it
 * leaves must be what SQL inserts and H2's own index builds leave, to the last column and index entry, in the
 * file too, and a bulk seed stopped by a crash must leave nothing half done for the next start.
 */
class BulkSeedingTest {

    private static final int USERS = 900;
    private static final List<String> TABLES = List.of("USERS", "WALLETS", "ADDRESSES", "TRANSACTIONS");

    @Test
    void aBulkSeedWritesEveryColumnAndKeyAsInsertsWriteThem() throws Exception {
        Map<String, List<String>> inserted;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0, "owner-key", Integer.MAX_VALUE);
            inserted = everything(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0, "owner-key", 100);
            assertThat(everything(db)).isEqualTo(inserted);
        }
    }

    @Test
    void everyIndexOfABulkSeedAnswersAsAReadOfItsTableDoesAlsoAfterReopening(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, USERS, 0, "owner-key", 100);
            assertEveryIndexAgreesWithItsTable(db);
        }
        try (Database db = Database.open(dir)) {
            assertEveryIndexAgreesWithItsTable(db);
            DemoData.ensure(db, USERS + 300, 0, "owner-key-of-the-next-start", 100); // a top-up in bulk refills the indexes
            assertEveryIndexAgreesWithItsTable(db);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM users")).isEqualTo(USERS + 300);
            }
        }
    }

    @Test
    void anEarlierConsolesUsersWithoutTreesGetThemInBulkAsInsertsWouldGiveThem() throws Exception {
        Map<String, List<String>> inserted;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0, "owner-key", Integer.MAX_VALUE);
            inserted = everything(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, USERS, 0, "owner-key", Integer.MAX_VALUE);
            // an earlier console: all the users, trees for the first 300 only (seeded in order, so by key)
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                long firstWithout = one(c, "SELECT MIN(user_pk) FROM wallets w WHERE w.user_id = '"
                        + DemoRows.user(DemoData.EARLIER_WITH_WALLETS).userId() + "'");
                s.execute("DELETE FROM transactions WHERE wallet_pk IN (SELECT pk FROM wallets WHERE user_pk >= "
                        + firstWithout + ")");
                s.execute("DELETE FROM addresses WHERE wallet_pk IN (SELECT pk FROM wallets WHERE user_pk >= "
                        + firstWithout + ")");
                s.execute("DELETE FROM wallets WHERE user_pk >= " + firstWithout);
                for (String table : List.of("wallets", "addresses", "transactions")) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN pk RESTART WITH (SELECT MAX(pk) + 1 FROM "
                            + table + ")");
                }
            }
            DemoData.ensure(db, USERS, 0, "owner-key-of-the-next-start", 100);
            assertThat(everything(db)).isEqualTo(inserted);
            assertEveryIndexAgreesWithItsTable(db);
        }
    }

    @Test
    void aBulkSeedStoppedByACrashIsUndoneAndItsIndexesFilledAgainAtTheNextStart(@TempDir Path dir) throws Exception {
        Map<String, List<String>> before;
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, 300, 0);
            before = everything(db);
            // a bulk seed's first steps, then the process ends: its indexes left out, some rows written in bulk
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                IndexesAside.take(c, DemoIndexes.TABLES);
                BulkRows users = BulkRows.open(c, Users.INSERT);
                BulkRows.mark(c, List.of(users));
                for (int i = 300; i < 320; i++) {
                    Users.bind(users.statement(), 1, DemoRows.user(i));
                    users.add();
                }
            }
        }
        try (Database db = Database.open(dir)) {
            assertThat(everything(db)).as("the rows written in bulk are gone").isEqualTo(before);
            assertEveryIndexAgreesWithItsTable(db);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE REMARKS IS NOT NULL"))
                        .as("indexes still marked").isZero();
                assertThat(one(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE REMARKS IS NOT NULL"))
                        .as("tables still marked").isZero();
            }
            DemoData.ensure(db, USERS, 0, "owner-key", 100);
            assertEveryIndexAgreesWithItsTable(db);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM users")).isEqualTo(USERS);
                assertThat(one(c, "SELECT COUNT(DISTINCT user_id) FROM users")).isEqualTo(USERS);
            }
        }
    }

    @Test
    void twoRowsAUniqueIndexForbidsFailTheBuildInsteadOfBothBeingKept() throws Exception {
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, 10, 0);
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                IndexesAside aside = IndexesAside.take(c, List.of("users"));
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO users (customer_pk, user_id, email, email_key, user_type, status, first_name,"
                            + " last_name, phone, date_of_birth, country, created_at, updated_at) SELECT customer_pk,"
                            + " user_id, email, email_key, user_type, status, first_name, last_name, phone,"
                            + " date_of_birth, country, created_at, updated_at FROM users WHERE pk = 1");
                }
                c.commit();
                assertThatThrownBy(() -> aside.fillAndRestore(c)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Unique index");
            }
        }
    }

    /**
     * Each secondary index of the demo tables, read in its order, gives the rows a read of the table sorted the
     * same way gives; and a lookup of some rows' leading values through it counts what the table holds.
     */
    private static void assertEveryIndexAgreesWithItsTable(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            Map<String, String[]> indexes = new LinkedHashMap<>();
            for (String row : rows(c, "SELECT i.TABLE_NAME, i.INDEX_NAME, LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP"
                    + " (ORDER BY k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEXES i JOIN"
                    + " INFORMATION_SCHEMA.INDEX_COLUMNS k ON k.INDEX_NAME = i.INDEX_NAME AND k.TABLE_NAME = i.TABLE_NAME"
                    + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY' AND i.TABLE_NAME IN"
                    + " ('USERS', 'WALLETS', 'ADDRESSES', 'TRANSACTIONS') GROUP BY i.TABLE_NAME, i.INDEX_NAME")) {
                String[] f = row.split("\\|");
                indexes.put(f[1], new String[] {f[0], f[2]});
            }
            assertThat(indexes).hasSizeGreaterThan(55);
            for (Map.Entry<String, String[]> e : indexes.entrySet()) {
                String table = e.getValue()[0];
                String columns = e.getValue()[1];
                String through = "SELECT " + columns + ", pk FROM " + table + " USE INDEX (\"" + e.getKey() + "\")"
                        + " ORDER BY " + columns + ", pk";
                assertThat(rows(c, "EXPLAIN " + through).get(0)).as("the plan of " + e.getKey())
                        .contains(e.getKey()).contains("index sorted");
                assertThat(rows(c, through)).as(e.getKey() + " read in its order")
                        .isEqualTo(rows(c, "SELECT " + columns + ", pk FROM " + table + " USE INDEX ()"
                                + " ORDER BY " + columns + ", pk"));
                String first = columns.split(",")[0];
                String second = columns.contains(",") ? columns.split(",")[1] : first;
                for (String sample : rows(c, "SELECT " + first + ", " + second + " FROM " + table
                        + " USE INDEX () WHERE MOD(pk, 97) = 1")) {
                    String lookup = " WHERE " + first + " = ? AND " + second + " = ?";
                    assertThat(count(c, "SELECT COUNT(*) FROM " + table + " USE INDEX (\"" + e.getKey() + "\")"
                            + lookup, sample)).as(e.getKey() + " looked up at " + sample)
                            .isEqualTo(count(c, "SELECT COUNT(*) FROM " + table + " USE INDEX ()" + lookup, sample));
                }
            }
        }
    }

    /** Every column of every demo row and the next key of each table, in the order of the keys. */
    private static Map<String, List<String>> everything(Database db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            for (String table : TABLES) {
                out.put(table, rows(c, "SELECT * FROM " + table + " ORDER BY pk"));
            }
            out.put("next keys", rows(c, "SELECT TABLE_NAME, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = 'PK' AND TABLE_NAME IN ('USERS', 'WALLETS',"
                    + " 'ADDRESSES', 'TRANSACTIONS') ORDER BY 1"));
        }
        return out;
    }

    private static long count(Connection c, String sql, String sample) throws SQLException {
        String[] values = sample.split("\\|");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, values[0]);
            ps.setString(2, values[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
