package com.sovera.console.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.Page;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.type.DataType;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.IndexColumn;
import org.h2.value.CompareMode;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.VersionedValue;

/**
 * Fills a table's secondary indexes from its rows the way a bulk loader does: the keys of all the rows, made as H2
 * makes them, sorted with the index's own comparison and laid out as the leaves and nodes of a fresh B-tree, which
 * becomes the index map's root. H2's own build ({@code CREATE INDEX}) puts its sorted entries one at a time into the
 * tree (a copy of a leaf and its path each) after sorting them in runs it writes and merges, about 9 µs an entry at
 * a million users; this reads the table once for several indexes and builds each tree in one pass.
 *
 * <p>The entries are written beneath H2's transactions as committed ones (a committed entry is stored as its bare
 * value, here {@code NULL}, as H2's own build stores it), so it may only run while nothing else writes the table:
 * a start, before the sandbox answers. It fails on a row not committed, and on two rows a unique index forbids.
 */
final class IndexBuild {

    /**
     * The keys of the sorts held at once: about 150 bytes each with their values (measured at a million users), a
     * quarter of the heap. Each group of indexes is one read of the table; a third of the heap (fewer reads) took
     * as much CPU at a million users and 4 GB, and its longer collections made it slower (352 s against 288 s).
     */
    private static final long KEYS_AT_ONCE = Math.max(1_000_000, Runtime.getRuntime().maxMemory() / 4 / 150);
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
     * commits the store. Two indexes are sorted at a time, one on each of two threads.
     */
    static void fill(SessionLocal session, MVTable table, List<MVSecondaryIndex> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        MVPrimaryIndex primary = (MVPrimaryIndex) table.getScanIndex(session);
        long rows = primary.getMVMap().sizeAsLong();
        int perRead = (int) Math.max(1, Math.min(indexes.size(), KEYS_AT_ONCE / Math.max(1, rows)));
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sovx-index-build");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int from = 0; from < indexes.size(); from += perRead) {
                List<MVSecondaryIndex> group = indexes.subList(from, Math.min(indexes.size(), from + perRead));
                SearchRow[][] keys = keys(primary, group, rows, pool);
                List<Future<Page<SearchRow, VersionedValue<Value>>>> trees = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    MVSecondaryIndex index = group.get(i);
                    SearchRow[] sorted = keys[i];
                    keys[i] = null;
                    trees.add(pool.submit(() -> tree(session, index, sorted)));
                }
                for (int i = 0; i < group.size(); i++) {
                    install(group.get(i).getMVMap(), trees.get(i).get());
                    // stored index by index: a chunk of all the group's trees at once outgrew H2's write buffer
                    session.getDatabase().getStore().getMvStore().commit();
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? new SQLException(s.getMessage(), s.getSQLState(),
                    s.getErrorCode(), s) : new SQLException("Building an index failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Building an index was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One read of the table: every row's key in each index of the group, as H2 makes it when a row is added. Two
     * threads read a half each (a counted B-tree tells where the second half starts): reading a row back from its
     * page costs more than making its keys.
     */
    private static SearchRow[][] keys(MVPrimaryIndex primary, List<MVSecondaryIndex> group, long rows,
                                      ExecutorService pool) throws SQLException, InterruptedException {
        SearchRow[][] keys = new SearchRow[group.size()][(int) rows];
        MVMap<Long, VersionedValue<SearchRow>> map = primary.getMVMap();
        int half = (int) (rows / 2);
        Long middle = half == 0 ? null : map.getKey(half);
        Future<Integer> second = middle == null ? null : pool.submit(() -> read(primary, group, keys, middle, null, half));
        int first = read(primary, group, keys, null, middle, 0);
        try {
            if (middle == null ? first != rows : first != half || second.get() != rows - half) {
                throw new SQLException("Table " + primary.getTable().getName()
                        + " changed while its indexes were built");
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? new SQLException(s.getMessage(), s.getSQLState(),
                    s.getErrorCode(), s) : new SQLException("Reading a table failed", e.getCause());
        }
        return keys;
    }

    /** Makes the keys of the rows from {@code from} (or the first) to before {@code to} (or the last), at {@code at}. */
    private static int read(MVPrimaryIndex primary, List<MVSecondaryIndex> group, SearchRow[][] keys, Long from,
                            Long to, int at) throws SQLException {
        Cursor<Long, VersionedValue<SearchRow>> cursor = primary.getMVMap().cursor(from);
        int n = at;
        while (cursor.hasNext()) {
            long pk = cursor.next();
            if (to != null && pk >= to) {
                break;
            }
            Object value = cursor.getValue(); // a committed row is stored as itself, an uncommitted one wrapped
            if (!(value instanceof SearchRow row) || n == keys[0].length) {
                throw new SQLException("Table " + primary.getTable().getName()
                        + " changed while its indexes were built (a row not committed, or one more)");
            }
            for (int i = 0; i < keys.length; i++) {
                SearchRow key = group.get(i).getRowFactory().createRow();
                key.copyFrom(row);
                key.setKey(pk);
                keys[i][n] = key;
            }
            n++;
        }
        return n - at;
    }

    /** The keys sorted as the index orders them, checked if it is unique, as the pages of a B-tree: its root. */
    private static Page<SearchRow, VersionedValue<Value>> tree(SessionLocal session, MVSecondaryIndex index,
                                                               SearchRow[] keys) throws SQLException {
        MVMap<SearchRow, VersionedValue<Value>> map = index.getMVMap();
        DataType<SearchRow> type = map.getKeyType();
        sort(keys, 0, keys.length, 0, index.getIndexColumns(), session, type);
        for (int k = 1; k < keys.length; k++) {
            if (type.compare(keys[k - 1], keys[k]) >= 0) { // not in H2's order after all: H2's comparison sorts
                Arrays.sort(keys, type::compare);
                break;
            }
        }
        if (index.getIndexType().isUnique()) {
            checkUnique(session, index, keys);
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
     * Sorts {@code keys[from..to)}, which agree in the index's columns before {@code column} and are in the order of
     * their row keys (as the table was read): a column of a few distinct values (a status, a currency, a country, a
     * name) splits them, in order, into groups that keep that order, each then sorted by the next column; any
     * other column is sorted by H2's comparison (which finds runs already in order, such as a creation time).
     * Most of the demo indexes are a few such columns and then the row key, so most sorts take one pass each.
     */
    private static void sort(SearchRow[] keys, int from, int to, int column, IndexColumn[] columns,
                             SessionLocal session, DataType<SearchRow> type) {
        if (to - from < 2) {
            return;
        }
        if (column == columns.length || to - from < 64) {
            Arrays.sort(keys, from, to, type::compare);
            return;
        }
        int id = columns[column].column.getColumnId();
        Map<Value, List<SearchRow>> groups = new HashMap<>();
        for (int k = from; k < to; k++) {
            Value v = keys[k].getValue(id);
            List<SearchRow> group = groups.get(v);
            if (group == null) {
                if (v == ValueNull.INSTANCE || groups.size() == FEW) {
                    Arrays.sort(keys, from, to, type::compare);
                    return;
                }
                group = new ArrayList<>();
                groups.put(v, group);
            }
            group.add(keys[k]);
        }
        List<Value> values = new ArrayList<>(groups.keySet());
        CompareMode mode = session.getDatabase().getCompareMode();
        boolean descending = (columns[column].sortType & SortOrder.DESCENDING) != 0;
        values.sort((a, b) -> descending ? b.compareTo(a, session, mode) : a.compareTo(b, session, mode));
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i), session, mode) == 0) {
                Arrays.sort(keys, from, to, type::compare); // equal to H2, not to Java (1.0 and 1.00): H2 sorts
                return;
            }
        }
        int at = from;
        for (Value v : values) {
            List<SearchRow> group = groups.get(v);
            int start = at;
            for (SearchRow key : group) {
                keys[at++] = key;
            }
            sort(keys, start, at, column + 1, columns, session, type);
        }
    }

    /** At most this many distinct values of a column split a sort into groups. */
    private static final int FEW = 256;

    /** Two keys of a unique index with equal values in its unique columns, none of them null, break it. */
    private static void checkUnique(SessionLocal session, MVSecondaryIndex index, SearchRow[] sorted)
            throws SQLException {
        IndexColumn[] columns = index.getIndexColumns();
        int unique = index.getUniqueColumnCount();
        CompareMode mode = session.getDatabase().getCompareMode();
        for (int k = 1; k < sorted.length; k++) {
            boolean same = true;
            StringBuilder values = new StringBuilder();
            for (int c = 0; c < unique && same; c++) {
                int column = columns[c].column.getColumnId();
                Value a = sorted[k - 1].getValue(column);
                Value b = sorted[k].getValue(column);
                same = a != ValueNull.INSTANCE && b != ValueNull.INSTANCE && a.compareTo(b, session, mode) == 0;
                values.append(c == 0 ? "" : ", ").append(b.getTraceSQL());
            }
            if (same) {
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
