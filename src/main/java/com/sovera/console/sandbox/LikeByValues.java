package com.sovera.console.sandbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.Store;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.VersionedValue;

/**
 * A {@code [like]} on a field with few distinct values (a first or last name, a wallet name: 30, 30 and 90 in the
 * demo data at any size), in creation order, without reading the rows. The field's index (owner, field,
 * created_at, pk) holds each value's rows as one run in creation order: the distinct values are found by jumping
 * from run to run, H2 tests the pattern on each value once, and the list is the union of the matching runs. Its
 * total is the sum of their lengths (exact, by position, as {@link PositionalPage} counts), and the page at any
 * skip is found by rank: a binary search on created_at for the first key with more than {@code skip} entries at or
 * before it in the runs (each count one walk down the tree), then a merge of the runs from there. A pattern no value
 * matches costs the walk over the values, never the table.
 *
 * <p>Like {@link PositionalPage} it reads the index beneath H2's transactions, so it answers only when it can prove
 * that what it read was one committed state; otherwise, or with more than {@value #MAX_VALUES} values, it gives
 * {@code null} and the caller runs its SQL. The answers never differ.
 */
final class LikeByValues {

    /** More values than this and the walk over them costs more than the SQL it saves. */
    static final int MAX_VALUES = 256;

    private LikeByValues() {
    }

    /**
     * The page of up to {@code limit} rows after {@code skip} of the owner's rows whose {@code [like]} field is
     * {@code LIKE pattern} (escaped as {@link FilterText#likePattern} does), in creation order, with their total; or
     * null when it cannot tell. The field must be an exact filter too, paired with created_at: its index is then
     * (owner, column, created_at, pk).
     */
    static <T> Reply page(Connection c, ListQuery.Spec spec, long owner, String field, String pattern, long skip,
                          int limit, String columns, ListQuery.Rows<T> rows) throws SQLException {
        String index = spec.pairs().get(field + "/created_at");
        ListQuery.Field exact = spec.where().get(field);
        if (index == null || exact == null) {
            return null;
        }
        String table = spec.table();
        String column = exact.column();
        String expression = spec.like().get(field);
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        Index found = session.getDatabase().getMainSchema().findIndex(session, index.toUpperCase(Locale.ROOT));
        if (store == null || !(found instanceof MVSecondaryIndex mv)
                || !PositionalPage.orderedBy(mv, List.of(spec.ownerColumn(), column, "created_at", "pk"))
                || !PositionalPage.keyedBy(mv.getTable(), "pk")) {
            return null;
        }
        try {
            Runs runs = new Runs(mv, owner);
            RootReference<SearchRow, VersionedValue<Value>> root = runs.map.getRoot();
            if (PositionalPage.anyWriting(store)) {
                return null;
            }
            List<Value> values = runs.values(root);
            if (values == null) {
                return null;
            }
            Set<String> matching = matching(c, values, expression.replace(column, "v"), pattern);
            long total = 0;
            for (Value v : values) {
                if (matching.contains(v.getString())) {
                    long first = runs.position(v, null, Long.MIN_VALUE);
                    long end = runs.position(v, null, Long.MAX_VALUE);
                    runs.add(v, first, end);
                    total += end - first;
                }
            }
            List<Long> keys = skip >= total ? List.of() : runs.keys(root, skip, (int) Math.min(limit, total - skip));
            Map<Long, T> byKey = keys.isEmpty() ? Map.of()
                    : PositionalPage.rowsByKey(c, table, columns, rows, keys);
            // the same root throughout: what was counted and read is one committed state
            if (runs.map.getRootPage() != root.root) {
                return null;
            }
            List<T> page = new ArrayList<>(keys.size());
            for (Long key : keys) {
                T row = byKey.get(key);
                if (row == null) {
                    return null;
                }
                page.add(row);
            }
            return Reply.page(page, new Reply.Pagination(total, limit, skip));
        } catch (MVStoreException | DbException e) {
            return null; // the index was dropped or rebuilt meanwhile (a seed)
        }
    }

    /** The values H2 itself finds {@code LIKE} the pattern, lower-cased as the list's SQL does ({@code v}). */
    private static Set<String> matching(Connection c, List<Value> values, String expression, String pattern)
            throws SQLException {
        Set<String> out = new HashSet<>();
        if (values.isEmpty()) {
            return out;
        }
        Object[] texts = values.stream().map(Value::getString).toArray();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(v) WHERE " + expression
                        + " LIKE ? ESCAPE '\\'")) {
            Array array = c.createArrayOf("VARCHAR", texts);
            ps.setArray(1, array);
            ps.setString(2, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** One value's entries in the index: positions {@code first} to {@code end}. */
    private record Run(Value value, long first, long end) {
    }

    /** The owner's runs in the index, and the walks down it that count and read them. */
    private static final class Runs {
        private final MVSecondaryIndex index;
        private final MVMap<SearchRow, VersionedValue<Value>> map;
        private final Value owner;
        private final int ownerId;
        private final int columnId;
        private final int createdId;
        private final List<Run> matching = new ArrayList<>();

        Runs(MVSecondaryIndex index, long owner) {
            this.index = index;
            this.map = index.getMVMap();
            this.ownerId = index.getIndexColumns()[0].column.getColumnId();
            this.columnId = index.getIndexColumns()[1].column.getColumnId();
            this.createdId = index.getIndexColumns()[2].column.getColumnId();
            this.owner = ValueBigint.get(owner).convertTo(index.getIndexColumns()[0].column.getType());
        }

        /** The owner's distinct values, in index order, jumping from each run's end; null past MAX_VALUES. */
        List<Value> values(RootReference<SearchRow, VersionedValue<Value>> root) {
            List<Value> values = new ArrayList<>();
            SearchRow at = map.higherKey(root, row(null, null, Long.MIN_VALUE));
            while (at != null && at.getValue(ownerId).equals(owner)) {
                if (values.size() == MAX_VALUES) {
                    return null;
                }
                Value v = at.getValue(columnId);
                values.add(v);
                at = map.higherKey(root, row(v, null, Long.MAX_VALUE));
            }
            return values;
        }

        void add(Value value, long first, long end) {
            if (end > first) {
                matching.add(new Run(value, first, end));
            }
        }

        /** The position of a search row of (owner, value[, created_at]) before or after its entries. */
        long position(Value value, Long createdAt, long key) {
            return -map.getKeyIndex(row(value, createdAt, key)) - 1;
        }

        /** How many entries of the matching runs have created_at at most {@code createdAt}. */
        long atOrBefore(long createdAt) {
            long n = 0;
            for (Run r : matching) {
                n += position(r.value(), createdAt, Long.MAX_VALUE) - r.first();
            }
            return n;
        }

        /** The row keys of the union's entries {@code skip} to {@code skip + take}, in creation order. */
        List<Long> keys(RootReference<SearchRow, VersionedValue<Value>> root, long skip, int take) {
            // the smallest created_at with more than skip entries at or before it: the page starts there
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            for (Run r : matching) {
                low = Math.min(low, map.getKey(r.first()).getValue(createdId).getLong());
                high = Math.max(high, map.getKey(r.end() - 1).getValue(createdId).getLong());
            }
            while (low < high) {
                long mid = low + (high - low) / 2;
                if (atOrBefore(mid) > skip) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            long before = low == Long.MIN_VALUE ? 0 : atOrBefore(low - 1);
            // merge the runs from that created_at on, by (created_at, pk), as the list's order is
            PriorityQueue<Head> heads = new PriorityQueue<>();
            for (Run r : matching) {
                Cursor<SearchRow, VersionedValue<Value>> cursor = map.cursor(root,
                        row(r.value(), low, Long.MIN_VALUE), row(r.value(), null, Long.MAX_VALUE), false);
                Head h = new Head(cursor, createdId);
                if (h.advance()) {
                    heads.add(h);
                }
            }
            List<Long> keys = new ArrayList<>(take);
            for (long at = before; keys.size() < take && !heads.isEmpty(); at++) {
                Head h = heads.poll();
                if (at >= skip) {
                    keys.add(h.key);
                }
                if (h.advance()) {
                    heads.add(h);
                }
            }
            return keys;
        }

        private SearchRow row(Value value, Long createdAt, long key) {
            SearchRow row = index.getRowFactory().createRow();
            row.setValue(ownerId, owner);
            if (value != null) {
                row.setValue(columnId, value);
                if (createdAt != null) {
                    row.setValue(createdId, ValueBigint.get(createdAt));
                }
            }
            row.setKey(key);
            return row;
        }
    }

    /** A run's cursor and the entry it stands at, ordered by (created_at, pk). */
    private static final class Head implements Comparable<Head> {
        private final Cursor<SearchRow, VersionedValue<Value>> cursor;
        private final int createdId;
        private long createdAt;
        private long key;

        Head(Cursor<SearchRow, VersionedValue<Value>> cursor, int createdId) {
            this.cursor = cursor;
            this.createdId = createdId;
        }

        boolean advance() {
            if (!cursor.hasNext()) {
                return false;
            }
            SearchRow r = cursor.next();
            createdAt = r.getValue(createdId).getLong();
            key = r.getKey();
            return true;
        }

        @Override
        public int compareTo(Head o) {
            int c = Long.compare(createdAt, o.createdAt);
            return c != 0 ? c : Long.compare(key, o.key);
        }
    }
}
