package com.sovera.console.sandbox;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.SessionLocal;
import org.h2.expression.Expression;
import org.h2.message.DbException;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.table.Column;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueNull;
import org.h2.value.ValueToObjectConverter;
import org.h2.value.VersionedValue;

/**
 * A bulk seed's rows of one table, written straight into its primary map in the order of their keys, as committed
 * rows: H2's insert also writes each row to the transaction's undo log and rewrites it once more when the
 * transaction commits. Only while the table's secondary indexes are set aside ({@link IndexesAside}) and nothing
 * else writes it: a start, before the sandbox answers.
 *
 * <p>The rows are bound as the table's own {@code INSERT} binds them (its write path, unchanged) to a statement that
 * only records the values; each is converted to its column's type as H2's insert converts it (a test compares
 * the rows with those SQL inserts write). Not transactional, so before any row is written the seed's tables are
 * marked together ({@link #mark}: one comment on {@code users} naming each table's first key), and the mark goes in
 * one statement ({@link #unmark}) only once every table's rows are kept and every index is filled: a process
 * stopped before that leaves the mark, and the next open removes every row from those keys on in every table
 * ({@link #removeMarked}), so no wallet is kept without its address, before the seed is done again.
 */
final class BulkRows implements RowSink {

    /** Where the mark is kept: the comment of a table every seed writes. */
    private static final String MARKED_TABLE = "USERS";
    private static final String MARK = "SovX: a bulk seed did not finish; rows written from key:";
    private static final Pattern FIRST_KEY = Pattern.compile(" (\\w+)=(\\d+)");
    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\(\\?(?:, \\?)*\\)", Pattern.CASE_INSENSITIVE);

    private final SessionLocal session;
    private final MVTable table;
    private final MVMap<Long, VersionedValue<SearchRow>> map;
    private final Column[] bound;
    /** The constant defaults of the columns not bound (the key's is null). */
    private final Value[] defaults;
    private final int keyColumn;
    private final Object[] values;
    private final PreparedStatement recorder;
    private final List<Long> added = new ArrayList<>();
    private final long first;
    private long next;

    private BulkRows(SessionLocal session, MVTable table, Column[] bound, Value[] defaults, long next) {
        this.defaults = defaults;
        this.session = session;
        this.table = table;
        this.map = ((MVPrimaryIndex) table.getScanIndex(session)).getMVMap();
        this.bound = bound;
        this.keyColumn = table.getMainIndexColumn();
        this.values = new Object[bound.length];
        this.first = next;
        this.next = next;
        this.recorder = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer at) {
                        values[at - 1] = method.getName().equals("setNull") ? null : args[1];
                        return null;
                    }
                    throw new UnsupportedOperationException("Not a bulk row's: " + method.getName());
                });
    }

    /** The rows {@code insert} (a plain {@code INSERT INTO t (columns) VALUES (?, ...)}) would write. */
    static BulkRows open(Connection c, String insert) throws SQLException {
        Matcher m = INSERT.matcher(insert.trim());
        if (!m.matches()) {
            throw new SQLException("Cannot write in bulk: " + insert);
        }
        SessionLocal session = IndexesAside.session(c);
        if (!(session.getDatabase().getMainSchema().findTableOrView(session, m.group(1).toUpperCase(Locale.ROOT))
                instanceof MVTable table) || table.getMainIndexColumn() < 0) {
            throw new SQLException("Cannot write in bulk into " + m.group(1) + ": not a table keyed by its pk");
        }
        String[] names = m.group(2).split(",\\s*");
        Column[] bound = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            bound[i] = table.getColumn(names[i].toUpperCase(Locale.ROOT));
        }
        Value[] defaults = new Value[table.getColumns().length];
        for (Column column : table.getColumns()) {
            Expression expression = column.getEffectiveDefaultExpression();
            boolean isBound = java.util.Arrays.asList(bound).contains(column);
            if (column.isGenerated() || (!isBound && column.getColumnId() != table.getMainIndexColumn()
                    && (expression == null || !expression.isConstant()))) {
                throw new SQLException("Cannot write in bulk into " + table.getName() + ": column "
                        + column.getName() + " is neither bound nor of a constant default");
            }
            if (!isBound && column.getColumnId() != table.getMainIndexColumn()) {
                // as an insert assigns a default: the column's scale
                defaults[column.getColumnId()] = expression.getValue(session).convertForAssignTo(column.getType(),
                        session, column);
            }
        }
        Column key = table.getColumn(table.getMainIndexColumn());
        long next = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table.getName());
            ps.setString(2, key.getName());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    next = Math.max(next, rs.getLong(1));
                }
            }
        }
        Long last = ((MVPrimaryIndex) table.getScanIndex(session)).getMVMap().lastKey();
        next = Math.max(next, last == null ? 1 : last + 1);
        return new BulkRows(session, table, bound, defaults, next);
    }

    /** What the table's bind method binds to; {@link #add} then writes the row. */
    @Override
    public PreparedStatement statement() {
        return recorder;
    }

    /** Writes the row just bound under the next key, checked and converted as an insert does. */
    @Override
    public void add() throws SQLException {
        Value[] data = defaults.clone();
        long key = next++;
        data[keyColumn] = ValueBigint.get(key);
        for (int i = 0; i < bound.length; i++) {
            if (values[i] == null && !bound[i].isNullable()) {
                throw new SQLException("NULL not allowed for column " + bound[i].getName(), "23502");
            }
            Value v = values[i] == null ? ValueNull.INSTANCE
                    : ValueToObjectConverter.objectToValue(session, values[i], Value.UNKNOWN);
            try {
                // as an insert assigns it: the column's scale, a length or precision past the column's refused
                data[bound[i].getColumnId()] = v.convertForAssignTo(bound[i].getType(), session, bound[i]);
            } catch (DbException e) {
                throw e.getSQLException();
            }
            values[i] = null;
        }
        Row row = table.createRow(data, SearchRow.MEMORY_CALCULATE);
        row.setKey(key);
        @SuppressWarnings({"unchecked", "rawtypes"})
        VersionedValue<SearchRow> committed = (VersionedValue) row; // a committed row is stored as itself
        map.put(key, committed);
        added.add(key);
    }

    /** The keys of the rows added since the last call, in order (they are written as they are added). */
    @Override
    public long[] flush() {
        long[] out = added.stream().mapToLong(Long::longValue).toArray();
        added.clear();
        return out;
    }

    @Override
    public void close() {
        // nothing held: finish or removeMarked ends a bulk write
    }

    /**
     * Marks the tables of these writers, in one statement, before they write: what follows is undone at the next
     * open unless {@link #unmark} runs.
     */
    static void mark(Connection c, List<BulkRows> writers) throws SQLException {
        StringBuilder text = new StringBuilder(MARK);
        for (BulkRows w : writers) {
            text.append(' ').append(w.table.getName()).append('=').append(w.first);
        }
        comment(c, markedTable(c), text.toString());
    }

    /** The identity column goes on after the last key, and the store holds the rows (the mark stays). */
    void keep(Connection c) throws SQLException {
        table.setModified();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table.getName() + " ALTER COLUMN " + table.getColumn(keyColumn).getName()
                    + " RESTART WITH " + next);
        }
        session.getDatabase().getStore().getMvStore().commit();
        if (session.getDatabase().isPersistent()) {
            session.getDatabase().getStore().getMvStore().sync();
        }
    }

    /** The seed's rows are all kept and indexed: the mark goes, in one statement. */
    static void unmark(Connection c) throws SQLException {
        comment(c, markedTable(c), null);
    }

    /**
     * Removes the rows a bulk seed that did not finish wrote (every row from each marked table's first key on), and
     * returns those tables, whose indexes are to be filled again before the mark goes ({@link #unmark}).
     */
    static List<String> removeMarked(Connection c) throws SQLException {
        SessionLocal session = IndexesAside.session(c);
        // before the first migration there is no table yet, and so no mark
        Object users = session.getDatabase().getMainSchema().findTableOrView(session, MARKED_TABLE);
        String remark = users instanceof MVTable t ? t.getComment() : null;
        List<String> tables = new ArrayList<>();
        if (remark == null || !remark.startsWith(MARK)) {
            return tables;
        }
        Matcher m = FIRST_KEY.matcher(remark.substring(MARK.length()));
        while (m.find()) {
            Object found = session.getDatabase().getMainSchema().findTableOrView(session, m.group(1));
            if (!(found instanceof MVTable table)) {
                throw new SQLException("Cannot undo the bulk seed of " + m.group(1) + ": " + remark);
            }
            MVMap<Long, VersionedValue<SearchRow>> map = ((MVPrimaryIndex) table.getScanIndex(session)).getMVMap();
            List<Long> keys = new ArrayList<>();
            map.keyIterator(Long.parseLong(m.group(2))).forEachRemaining(keys::add);
            for (Long key : keys) {
                map.remove(key);
            }
            table.setModified();
            tables.add(table.getName());
        }
        session.getDatabase().getStore().getMvStore().commit();
        return tables;
    }

    private static MVTable markedTable(Connection c) throws SQLException {
        return IndexesAside.table(IndexesAside.session(c), MARKED_TABLE);
    }

    private static void comment(Connection c, MVTable table, String text) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMENT ON TABLE \"" + table.getSchema().getName() + "\".\"" + table.getName() + "\" IS "
                    + (text == null ? "NULL" : "'" + text.replace("'", "''") + "'"));
        }
    }
}
