package com.sovera.console.sandbox;

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
import org.h2.table.IndexColumn;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.VersionedValue;

/**
 * The columns of some of a table's indexes, read once from the table (in the order of the rows' keys), and each
 * column's ranks: a row's place among the column's distinct values as the indexes compare them (values equal to H2
 * share a rank). An index orders its entries by its columns, then by the row key; so its order is the rows sorted
 * by the ranks of its columns, counted column by column from the last one (a stable sort), starting from the order
 * of the keys. A column is ranked ({@link ColumnRanks}) once for all the indexes it is in.
 */
final class TableKeys {

    final int rows;
    /** The rows' keys, ascending: the order the table was read in. */
    final long[] keys;
    /** The rows' values, row after row: each row's in {@link #width} slots, a column's {@link #slot}. */
    final Value[] values;
    final int width;
    private final Map<Integer, Integer> slots;
    private final Map<Long, ColumnRanks.Rank> ranks = new HashMap<>();

    /** A test of two rows. */
    interface RowPair {
        boolean test(int a, int b);
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
        List<Future<ColumnRanks.Rank>> ranked = new ArrayList<>();
        for (IndexColumn ic : sorted.values()) {
            int id = ic.column.getColumnId();
            ranked.add(pool.submit(() -> ColumnRanks.rank(t.column(id), t.keys, ic.sortType, id == keyColumn, compare,
                    database.getCompareMode())));
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
            ColumnRanks.Rank rank = ranks.get(rankKey(columns[c].column.getColumnId(), columns[c].sortType));
            if (rank.count() <= 1 || rank.of() == null && !moved) {
                continue;
            }
            int[] of = rank.of();
            int[] count = new int[rank.count() + 1];
            for (int i = 0; i < rows; i++) {
                count[(of == null ? order[i] : of[order[i]]) + 1]++;
            }
            for (int r = 0; r < rank.count(); r++) {
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
        ColumnRanks.Rank[] r = new ColumnRanks.Rank[count];
        int[] at = new int[count];
        for (int c = 0; c < count; c++) {
            r[c] = ranks.get(rankKey(columns[c].column.getColumnId(), columns[c].sortType));
            at[c] = slot(columns[c].column.getColumnId());
        }
        return (a, b) -> {
            for (int c = 0; c < count; c++) {
                if (values[a * width + at[c]] == ValueNull.INSTANCE
                        || (r[c].of() == null ? a != b : r[c].of()[a] != r[c].of()[b])) {
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
    private ColumnRanks.Column column(int id) {
        return new ColumnRanks.Column(values, slot(id), width, rows);
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
