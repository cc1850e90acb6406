package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.Transaction;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.Column;
import org.h2.table.IndexColumn;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueVarchar;
import org.h2.value.VersionedValue;

/**
 * A page of a list found by its position in the index that orders it, at any skip in O(log n), and the list's
 * total the same way. H2's MVStore maps are counted B-trees: the n-th entry, or the position of a key, is one walk
 * down the tree, where {@code OFFSET} steps over every entry before the page and {@code COUNT(*)} over every entry
 * of the filter (60-90 ms for a middle page at a million users, up to half a second under load).
 *
 * <p>It reads H2's index map directly, beneath its transactions, and that map also holds entries other transactions
 * have not committed. So it answers only when it can prove the map held committed entries alone: no transaction had
 * changes (or was committing or rolling back) after it took the map's root, and the root was the same when the
 * rows had been read. Any other case (another writer, an index or order it does not recognise, a value H2 would
 * compare differently) gives {@code null}, and the caller runs its SQL ({@code OFFSET}, {@code COUNT(*)}): the
 * answers never differ.
 */
final class PositionalPage {

    /**
     * Where a list's rows are in order: an index whose columns are exactly the list's order (ascending, or read
     * backwards for {@code descending}), the values of its first columns that every row shares (the owner, then the
     * filter values, in order), and the table's primary key column, which H2 keys its rows by.
     */
    record Range(String index, List<String> order, boolean descending, List<Object> prefix, String key) {
    }

    /** Reads rows by their primary keys, in any order, each under its key. */
    @FunctionalInterface
    interface Fetch<T> {
        Map<Long, T> rows(List<Long> keys) throws SQLException;
    }

    private PositionalPage() {
    }

    /**
     * The count of the range's rows, or null when it cannot be counted by position (the caller then counts in
     * SQL): two walks down the index, where {@code COUNT(*)} reads every entry of the filter.
     */
    static Long count(Connection c, Range range) throws SQLException {
        try {
            Located at = locate(c, range);
            // the same root after: what was counted is one committed state
            return at == null || at.map().getRootPage() != at.root().root ? null : at.end() - at.first();
        } catch (MVStoreException | DbException e) {
            return null; // the index was dropped or rebuilt meanwhile (a seed), or a value does not convert
        }
    }

    /**
     * The page of {@code take} rows after {@code skip} in the range, or null when it cannot be read by position (the
     * caller then pages with OFFSET). {@code total} is the count of the range's rows the caller found; a different
     * count in the index gives null.
     */
    static <T> List<T> read(Connection c, Range range, long skip, int take, long total, Fetch<T> fetch)
            throws SQLException {
        try {
            Located at = locate(c, range);
            if (at == null || at.end() - at.first() != total || skip + take > total) {
                return null;
            }
            MVMap<SearchRow, VersionedValue<Value>> map = at.map();
            List<Long> keys = new ArrayList<>(take);
            long from = range.descending() ? at.end() - skip - take : at.first() + skip;
            Cursor<SearchRow, VersionedValue<Value>> cursor = map.cursor(at.root(), map.getKey(from), null, false);
            while (keys.size() < take && cursor.hasNext()) {
                keys.add(cursor.next().getKey());
            }
            if (range.descending()) {
                Collections.reverse(keys);
            }
            Map<Long, T> rows = fetch.rows(keys);
            // the same root throughout: no entry was added, removed or changed while this read and fetched
            if (map.getRootPage() != at.root().root || keys.size() != take) {
                return null;
            }
            List<T> page = new ArrayList<>(take);
            for (Long key : keys) {
                T row = rows.get(key);
                if (row == null) {
                    return null;
                }
                page.add(row);
            }
            return page;
        } catch (MVStoreException | DbException e) {
            return null; // the index was dropped or rebuilt meanwhile (a seed), or a value does not convert
        }
    }

    /** The rows of these primary keys, each under its key. */
    static <T> Map<Long, T> rowsByKey(Connection c, String table, String columns, ListQuery.Rows<T> rows,
                                      List<Long> keys) throws SQLException {
        // pk, not _ROWID_: H2 plans "_ROWID_ IN (...)" as a scan of some index, "pk IN (...)" as lookups
        String sql = "SELECT " + columns + ", pk FROM " + table + " WHERE pk IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        Map<Long, T> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setLong(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int key = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    out.put(rs.getLong(key), rows.read(rs));
                }
            }
        }
        return out;
    }

    /** The range's index map, its root as it was taken, and the positions of the range's first entry and end. */
    private record Located(MVMap<SearchRow, VersionedValue<Value>> map,
                           RootReference<SearchRow, VersionedValue<Value>> root, long first, long end) {
    }

    /** Where the range lies in its index, or null when the index is not the range's or a writer is open. */
    private static Located locate(Connection c, Range range) throws SQLException {
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        Index found = session.getDatabase().getMainSchema().findIndex(session, range.index().toUpperCase(Locale.ROOT));
        if (store == null || !(found instanceof MVSecondaryIndex mv) || !orderedBy(mv, range.order())
                || !keyedBy(mv.getTable(), range.key())) {
            return null;
        }
        SearchRow low = bound(mv, session, range.prefix(), Long.MIN_VALUE);
        SearchRow high = bound(mv, session, range.prefix(), Long.MAX_VALUE);
        if (low == null) {
            return null;
        }
        MVMap<SearchRow, VersionedValue<Value>> map = mv.getMVMap();
        // the root first, then the transactions: an entry in this root that is not committed was written by a
        // transaction that is still open (or still committing) now, so none open with changes means none
        RootReference<SearchRow, VersionedValue<Value>> root = map.getRoot();
        if (anyWriting(store)) {
            return null;
        }
        // both bounds compare unequal to every entry: H2 answers with the insertion point, -(position) - 1
        return new Located(map, root, -map.getKeyIndex(low) - 1, -map.getKeyIndex(high) - 1);
    }

    /**
     * The index's columns are the order's, in the same sequence, each ascending with nulls first: SQL's order
     * (H2's default, nulls low), and read backwards its {@code DESC}.
     */
    static boolean orderedBy(MVSecondaryIndex index, List<String> order) {
        IndexColumn[] columns = index.getIndexColumns();
        if (columns.length != order.size()) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].column.getName().equalsIgnoreCase(order.get(i))
                    || (columns[i].sortType & (SortOrder.DESCENDING | SortOrder.NULLS_LAST)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** H2 keys the table's rows by this column's values (a single BIGINT primary key), so a key finds its row. */
    static boolean keyedBy(MVTable table, String column) {
        int main = table.getMainIndexColumn();
        return main >= 0 && table.getColumn(main).getName().equalsIgnoreCase(column);
    }

    /**
     * A search row that holds the prefix's values and no other column, so it sorts before (row key
     * {@code Long.MIN_VALUE}) or after ({@code Long.MAX_VALUE}) every entry of the prefix. Null when a value would
     * not be compared as the SQL {@code =} compares it (H2 converts it to the column's type: a CHAR pads).
     */
    private static SearchRow bound(MVSecondaryIndex index, SessionLocal session, List<Object> prefix, long key) {
        if (prefix.size() > index.getIndexColumns().length) {
            return null;
        }
        SearchRow row = index.getRowFactory().createRow();
        for (int i = 0; i < prefix.size(); i++) {
            Column column = index.getIndexColumns()[i].column;
            Object given = prefix.get(i);
            Value value;
            if (given instanceof Long number) {
                value = ValueBigint.get(number).convertTo(column.getType(), session);
                if (value.getLong() != number) {
                    return null;
                }
            } else if (given instanceof String text) {
                value = ValueVarchar.get(text).convertTo(column.getType(), session);
                if (!text.equals(value.getString())) {
                    return null;
                }
            } else {
                return null;
            }
            row.setValue(column.getColumnId(), value);
        }
        row.setKey(key);
        return row;
    }

    /** Whether any transaction has uncommitted changes, or is committing or rolling some back. */
    static boolean anyWriting(Store store) {
        for (Transaction t : store.getTransactionStore().getOpenTransactions()) {
            if (t.hasChanges() || t.getStatus() != Transaction.STATUS_OPEN) {
                return true;
            }
        }
        return false;
    }
}
