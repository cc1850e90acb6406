package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.result.SearchRow;
import org.h2.table.IndexColumn;
import org.junit.jupiter.api.Test;

/**
 * An index filled in bulk holds exactly the entries, in exactly the order, that H2's own inserts gave it, whatever
 * its columns: NULLs, descending columns, texts that share their first characters or hold characters past U+00FF,
 * decimals that only differ past a double's precision, many distinct values and few, a unique index.
 */
class IndexBuildTest {

    private static final int ROWS = 12_000;

    @Test
    void anIndexFilledInBulkHoldsTheEntriesH2sInsertsGaveIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:index-build-" + UUID.randomUUID())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (pk BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40), code CHAR(6) NOT NULL,"
                        + " amount DECIMAL(40, 20) NOT NULL, n BIGINT, big BIGINT NOT NULL, word VARCHAR(20) NOT NULL,"
                        + " kind VARCHAR(10) NOT NULL)");
                s.execute("CREATE INDEX t_name ON t (name DESC, pk)");
                s.execute("CREATE INDEX t_name_nulls_last ON t (name NULLS LAST, kind)");
                s.execute("CREATE INDEX t_code_amount ON t (code, amount, pk)");
                s.execute("CREATE INDEX t_amount ON t (amount DESC)");
                s.execute("CREATE INDEX t_n_big ON t (n, big DESC)");
                s.execute("CREATE INDEX t_kind_word ON t (kind, word, pk)");
                s.execute("CREATE INDEX t_pk_kind ON t (pk DESC, kind)");
                s.execute("CREATE UNIQUE INDEX t_unique ON t (big, kind)");
            }
            Random r = new Random(7);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO t (name, code, amount, n, big, word, kind) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    // a name shares its first 8 characters with many; some are shorter, some NULL
                    ps.setString(1, r.nextInt(10) == 0 ? null : r.nextBoolean() ? "abcdefgh" + r.nextInt(500)
                            : "abc" + r.nextInt(50));
                    ps.setString(2, Integer.toString(r.nextInt(3000), 36));
                    BigDecimal amount = new BigDecimal(r.nextInt(2000) - 1000).add(new BigDecimal(r.nextInt(3))
                            .movePointLeft(19)); // differs past a double's 17 digits
                    ps.setBigDecimal(3, r.nextInt(50) == 0 ? amount.movePointRight(15) : amount);
                    if (r.nextInt(7) == 0) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, r.nextInt(40) - 20);
                    }
                    ps.setLong(5, i % 2 == 0 ? i : -i * 1_000_000_000_000L);
                    ps.setString(6, (r.nextInt(20) == 0 ? "żółw" : "word") + r.nextInt(8000));
                    ps.setString(7, List.of("alpha", "beta", "gamma").get(r.nextInt(3)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            SessionLocal session = IndexesAside.session(c);
            MVTable table = IndexesAside.table(session, "T");
            List<MVSecondaryIndex> indexes = new ArrayList<>();
            for (Index index : table.getIndexes()) {
                if (index instanceof MVSecondaryIndex mv) {
                    indexes.add(mv);
                }
            }
            assertThat(indexes).hasSize(8);
            List<List<String>> byInserts = new ArrayList<>();
            for (MVSecondaryIndex index : indexes) {
                byInserts.add(entries(index));
            }
            // the order made from the columns' ranks, before the build checks it with H2's comparison
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                TableKeys keys = TableKeys.read(session.getDatabase(), (MVPrimaryIndex) table.getScanIndex(session),
                        indexes, ROWS, pool);
                for (int i = 0; i < indexes.size(); i++) {
                    List<Long> ranked = new ArrayList<>();
                    for (int row : keys.order(indexes.get(i))) {
                        ranked.add(keys.keys[row]);
                    }
                    assertThat(ranked).as("the rows in the order of " + indexes.get(i).getName())
                            .isEqualTo(byInserts.get(i).stream().map(e -> Long.valueOf(e.split("\\|")[0])).toList());
                }
            } finally {
                pool.shutdownNow();
            }

            IndexBuild.fill(session, table, indexes);

            for (int i = 0; i < indexes.size(); i++) {
                assertThat(entries(indexes.get(i))).as(indexes.get(i).getName()).hasSize(ROWS)
                        .isEqualTo(byInserts.get(i));
            }
        }
    }

    @Test
    void aUniqueIndexFilledInBulkTakesNullsTwiceAndRefusesAValueTwice() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:index-build-" + UUID.randomUUID())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE u (pk BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(20), kind INT NOT NULL)");
                s.execute("CREATE UNIQUE INDEX u_code ON u (code, kind)");
                s.execute("INSERT INTO u (code, kind) SELECT CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE 'c' || X END, 1"
                        + " FROM SYSTEM_RANGE(1, 9000)");
            }
            SessionLocal session = IndexesAside.session(c);
            MVTable table = IndexesAside.table(session, "U");
            List<MVSecondaryIndex> unique = table.getIndexes().stream().filter(MVSecondaryIndex.class::isInstance)
                    .map(MVSecondaryIndex.class::cast).toList();
            List<String> byInserts = entries(unique.get(0));

            IndexBuild.fill(session, table, unique); // 900 rows of a NULL code: not two equal values

            assertThat(entries(unique.get(0))).isEqualTo(byInserts);
            table.getIndexes().removeAll(unique); // set aside, as a bulk seed does, to write a second 'c77'
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO u (code, kind) VALUES ('c77', 1)");
            }
            assertThatThrownBy(() -> IndexBuild.fill(session, table, unique)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("U_CODE").hasMessageContaining("'c77', 1");
        }
    }

    /** The index's entries in its order: each one's key and its columns' values (with their types). */
    private static List<String> entries(MVSecondaryIndex index) throws SQLException {
        List<String> out = new ArrayList<>();
        var keys = index.getMVMap().keyIterator(null);
        while (keys.hasNext()) {
            SearchRow key = keys.next();
            StringBuilder entry = new StringBuilder().append(key.getKey());
            for (IndexColumn column : index.getIndexColumns()) {
                var v = key.getValue(column.column.getColumnId());
                entry.append('|').append(v.getType()).append(' ').append(v.getTraceSQL());
            }
            out.add(entry.toString());
        }
        return out;
    }
}
