package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code [like]} on the users' e-mails or the addresses, in creation order, answered from the owner's
 * {@link TextColumn}: an exact total and any page for the cost of one pass over the texts in memory, where the
 * list's SQL reads and tests the field's index entry by entry (seconds at a million for a page past the first of a
 * common fragment, or for a rare one).
 *
 * <p>A column answers only when it holds exactly the owner's committed rows: rows are only ever added (no write
 * path deletes a user or an address or changes its text), so a column whose size is the owner's count of rows,
 * counted by position in the creation index ({@link PositionalPage#count}, which proves one committed state), holds
 * them all. A column behind by a few rows reads them (those with a greater key) before it answers; behind by more,
 * or missing, it is read again on a thread of its own and the question is answered by SQL meanwhile, as it is
 * while another transaction writes. Once proven, a column answers without counting until the owner's rows of the
 * table change ({@link Database#changed}, which every write path calls). Columns are made for every owner when the
 * sandbox opens ({@link #warm}).
 */
final class LikeTexts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LikeTexts.class);

    /**
     * A field answered here: its list, its name there, the column it reads (lower-cased text) and that column's
     * index, and the list's creation index. Both indexes hold what a column is made of, so it is read from them
     * alone (a million users in ~5 s, where reading the rows took 17 s).
     */
    record Field(ListQuery.Spec list, String name) {
        String table() {
            return list.table();
        }

        String column() {
            return list.like().get(name);
        }

        String textIndex() {
            return list.where().get(name).index();
        }

        String creationIndex() {
            return list.sort().get("created_at").index();
        }
    }

    /** The fields answered here. */
    static final List<Field> FIELDS = List.of(new Field(Users.LIST, "email"), new Field(Addresses.LIST, "address"));

    private record Key(Field field, long owner) {
    }

    /**
     * A column and the owner's version of the table's rows ({@link CountCache#version}) at which it was found to
     * hold them all; {@link #UNPROVEN} until then.
     */
    private record Held(TextColumn texts, long version) {
    }

    private static final long UNPROVEN = -1;
    /** What a row costs while a column is read (its text by key, then its row); a tenth of it once read. */
    private static final long BYTES_WHILE_READ = 400;

    /** Where the rows come from, when read on the builder's thread. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final CountCache counts;
    private final int catchUp;
    private final java.util.function.LongSupplier freeHeap;
    private final Map<Key, Held> columns = new ConcurrentHashMap<>();
    private final Set<Key> reading = ConcurrentHashMap.newKeySet();
    /** Owners' fields whose texts did not fit the heap when read: by SQL from then on, unless a column is held. */
    private final Set<Key> tooLarge = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sovx-sandbox-like-texts");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param counts  whose versions every write path of the users and the addresses moves ({@link Database#changed})
     * @param catchUp how many rows a question reads itself to bring a column up to date (or make a new one);
     *                more are read on the builder's thread
     */
    LikeTexts(Connections connections, CountCache counts, int catchUp) {
        this(connections, counts, catchUp, () -> {
            Runtime heap = Runtime.getRuntime();
            return heap.maxMemory() - (heap.totalMemory() - heap.freeMemory());
        });
    }

    /** The same, the heap a column may take a part of told by {@code freeHeap} (bytes). */
    LikeTexts(Connections connections, CountCache counts, int catchUp, java.util.function.LongSupplier freeHeap) {
        this.connections = connections;
        this.counts = counts;
        this.catchUp = catchUp;
        this.freeHeap = freeHeap;
    }

    /**
     * The page of the owner's rows whose field is like {@code value} (the client's, {@code %} its wildcard), in
     * creation order or its reverse, with their exact total; or null when no column can answer now.
     */
    <T> Reply page(Connection c, ListQuery.Spec spec, long owner, String field, String value, boolean descending,
                   long skip, int limit, String selected, ListQuery.Rows<T> rows) throws SQLException {
        Field answered = new Field(spec, field);
        if (!FIELDS.contains(answered)) {
            return null;
        }
        Key key = new Key(answered, owner);
        long version = counts.version(spec.table(), owner);
        Held held = columns.get(key);
        if (held == null && tooLarge.contains(key)) { // a column held (read at start) still answers
            return null;
        }
        TextColumn texts = held != null && held.version() == version ? held.texts() : proven(c, key, version);
        if (texts == null) {
            return null;
        }
        TextColumn.Matches matches = texts.find(PercentPattern.of(value), skip, limit, descending);
        Map<Long, T> byKey = matches.keys().isEmpty() ? Map.of()
                : PositionalPage.rowsByKey(c, spec.table(), selected, rows, matches.keys());
        List<T> page = new ArrayList<>(matches.keys().size());
        for (Long k : matches.keys()) {
            T row = byKey.get(k);
            if (row == null) {
                return null;
            }
            page.add(row);
        }
        return Reply.page(page, new Reply.Pagination(matches.total(), limit, skip));
    }

    /** Makes every owner's columns on the builder's thread: the first question then finds them made. */
    void warm() {
        builder.execute(() -> {
            long started = System.nanoTime();
            try (Connection c = connections.open()) {
                List<Long> owners = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT pk FROM customers ORDER BY pk")) {
                    while (rs.next()) {
                        owners.add(rs.getLong(1));
                    }
                }
                for (long owner : owners) {
                    for (Field field : FIELDS) {
                        if (closed) {
                            return;
                        }
                        Key key = new Key(field, owner);
                        TextColumn read = readAll(c, key);
                        if (read != null) {
                            columns.putIfAbsent(key, new Held(read, UNPROVEN)); // unless a question made it
                            read.prepare();
                        }
                    }
                }
                LOG.info("[like] texts of {} customers in memory in {} ms", owners.size(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                if (!closed) { // closed meanwhile: nothing to tell
                    LOG.warn("[like] texts of the customers not in memory ({}): [like] by SQL", e.getMessage());
                }
            }
        });
    }

    /**
     * The column once proven to hold exactly the owner's committed rows, counted by position in the creation index
     * (which proves one committed state), reading the rows it lacks; null if that cannot be done now.
     */
    private TextColumn proven(Connection c, Key key, long version) throws SQLException {
        Long count = PositionalPage.count(c, creationRange(key));
        if (count == null) {
            return null; // another transaction is writing: which rows are committed cannot be told from here
        }
        synchronized (this) {
            Held held = columns.get(key);
            TextColumn texts = held == null ? null : held.texts();
            long missing = texts == null ? count : count - texts.size();
            if (missing < 0 || missing > catchUp) {
                readLater(key, missing < 0 ? null : texts); // fewer rows than it holds: read them all again
                return null;
            }
            if (missing > 0 || texts == null) { // none held and none counted: an owner with no rows yet
                texts = read(c, key, texts);
                if (texts == null) {
                    return null; // too many for the heap
                }
                // counted again, after the read: the column holds rows committed before now only, so as many as now
                // counted are all of them. The count before cannot prove it: a row committed since, read by its key,
                // would make up for one committed before under a smaller key than the column's greatest, never read
                count = PositionalPage.count(c, creationRange(key));
                if (count == null) {
                    columns.put(key, new Held(texts, UNPROVEN));
                    return null;
                }
            }
            if (texts.size() < count) {
                readLater(key, null); // a row committed late under a smaller key than the column's greatest
            }
            // never more than counted: every count is taken after the column was read
            columns.put(key, new Held(texts, texts.size() == count ? version : UNPROVEN));
            return texts.size() == count ? texts : null;
        }
    }

    /** Brings the column up to date on the builder's thread, unless it is already being read. */
    private void readLater(Key key, TextColumn from) {
        if (closed || !reading.add(key)) {
            return;
        }
        Held queued = columns.get(key);
        Runnable task = () -> {
            if (closed || from == null && queued == null && columns.get(key) != null) {
                reading.remove(key); // one made meanwhile (the start's read, or this question's): caught up next
                return;
            }
            try (Connection c = connections.open()) {
                TextColumn read = read(c, key, from);
                synchronized (this) {
                    if (read == null) {
                        return; // too many for the heap
                    }
                    Held now = columns.get(key);
                    if (now == null || now.texts().size() < read.size() || from == null) {
                        columns.put(key, new Held(read, UNPROVEN));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("[like] texts of customer {} not read ({}): [like] by SQL meanwhile", key.owner(),
                            e.getMessage());
                }
            } finally {
                reading.remove(key);
            }
        };
        try {
            builder.execute(task);
        } catch (RejectedExecutionException e) { // closed meanwhile
            reading.remove(key);
        }
    }

    /**
     * The owner's rows after {@code from}'s greatest key added to it, or all of them when {@code from} is null (null
     * if they would not fit the heap). Rows
     * committed late with a smaller key are not among them: the column's size then stays short of the count, and the
     * next question reads it all again.
     */
    private TextColumn read(Connection c, Key key, TextColumn from) throws SQLException {
        Field f = key.field();
        String owner = f.list().ownerColumn();
        if (from == null) {
            try (Connection own = connections.open()) { // its own: a transaction of one snapshot, then undone
                return readAll(own, key);
            }
        }
        // after a key: a range of the table's own map (its rows are keyed by pk), not the owner's million entries
        // of another index, which H2 picks for "pk > ?" (2 s at a million against 1 ms)
        List<TextColumn.Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pk, created_at, " + f.column() + " FROM "
                + f.table() + " USE INDEX () WHERE _ROWID_ > ? AND " + owner + " = ?")) {
            ps.setLong(1, from.maxPk());
            ps.setLong(2, key.owner());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TextColumn.Row(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return from.plus(rows);
    }

    /** All the owner's rows: the texts from their index, the order from the creation index, of one committed state. */
    private TextColumn readAll(Connection c, Key key) throws SQLException {
        Field f = key.field();
        String owner = f.list().ownerColumn();
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            Long counted = PositionalPage.count(c, creationRange(key)); // or, while another writes, by SQL
            long count = counted != null ? counted : sqlCount(c, key);
            if (count * BYTES_WHILE_READ > freeHeap.getAsLong() / 2) {
                if (tooLarge.add(key)) { // told once: a held column may ask again at each question
                    LOG.info("[like] on {} of customer {} by SQL: its {} rows would not fit the heap", f.name(),
                            key.owner(), count);
                }
                return null;
            }
            Map<Long, String> texts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pk, " + f.column() + " FROM " + f.table()
                    + " USE INDEX (" + f.textIndex() + ") WHERE " + owner + " = ?")) {
                ps.setLong(1, key.owner());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        texts.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            List<TextColumn.Row> rows = new ArrayList<>(texts.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT pk, created_at FROM " + f.table() + " USE INDEX ("
                    + f.creationIndex() + ") WHERE " + owner + " = ? ORDER BY created_at, pk")) {
                ps.setLong(1, key.owner());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = texts.get(rs.getLong(1));
                        if (text != null) { // in one committed state each has the other; if not, it stays short
                            rows.add(new TextColumn.Row(rs.getLong(1), rs.getLong(2), text));
                        }
                    }
                }
            }
            return TextColumn.of(rows);
        } finally {
            try {
                c.rollback();
            } finally {
                try {
                    c.setTransactionIsolation(isolation);
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        }
    }

    /** Where the owner's rows lie in the creation index. */
    private static PositionalPage.Range creationRange(Key key) {
        return new PositionalPage.Range(key.field().creationIndex(),
                List.of(key.field().list().ownerColumn(), "created_at", "pk"), false, List.of(key.owner()), "pk");
    }

    private static long sqlCount(Connection c, Key key) throws SQLException {
        Field f = key.field();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + f.table() + " USE INDEX ("
                + f.creationIndex() + ") WHERE " + f.list().ownerColumn() + " = ?")) {
            ps.setLong(1, key.owner());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stops reading between two columns: an interrupt inside an H2 file read would close the store's file. */
    @Override
    public void close() {
        closed = true;
        builder.shutdown();
        try {
            builder.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
