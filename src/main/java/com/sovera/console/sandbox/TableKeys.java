package com.sovera.console.sandbox;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.h2.engine.Database;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.ValueDataType;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
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
 * The columns of some of a table's indexes, read once from the table (in the order of the rows' keys), and each
 * column's ranks: a row's place among the column's distinct values as the indexes compare them (values equal to H2
 * share a rank). An index orders its entries by its columns, then by the row key; so its order is the rows sorted
 * by the ranks of its columns, counted column by column from the last one (a stable sort), starting from the order
 * of the keys. A column is compared only to rank it, once for all the indexes it is in: its distinct values sorted
 * when they are few, a BIGINT as longs, any other column by sorting the rows once with H2's comparison (texts and
 * decimals first by their leading bytes as longs, so that H2 compares only the rows that share them).
 */
final class TableKeys {

    /** Up to this many distinct values (by {@code equals}), a column is ranked by sorting those values only. */
    private static final int FEW = 4_096;

    final int rows;
    /** The rows' keys, ascending: the order the table was read in. */
    final long[] keys;
    /** The rows' values, row after row: each row's in {@link #width} slots, a column's {@link #slot}. */
    final Value[] values;
    final int width;
    private final Map<Integer, Integer> slots;
    private final Map<Long, Rank> ranks = new HashMap<>();

    /** A test of two rows. */
    interface RowPair {
        boolean test(int a, int b);
    }

    /** The ranks of a column in one sort order; {@code of} null when a row's rank is its place in the table. */
    private record Rank(int[] of, int count) {
    }

    private TableKeys(int rows, Map<Integer, Integer> slots) {
        this.rows = rows;
        this.keys = new long[rows];
        this.slots = slots;
        this.width = slots.size();
        this.values = new Value[Math.multiplyExact(rows, width)];
    }

    /** The columns of {@code indexes} (of the table of {@code primary}, which holds {@code rows} rows), ranked. */
    static TableKeys read(Database database, MVPrimaryIndex primary, List<MVSecondaryIndex> indexes, int rows,
                          ExecutorService pool) throws SQLException, InterruptedException {
        Map<Integer, Integer> slots = new LinkedHashMap<>();
        Map<Long, IndexColumn> sorted = new LinkedHashMap<>();
        for (MVSecondaryIndex index : indexes) {
            for (IndexColumn ic : index.getIndexColumns()) {
                slots.putIfAbsent(ic.column.getColumnId(), slots.size());
                sorted.putIfAbsent(rankKey(ic.column.getColumnId(), ic.sortType), ic);
            }
        }
        TableKeys t = new TableKeys(rows, slots);
        t.readRows(primary, pool);
        ValueDataType compare = new ValueDataType(database, database.getCompareMode(), database, null);
        int keyColumn = primary.getTable().getMainIndexColumn();
        List<Future<Rank>> ranked = new ArrayList<>();
        for (IndexColumn ic : sorted.values()) {
            int id = ic.column.getColumnId();
            ranked.add(pool.submit(() -> t.rank(id, ic.sortType, id == keyColumn, compare, database.getCompareMode())));
        }
        int k = 0;
        for (Long key : sorted.keySet()) {
            t.ranks.put(key, join(ranked.get(k++)));
        }
        return t;
    }

    /**
     * The rows in the order of {@code index}: its columns' ranks, then the key. Ranks of a column that all rows
     * share leave the order as it is, and so does a column ranked as the table's order while nothing moved yet.
     */
    int[] order(MVSecondaryIndex index) {
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        int[] spare = new int[rows];
        boolean moved = false;
        IndexColumn[] columns = index.getIndexColumns();
        for (int c = columns.length - 1; c >= 0; c--) {
            Rank rank = ranks.get(rankKey(columns[c].column.getColumnId(), columns[c].sortType));
            if (rank.count <= 1 || rank.of == null && !moved) {
                continue;
            }
            int[] of = rank.of;
            int[] count = new int[rank.count + 1];
            for (int i = 0; i < rows; i++) {
                count[(of == null ? order[i] : of[order[i]]) + 1]++;
            }
            for (int r = 0; r < rank.count; r++) {
                count[r + 1] += count[r];
            }
            for (int i = 0; i < rows; i++) {
                int row = order[i];
                spare[count[of == null ? row : of[row]]++] = row;
            }
            int[] was = order;
            order = spare;
            spare = was;
            moved = true;
        }
        return order;
    }

    /** Whether two rows are equal, to H2, in the first {@code count} of these columns, none of them NULL. */
    RowPair sameNotNull(IndexColumn[] columns, int count) {
        Rank[] r = new Rank[count];
        int[] at = new int[count];
        for (int c = 0; c < count; c++) {
            r[c] = ranks.get(rankKey(columns[c].column.getColumnId(), columns[c].sortType));
            at[c] = slot(columns[c].column.getColumnId());
        }
        return (a, b) -> {
            for (int c = 0; c < count; c++) {
                if (values[a * width + at[c]] == ValueNull.INSTANCE
                        || (r[c].of == null ? a != b : r[c].of[a] != r[c].of[b])) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Where column {@code id}'s value is among a row's slots. */
    int slot(int id) {
        return slots.get(id);
    }

    /** The rows' values in column {@code id}, as the table holds them (read in place: no copy to collect). */
    private ColumnValues column(int id) {
        return new ColumnValues(values, slot(id), width, rows);
    }

    /** One column of the rows' values. */
    private record ColumnValues(Value[] values, int at, int width, int length) {
        Value get(int row) {
            return values[row * width + at];
        }
    }

    /** Reads the rows: two threads a half each (a counted B-tree tells where the second half starts). */
    private void readRows(MVPrimaryIndex primary, ExecutorService pool) throws SQLException, InterruptedException {
        MVMap<Long, VersionedValue<SearchRow>> map = primary.getMVMap();
        int half = rows / 2;
        Long middle = half == 0 ? null : map.getKey(half);
        Future<Integer> second = middle == null ? null : pool.submit(() -> readRows(primary, middle, null, half));
        int first = readRows(primary, null, middle, 0);
        if (middle == null ? first != rows : first != half || join(second) != rows - half) {
            throw new SQLException("Table " + primary.getTable().getName() + " changed while its indexes were built");
        }
    }

    /** Reads the rows from {@code from} (or the first) to before {@code to} (or the last), at {@code at}. */
    private int readRows(MVPrimaryIndex primary, Long from, Long to, int at) throws SQLException {
        Cursor<Long, VersionedValue<SearchRow>> cursor = primary.getMVMap().cursor(from);
        int[] ids = slots.keySet().stream().mapToInt(Integer::intValue).toArray();
        int n = at;
        while (cursor.hasNext()) {
            long pk = cursor.next();
            if (to != null && pk >= to) {
                break;
            }
            Object value = cursor.getValue(); // a committed row is stored as itself, an uncommitted one wrapped
            if (!(value instanceof SearchRow row) || n == rows) {
                throw new SQLException("Table " + primary.getTable().getName()
                        + " changed while its indexes were built (a row not committed, or one more)");
            }
            keys[n] = pk;
            for (int c = 0, slot = n * width; c < ids.length; c++) {
                values[slot + c] = row.getValue(ids[c]);
            }
            n++;
        }
        return n - at;
    }

    /**
     * The ranks of column {@code id} in {@code sortType}: a table's key column ascending is its own order, a BIGINT
     * column without NULL is ranked as longs (H2 compares two BIGINTs as longs).
     */
    private Rank rank(int id, int sortType, boolean keyColumn, ValueDataType compare, CompareMode mode) {
        ColumnValues v = column(id);
        long[] l = longs(v);
        boolean descending = (sortType & SortOrder.DESCENDING) != 0;
        if (l != null) {
            if (keyColumn && !descending && Arrays.equals(l, keys)) {
                return new Rank(null, rows);
            }
            return rank(l, descending);
        }
        Rank few = rankFew(v, sortType, compare);
        return few != null ? few : rankAll(v, sortType, compare, mode);
    }

    /** The column's values as longs if they are all BIGINTs, else null. */
    private static long[] longs(ColumnValues column) {
        long[] out = new long[column.length()];
        for (int i = 0; i < column.length(); i++) {
            if (!(column.get(i) instanceof ValueBigint v)) {
                return null;
            }
            out[i] = v.getLong();
        }
        return out;
    }

    private Rank rank(long[] column, boolean descending) {
        long[] sorted = column.clone();
        int[] byValue = identity(rows);
        RadixSort.sort(sorted, byValue);
        int[] of = new int[rows];
        int count = 0;
        for (int k = 0; k < rows; k++) {
            if (k > 0 && sorted[k] != sorted[k - 1]) {
                count++;
            }
            of[byValue[k]] = count;
        }
        count = rows == 0 ? 0 : count + 1;
        if (descending) {
            for (int i = 0; i < rows; i++) {
                of[i] = count - 1 - of[i];
            }
        }
        return new Rank(of, count);
    }

    /** Ranks by the column's distinct values, sorted; null if it has more than {@link #FEW}. */
    private Rank rankFew(ColumnValues column, int sortType, ValueDataType compare) {
        Map<Value, Integer> ids = new HashMap<>();
        int[] of = new int[rows];
        for (int i = 0; i < rows; i++) {
            Integer id = ids.get(column.get(i));
            if (id == null) {
                if (ids.size() == FEW) {
                    return null;
                }
                id = ids.size();
                ids.put(column.get(i), id);
            }
            of[i] = id;
        }
        Value[] distinct = new Value[ids.size()];
        ids.forEach((v, id) -> distinct[id] = v);
        int[] byValue = identity(distinct.length);
        IntSort.sort(byValue, (a, b) -> compare.compareValues(distinct[a], distinct[b], sortType));
        int[] rankOf = new int[distinct.length];
        int count = 0;
        for (int k = 0; k < byValue.length; k++) {
            if (k > 0 && compare.compareValues(distinct[byValue[k - 1]], distinct[byValue[k]], sortType) != 0) {
                count++;
            }
            rankOf[byValue[k]] = count; // equal to H2 (1.0 and 1.00), not to equals: the same rank
        }
        for (int i = 0; i < rows; i++) {
            of[i] = rankOf[of[i]];
        }
        return new Rank(of, distinct.length == 0 ? 0 : count + 1);
    }

    /**
     * Ranks by sorting the rows with H2's comparison of the column. Where a value's first bytes tell its order (a
     * text compared by its characters, a decimal), the rows are first sorted by those as longs, and
     * only those that share them are compared by H2.
     */
    private Rank rankAll(ColumnValues column, int sortType, ValueDataType compare, CompareMode mode) {
        IntSort.Comparison byH2 = (a, b) -> compare.compareValues(column.get(a), column.get(b), sortType);
        long[][] prefixes = prefixes(column, mode);
        int[] byValue = identity(rows);
        long[][] sorted = null;
        if (prefixes == null) {
            IntSort.sort(byValue, byH2);
        } else {
            boolean descending = (sortType & SortOrder.DESCENDING) != 0;
            // a stable sort by each long, the last first: in the order of the first, then the next...
            for (int level = prefixes.length - 1; level >= 0; level--) {
                long[] keys = new long[rows];
                for (int k = 0; k < rows; k++) {
                    long p = prefixes[level][byValue[k]];
                    keys[k] = descending ? ~p : p; // ~ reverses the order
                }
                RadixSort.sort(keys, byValue);
            }
            sorted = new long[prefixes.length][rows];
            for (int level = 0; level < prefixes.length; level++) {
                for (int k = 0; k < rows; k++) {
                    sorted[level][k] = prefixes[level][byValue[k]];
                }
            }
            for (int k = 0, end; k < rows; k = end) {
                end = k + 1;
                while (end < rows && same(sorted, end - 1, end)) {
                    end++;
                }
                if (end - k > 1) {
                    IntSort.sort(byValue, k, end, byH2);
                }
            }
        }
        int[] of = new int[rows];
        int count = 0;
        for (int k = 0; k < rows; k++) {
            if (k > 0 && (sorted != null && !same(sorted, k - 1, k)
                    || byH2.compare(byValue[k - 1], byValue[k]) != 0)) {
                count++;
            }
            of[byValue[k]] = count;
        }
        return new Rank(of, rows == 0 ? 0 : count + 1);
    }

    private static boolean same(long[][] sorted, int a, int b) {
        for (long[] level : sorted) {
            if (level[a] != level[b]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Longs for each value that order them as H2 does, ties aside (equal values have equal longs; of two different
     * ones, the smaller's are not larger), or null: the first 8 characters of texts compared by their characters
     * (H2's binary comparison, none of them past U+00FF), a decimal as the nearest double. (A second long of a
     * text's next 8 characters cost more in sorting than the comparisons of the rows that share the first saved.)
     */
    private static long[][] prefixes(ColumnValues column, CompareMode mode) {
        if (column.length() == 0) {
            return null;
        }
        if (column.get(0) instanceof ValueNumeric first) {
            long[] out = new long[column.length()];
            int scale = first.getBigDecimal().scale();
            boolean oneScale = true;
            for (int i = 0; i < column.length(); i++) {
                if (!(column.get(i) instanceof ValueNumeric n)) {
                    return null;
                }
                oneScale &= n.getBigDecimal().scale() == scale;
            }
            for (int i = 0; i < column.length(); i++) {
                BigDecimal d = column.get(i).getBigDecimal();
                // of one scale (a column's), the unscaled values are in the same order, and far quicker as doubles
                long bits = Double.doubleToLongBits((oneScale ? d.unscaledValue().doubleValue() : d.doubleValue())
                        + 0.0); // no -0.0
                out[i] = bits ^ (bits >> 63 & Long.MAX_VALUE); // negative doubles in order too
            }
            return new long[][] {out};
        }
        Class<?> type = column.get(0).getClass();
        if (type != ValueVarchar.class && type != ValueChar.class || mode.getClass() != CompareMode.class) {
            return null;
        }
        long[] out = new long[column.length()];
        for (int i = 0; i < column.length(); i++) {
            if (column.get(i).getClass() != type) {
                return null;
            }
            String s = column.get(i).getString();
            long p = 0;
            for (int k = 0; k < 8; k++) {
                char ch = k < s.length() ? s.charAt(k) : 0;
                if (ch > 0xFF) {
                    return null;
                }
                p = p << 8 | ch;
            }
            out[i] = p ^ Long.MIN_VALUE; // compared unsigned
        }
        return new long[][] {out};
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    private static long rankKey(int columnId, int sortType) {
        return (long) columnId << 32 | sortType;
    }

    private static <T> T join(Future<T> f) throws SQLException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? new SQLException(s.getMessage(), s.getSQLState(),
                    s.getErrorCode(), s) : new SQLException("Reading a table's index columns failed", e.getCause());
        }
    }
}
