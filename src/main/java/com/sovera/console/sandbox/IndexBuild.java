package com.sovera.console.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.type.DataType;
import org.h2.result.SearchRow;
import org.h2.table.Column;
import org.h2.table.IndexColumn;
import org.h2.value.CompareMode;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueChar;
import org.h2.value.ValueNull;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueVarchar;
import org.h2.value.VersionedValue;

/**
 * Fills a table's secondary indexes from its rows the way a bulk loader does: the keys of all the rows, made as H2
 * makes them, put in the index's order (by the ranks of their columns' values, {@link TableKeys}; some neighbours
 * checked with the index's own comparison, which sorts them all if it disagrees) and laid out as the leaves and nodes
 * of a fresh B-tree, which becomes the index map's root. H2's own build ({@code CREATE INDEX}) puts its sorted
 * entries one at a time into the tree (a copy of a leaf and its path each) after sorting them in runs it writes and
 * merges, about 9 µs an entry at a million users; this reads the table once for several indexes, compares each
 * column's values once for all of them, and builds each tree in one pass.
 *
 * <p>The entries are written beneath H2's transactions as committed ones (a committed entry is stored as its bare
 * value, here {@code NULL}, as H2's own build stores it), so it may only run while nothing else writes the table:
 * a start, before the sandbox answers. It fails on a row not committed, and on two rows a unique index forbids.
 */
final class IndexBuild {

    /**
     * What the columns read for a group of indexes may take of the heap (measured on the first rows), a quarter of
     * the heap. Each group is one read of the table; at a million users and 4 GB, the transactions are read twice.
     * With a third, the trees made meanwhile left the collector too little room (a full collection at a million).
     */
    private static final long BYTES_AT_ONCE = Runtime.getRuntime().maxMemory() / 4;
    /** The rows whose values tell what a row's values take in the heap. */
    private static final int SAMPLE = 1_000;
    /** The store's page cache while the indexes are filled (MB). */
    private static final int FILL_CACHE_MB = 16;
    /** One pair of neighbouring entries in this many is checked with H2's comparison. */
    private static final int CHECKED = 64;
    private static final Method CREATE_LEAF;
    private static final Method SET_ROOT;

    static {
        try {
            CREATE_LEAF = Page.class.getDeclaredMethod("createLeaf", MVMap.class, Object[].class, Object[].class,
                    int.class);
            CREATE_LEAF.setAccessible(true);
            SET_ROOT = MVMap.class.getDeclaredMethod("setInitialRoot", Page.class, long.class);
            SET_ROOT.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError("This H2 has no page building this console knows: " + e);
        }
    }

    private IndexBuild() {
    }

    /**
     * Replaces whatever {@code indexes} (all of {@code table}) hold with one entry for each of the table's rows, and
     * commits the store. The table is read once for as many of its indexes as the heap holds the columns of; while
     * one index's tree is written, the next one's is made on another thread. Returns how many reads it took.
     */
    static int fill(SessionLocal session, MVTable table, List<MVSecondaryIndex> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return 0;
        }
        MVPrimaryIndex primary = (MVPrimaryIndex) table.getScanIndex(session);
        long rows = primary.getMVMap().sizeAsLong();
        if (rows > Integer.MAX_VALUE - 8) {
            throw new SQLException("Table " + table.getName() + " has too many rows to fill its indexes at once");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sovx-index-build");
            t.setDaemon(true);
            return t;
        });
        MVStore store = session.getDatabase().getStore().getMvStore();
        int cacheMb = store.getCacheSize();
        // the table is read in order once a group, the trees written once: what the cache would keep of them
        // only lives long enough to be copied by the collector
        store.setCacheSize(Math.min(cacheMb, FILL_CACHE_MB));
        try {
            List<List<MVSecondaryIndex>> groups = groups(primary, indexes, rows);
            for (List<MVSecondaryIndex> group : groups) {
                TableKeys keys = TableKeys.read(session.getDatabase(), primary, group, (int) rows, pool);
                // one tree made at a time, so one array for their entries: an array this large is collected only
                // by a whole marking of the heap
                SearchRow[] entries = new SearchRow[(int) rows];
                Future<Page<SearchRow, VersionedValue<Value>>> next = pool.submit(() -> tree(session, group.get(0),
                        keys, entries));
                for (int i = 0; i < group.size(); i++) {
                    Page<SearchRow, VersionedValue<Value>> root = next.get();
                    MVSecondaryIndex following = i + 1 < group.size() ? group.get(i + 1) : null;
                    next = following == null ? null : pool.submit(() -> tree(session, following, keys, entries));
                    install(group.get(i).getMVMap(), root);
                    // stored index by index: a chunk of several trees at once outgrew H2's write buffer
                    store.commit();
                }
            }
            return groups.size();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? new SQLException(s.getMessage(), s.getSQLState(),
                    s.getErrorCode(), s) : new SQLException("Building an index failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Building an index was interrupted", e);
        } finally {
            pool.shutdownNow();
            store.setCacheSize(cacheMb);
        }
    }

    /**
     * The indexes in groups whose columns the heap holds at once: each index joins the group its columns add the
     * fewest bytes to, if it fits, else a new group.
     */
    private static List<List<MVSecondaryIndex>> groups(MVPrimaryIndex primary, List<MVSecondaryIndex> indexes,
                                                       long rows) {
        Map<Column, Double> perRow = bytesPerRow(primary, indexes);
        List<List<MVSecondaryIndex>> groups = new ArrayList<>();
        List<Set<Column>> columns = new ArrayList<>();
        for (MVSecondaryIndex index : indexes) {
            int best = -1;
            double bestAdded = 0;
            for (int g = 0; g < groups.size(); g++) {
                Set<Column> with = new HashSet<>(columns.get(g));
                with.addAll(Arrays.asList(index.getColumns()));
                double added = (bytes(with, perRow) - bytes(columns.get(g), perRow)) * rows;
                if (bytes(with, perRow) * rows <= BYTES_AT_ONCE && (long) with.size() * rows < Integer.MAX_VALUE - 8
                        && (best < 0 || added < bestAdded)) {
                    best = g;
                    bestAdded = added;
                }
            }
            if (best < 0) {
                best = groups.size();
                groups.add(new ArrayList<>());
                columns.add(new HashSet<>());
            }
            groups.get(best).add(index);
            columns.get(best).addAll(Arrays.asList(index.getColumns()));
        }
        return groups;
    }

    /** A row's bytes held for these columns: the key, the order, and each column's reference, ranks and values. */
    private static double bytes(Set<Column> columns, Map<Column, Double> perRow) {
        double bytes = 12;
        for (Column c : columns) {
            bytes += 8 + perRow.get(c);
        }
        return bytes;
    }

    /**
     * What a row's value of each of the indexes' columns holds in the heap, from the first rows: a value many rows
     * share (a status, a currency; H2 caches them as it reads them) costs them little.
     */
    private static Map<Column, Double> bytesPerRow(MVPrimaryIndex primary, List<MVSecondaryIndex> indexes) {
        Map<Column, Set<Value>> distinct = new HashMap<>();
        for (MVSecondaryIndex index : indexes) {
            for (Column c : index.getColumns()) {
                distinct.put(c, new HashSet<>());
            }
        }
        int sampled = 0;
        var cursor = primary.getMVMap().cursor(null);
        while (cursor.hasNext() && sampled < SAMPLE) {
            cursor.next();
            Object value = cursor.getValue(); // a committed row is stored as itself
            if (value instanceof SearchRow row) {
                distinct.forEach((c, values) -> values.add(row.getValue(c.getColumnId())));
                sampled++;
            }
        }
        Map<Column, Double> out = new HashMap<>();
        int of = Math.max(1, sampled);
        distinct.forEach((c, values) -> out.put(c, values.stream().mapToLong(IndexBuild::bytes).sum()
                / (double) of));
        return out;
    }

    /** A value's bytes in the heap, about (H2's own estimates count a text's characters twice). */
    private static long bytes(Value v) {
        if (v instanceof ValueVarchar || v instanceof ValueChar) {
            String s = v.getString();
            boolean latin1 = s.chars().allMatch(ch -> ch < 256);
            return 56 + (latin1 ? s.length() : 2L * s.length());
        }
        if (v instanceof ValueBigint) {
            return 24;
        }
        if (v instanceof ValueNumeric) {
            return 100;
        }
        return v.getMemory();
    }

    /**
     * The index's entries in its order (one pair of neighbours in {@link #CHECKED} checked with H2's own comparison,
     * which sorts them all again if it disagrees), checked if it is unique, as the pages of a B-tree: its root.
     * {@code keys} (as many as the rows) is where the entries are put in order; the pages copy them.
     */
    private static Page<SearchRow, VersionedValue<Value>> tree(SessionLocal session, MVSecondaryIndex index,
                                                               TableKeys rows, SearchRow[] keys)
            throws SQLException {
        MVMap<SearchRow, VersionedValue<Value>> map = index.getMVMap();
        DataType<SearchRow> type = map.getKeyType();
        int[] order = rows.order(index);
        int[] columns = Arrays.stream(index.getIndexColumns()).mapToInt(c -> c.column.getColumnId()).toArray();
        int[] slots = Arrays.stream(columns).map(rows::slot).toArray();
        Value[] rowValues = rows.values;
        int[] place = new int[rows.rows];
        for (int k = 0; k < place.length; k++) {
            place[order[k]] = k;
        }
        // row by row, each key put in its place: the rows' values are read in the order they lie in memory (a
        // read in the index's order waited for memory at every row) and the scattered writes do not wait
        for (int row = 0, at = 0; row < place.length; row++, at += rows.width) {
            SearchRow key = index.getRowFactory().createRow();
            for (int c = 0; c < columns.length; c++) {
                key.setValue(columns[c], rowValues[at + slots[c]]);
            }
            key.setKey(rows.keys[row]);
            keys[place[row]] = key;
        }
        // the ranks are H2's comparison already: some pairs checked with it catch an order made wrongly
        boolean sorted = true;
        for (int k = 1; k < keys.length && sorted; k += CHECKED) {
            sorted = type.compare(keys[k - 1], keys[k]) < 0;
        }
        if (!sorted) { // not in H2's order after all: H2's comparison sorts, and checks
            Arrays.sort(keys, type::compare);
            if (index.getIndexType().isUnique()) {
                checkUnique(session, index, keys);
            }
        } else if (index.getIndexType().isUnique()) {
            checkUnique(index, rows, order);
        }
        int perPage = map.getStore().getKeysPerPage();
        List<Page<SearchRow, VersionedValue<Value>>> level = new ArrayList<>(keys.length / perPage + 1);
        List<SearchRow> firsts = new ArrayList<>(keys.length / perPage + 1);
        for (int from = 0; from < keys.length || level.isEmpty(); from += perPage) {
            int to = Math.min(keys.length, from + perPage);
            SearchRow[] pageKeys = type.createStorage(to - from);
            System.arraycopy(keys, from, pageKeys, 0, to - from);
            VersionedValue<Value>[] values = map.getValueType().createStorage(to - from);
            Arrays.fill(values, ValueNull.INSTANCE);
            level.add(leaf(map, pageKeys, values));
            firsts.add(to > from ? keys[from] : null);
        }
        while (level.size() > 1) {
            List<Page<SearchRow, VersionedValue<Value>>> up = new ArrayList<>(level.size() / perPage + 1);
            List<SearchRow> upFirsts = new ArrayList<>(level.size() / perPage + 1);
            int from = 0;
            while (from < level.size()) {
                int to = Math.min(level.size(), from + perPage);
                if (level.size() - to == 1) {
                    to++; // a node has two children at least: a last one left alone joins this node
                }
                SearchRow[] separators = type.createStorage(to - from - 1);
                Page.PageReference<SearchRow, VersionedValue<Value>>[] children = Page.createRefStorage(to - from);
                long count = 0;
                for (int k = from; k < to; k++) {
                    children[k - from] = new Page.PageReference<>(level.get(k));
                    count += level.get(k).getTotalCount();
                    if (k > from) {
                        separators[k - from - 1] = firsts.get(k); // a node's key i is the first of its child i + 1
                    }
                }
                up.add(Page.createNode(map, separators, children, count, 0));
                upFirsts.add(firsts.get(from));
                from = to;
            }
            level = up;
            firsts = upFirsts;
        }
        return level.get(0);
    }

    /**
     * Two neighbours in a unique index's order with equal values (equal ranks) in its unique columns, none of them
     * NULL, break it.
     */
    private static void checkUnique(MVSecondaryIndex index, TableKeys rows, int[] order) throws SQLException {
        IndexColumn[] columns = index.getIndexColumns();
        int unique = index.getUniqueColumnCount();
        var same = rows.sameNotNull(columns, unique);
        for (int k = 1; k < order.length; k++) {
            if (same.test(order[k - 1], order[k])) {
                StringBuilder values = new StringBuilder();
                for (int c = 0; c < unique; c++) {
                    values.append(c == 0 ? "" : ", ").append(rows.values[order[k] * rows.width
                            + rows.slot(columns[c].column.getColumnId())].getTraceSQL());
                }
                throw new SQLException("Unique index " + index.getName() + " would hold two rows with the same ("
                        + values + ")", "23505");
            }
        }
    }

    /** Two keys of a unique index with equal values in its unique columns, none of them null, break it. */
    private static void checkUnique(SessionLocal session, MVSecondaryIndex index, SearchRow[] sorted)
            throws SQLException {
        IndexColumn[] columns = index.getIndexColumns();
        int unique = index.getUniqueColumnCount();
        CompareMode mode = session.getDatabase().getCompareMode();
        for (int k = 1; k < sorted.length; k++) {
            boolean same = true;
            for (int c = 0; c < unique && same; c++) {
                int column = columns[c].column.getColumnId();
                Value a = sorted[k - 1].getValue(column);
                Value b = sorted[k].getValue(column);
                same = a != ValueNull.INSTANCE && b != ValueNull.INSTANCE && a.compareTo(b, session, mode) == 0;
            }
            if (same) {
                StringBuilder values = new StringBuilder();
                for (int c = 0; c < unique; c++) {
                    values.append(c == 0 ? "" : ", ").append(sorted[k].getValue(columns[c].column.getColumnId())
                            .getTraceSQL());
                }
                throw new SQLException("Unique index " + index.getName() + " would hold two rows with the same ("
                        + values + ")", "23505");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Page<SearchRow, VersionedValue<Value>> leaf(MVMap<SearchRow, VersionedValue<Value>> map,
                                                               SearchRow[] keys, VersionedValue<Value>[] values) {
        try {
            return (Page<SearchRow, VersionedValue<Value>>) CREATE_LEAF.invoke(null, map, keys, values, 0);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("H2 refused a page", e);
        }
    }

    /** The map's entries become the tree's: what it held is removed as H2 removes it, then the root is set. */
    private static void install(MVMap<SearchRow, VersionedValue<Value>> map, Page<SearchRow, VersionedValue<Value>> root) {
        map.clear();
        try {
            SET_ROOT.invoke(map, root, map.getRoot().version);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("H2 refused an index root", e);
        }
    }
}
