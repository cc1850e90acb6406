package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.table.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk seed's tables' secondary indexes (unique ones too), set aside while the seed writes the rows and filled
 * at the end by {@link IndexBuild}, one read of each table for several of them. They stay in the schema: set aside,
 * an index is only left out of the table's list of indexes in this process, so that no insert writes it and no
 * query reads it.
 *
 * <p>Each index set aside is first marked, in the schema (its comment), as not filled; the mark goes only once it has
 * been filled and the store committed. A process stopped meanwhile leaves marked indexes whose entries are out of
 * date: the next open fills them again before anything reads them ({@link #fillMarked}).
 */
final class IndexesAside {

    private static final Logger LOG = LoggerFactory.getLogger(IndexesAside.class);

    /** The comment of an index whose entries are not to be trusted until it has been filled again. */
    static final String MARK = "SovX: to be filled from its table (a bulk seed stopped)";

    private final Map<MVTable, List<Index>> before;
    private final Map<MVTable, List<MVSecondaryIndex>> aside;

    private IndexesAside(Map<MVTable, List<Index>> before, Map<MVTable, List<MVSecondaryIndex>> aside) {
        this.before = before;
        this.aside = aside;
    }

    /** Marks, then sets aside, the secondary indexes of {@code tables}. */
    static IndexesAside take(Connection c, List<String> tables) throws SQLException {
        SessionLocal session = session(c);
        Map<MVTable, List<Index>> before = new LinkedHashMap<>();
        Map<MVTable, List<MVSecondaryIndex>> aside = new LinkedHashMap<>();
        for (String name : tables) {
            MVTable table = table(session, name);
            List<MVSecondaryIndex> secondary = secondary(table);
            for (MVSecondaryIndex index : secondary) {
                comment(c, index, MARK);
            }
            before.put(table, new ArrayList<>(table.getIndexes()));
            aside.put(table, secondary);
        }
        // all marked (and so committed) before any is left out
        aside.forEach((table, indexes) -> table.getIndexes().removeAll(indexes));
        return new IndexesAside(before, aside);
    }

    /**
     * Puts the indexes back in their tables, fills them from the rows, commits the store and removes their marks.
     * Whatever fails, they are back in their tables, and the marks of those not filled stay for the next open.
     */
    void fillAndRestore(Connection c) throws SQLException {
        restore();
        SessionLocal session = session(c);
        for (Map.Entry<MVTable, List<MVSecondaryIndex>> e : aside.entrySet()) {
            fill(c, session, e.getKey(), e.getValue());
        }
    }

    /** Puts the indexes back in their tables as they were, unfilled (their marks stay). */
    void restore() {
        before.forEach((table, indexes) -> {
            table.getIndexes().clear();
            table.getIndexes().addAll(indexes);
        });
    }

    /**
     * What a bulk seed that did not finish left is undone: its rows written in bulk are removed from every table it
     * marked ({@link BulkRows#removeMarked}), those tables' indexes filled again (some may have been filled with
     * the rows just removed), every index still set aside filled, and only then the mark removed. Run again after
     * a stop in the middle, it does the same. Nothing to do after any other stop.
     */
    static void repairStoppedSeed(Connection c) throws SQLException {
        List<String> undone = BulkRows.removeMarked(c);
        for (String name : undone) {
            SessionLocal session = session(c);
            MVTable table = table(session, name);
            fill(c, session, table, secondary(table));
        }
        fillMarked(c);
        if (!undone.isEmpty()) {
            BulkRows.unmark(c);
        }
    }

    /** Fills every index still marked (a bulk seed stopped before it filled them) and removes the marks. */
    static void fillMarked(Connection c) throws SQLException {
        Map<String, List<String>> marked = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND REMARKS = ? ORDER BY TABLE_NAME, INDEX_NAME")) {
            ps.setString(1, MARK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marked.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        for (Map.Entry<String, List<String>> e : marked.entrySet()) {
            SessionLocal session = session(c);
            MVTable table = table(session, e.getKey());
            List<MVSecondaryIndex> indexes = new ArrayList<>();
            for (MVSecondaryIndex index : secondary(table)) {
                if (e.getValue().contains(index.getName())) {
                    indexes.add(index);
                }
            }
            fill(c, session, table, indexes);
        }
    }

    private static void fill(Connection c, SessionLocal session, MVTable table, List<MVSecondaryIndex> indexes)
            throws SQLException {
        long started = System.nanoTime();
        int reads = IndexBuild.fill(session, table, indexes);
        if (table.isPersistData() && session.getDatabase().isPersistent()) {
            session.getDatabase().getStore().getMvStore().sync(); // the entries on disk before the marks go
        }
        for (MVSecondaryIndex index : indexes) {
            comment(c, index, null);
        }
        LOG.info("Filled {} indexes of {} from {} rows ({} reads) in {} ms", indexes.size(), table.getName(),
                table.getRowCountApproximation(session), reads, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<MVSecondaryIndex> secondary(Table table) {
        List<MVSecondaryIndex> out = new ArrayList<>();
        for (Index index : table.getIndexes()) {
            if (index instanceof MVSecondaryIndex mv) {
                out.add(mv);
            }
        }
        return out;
    }

    private static void comment(Connection c, Index index, String text) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMENT ON INDEX \"" + index.getSchema().getName() + "\".\"" + index.getName() + "\" IS "
                    + (text == null ? "NULL" : "'" + text.replace("'", "''") + "'"));
        }
    }

    /** The schema's table of that name (in any case), stored by MVStore. */
    static MVTable table(SessionLocal session, String name) throws SQLException {
        if (session.getDatabase().getMainSchema().findTableOrView(session, name.toUpperCase(Locale.ROOT))
                instanceof MVTable table) {
            return table;
        }
        throw new SQLException("No table " + name + " in the sandbox's database");
    }

    /** The embedded H2 session behind a connection, whose tables and maps a bulk seed works on. */
    static SessionLocal session(Connection c) throws SQLException {
        if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return session;
        }
        throw new SQLException("The sandbox's database is not embedded: it cannot be seeded in bulk");
    }
}
