package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * After a large seed: the database file opened by plain H2 (none of the console's repairs), and each secondary
 * index of the demo tables checked against its table: as many entries counted through it as the table has rows,
 * the plan going through it, and 50 random rows each found through it by all its columns. Cheap enough for a
 * million users (about 35 s), where comparing whole ordered reads is not.
 */
final class IndexCheck {

    private IndexCheck() {
    }

    static void assertEveryIndexAgrees(Path dir) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("sandbox"),
                "sovx", ""); Statement s = c.createStatement()) {
            Map<String, String[]> indexes = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT i.TABLE_NAME, i.INDEX_NAME, LISTAGG(k.COLUMN_NAME, ',') WITHIN"
                    + " GROUP (ORDER BY k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEXES i JOIN"
                    + " INFORMATION_SCHEMA.INDEX_COLUMNS k ON k.INDEX_NAME = i.INDEX_NAME AND k.TABLE_NAME = i.TABLE_NAME"
                    + " WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY' AND i.REMARKS IS NULL"
                    + " AND i.TABLE_NAME IN ('USERS', 'WALLETS', 'ADDRESSES', 'TRANSACTIONS')"
                    + " GROUP BY i.TABLE_NAME, i.INDEX_NAME ORDER BY 1, 2")) {
                while (rs.next()) {
                    indexes.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3)});
                }
            }
            assertThat(indexes).as("secondary indexes, none marked").hasSizeGreaterThan(55);
            Random random = new Random(7);
            long entries = 0;
            for (Map.Entry<String, String[]> e : indexes.entrySet()) {
                String table = e.getValue()[0];
                String[] columns = e.getValue()[1].split(",");
                String through = " FROM " + table + " USE INDEX (\"" + e.getKey() + "\")";
                long rows = one(s, "SELECT COUNT(*) FROM " + table + " USE INDEX ()");
                String counted = "SELECT COUNT(*)" + through + " WHERE " + columns[0] + " >= (SELECT MIN("
                        + columns[0] + ") FROM " + table + ")";
                assertThat(explain(s, counted)).as("the plan of " + counted).contains(e.getKey());
                long n = one(s, counted);
                assertThat(n).as(e.getKey() + "'s entries").isEqualTo(rows);
                entries += n;
                String where = " WHERE " + String.join(" = ? AND ", columns) + " = ?";
                assertThat(explain(s, "SELECT COUNT(*)" + through + where.replace("?", "NULL")))
                        .contains(e.getKey());
                try (PreparedStatement get = c.prepareStatement("SELECT " + e.getValue()[1] + " FROM " + table
                        + " WHERE pk = ?"); PreparedStatement look = c.prepareStatement("SELECT COUNT(*)" + through
                        + where)) {
                    long last = one(s, "SELECT MAX(pk) FROM " + table);
                    for (int found = 0; found < 50; ) {
                        get.setLong(1, 1 + (long) (random.nextDouble() * last));
                        try (ResultSet row = get.executeQuery()) {
                            if (!row.next()) {
                                continue;
                            }
                            for (int k = 0; k < columns.length; k++) {
                                look.setObject(k + 1, row.getObject(k + 1));
                            }
                        }
                        try (ResultSet count = look.executeQuery()) {
                            count.next();
                            assertThat(count.getLong(1)).as(e.getKey() + " looked up").isPositive();
                        }
                        found++;
                    }
                }
            }
            System.out.printf("All %d secondary indexes agree with their tables (%,d entries) after reopening: %.1f s%n",
                    indexes.size(), entries, (System.nanoTime() - started) / 1e9);
        }
    }

    private static String explain(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
