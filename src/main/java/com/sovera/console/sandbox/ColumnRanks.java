package com.sovera.console.sandbox;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.db.ValueDataType;
import org.h2.result.SortOrder;
import org.h2.value.CompareMode;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueChar;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueVarchar;

/**
 * A column's ranks: each row's place among the column's distinct values as an index compares them (values equal
 * to H2 share a rank). The column is compared only to rank it: its distinct values sorted when they are few, a
 * BIGINT as longs, any other column by sorting the rows once with H2's comparison (texts and decimals first by
 * their leading bytes as longs, so that H2 compares only the rows that share them).
 */
final class ColumnRanks {

    /** Up to this many distinct values (by {@code equals}), a column is ranked by sorting those values only. */
    private static final int FEW = 4_096;

    private ColumnRanks() {
    }

    /** The ranks of a column in one sort order; {@code of} null when a row's rank is its place in the table. */
    record Rank(int[] of, int count) {
    }

    /** One column of rows' values, held row after row in {@code values} (row r's at {@code r * width + at}). */
    record Column(Value[] values, int at, int width, int length) {
        Value get(int row) {
            return values[row * width + at];
        }
    }

    /**
     * The ranks of column {@code v} in {@code sortType}, its rows' keys being {@code keys}: a table's key column
     * ascending is its own order, a BIGINT column without NULL is ranked as longs (H2 compares two BIGINTs as longs).
     */
    static Rank rank(Column v, long[] keys, int sortType, boolean keyColumn, ValueDataType compare,
                     CompareMode mode) {
        long[] l = longs(v);
        boolean descending = (sortType & SortOrder.DESCENDING) != 0;
        if (l != null) {
            if (keyColumn && !descending && Arrays.equals(l, keys)) {
                return new Rank(null, v.length());
            }
            return rank(l, descending);
        }
        Rank few = rankFew(v, sortType, compare);
        return few != null ? few : rankAll(v, sortType, compare, mode);
    }

    /** The column's values as longs if they are all BIGINTs, else null. */
    private static long[] longs(Column column) {
        long[] out = new long[column.length()];
        for (int i = 0; i < column.length(); i++) {
            if (!(column.get(i) instanceof ValueBigint v)) {
                return null;
            }
            out[i] = v.getLong();
        }
        return out;
    }

    private static Rank rank(long[] column, boolean descending) {
        int rows = column.length;
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
    private static Rank rankFew(Column column, int sortType, ValueDataType compare) {
        int rows = column.length();
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
    private static Rank rankAll(Column column, int sortType, ValueDataType compare, CompareMode mode) {
        int rows = column.length();
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
    private static long[][] prefixes(Column column, CompareMode mode) {
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
}
