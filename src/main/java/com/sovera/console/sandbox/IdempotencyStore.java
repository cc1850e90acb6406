package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers, per credential and {@code Idempotency-Key}, the request's hash and the answer given, for 24 hours.
 * Answers that carry a secret are kept in memory only.
 */
final class IdempotencyStore {

    /** A remembered answer. */
    record Entry(String requestHash, int status, String body, long createdAt) {
    }

    static final Duration RETENTION = Duration.ofHours(24);

    private final Database db;
    private final Clock clock;
    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private final Map<String, KeyLock> locks = new ConcurrentHashMap<>();

    /** The lock of one key and how many requests hold or wait for it: it is dropped only when none does. */
    private static final class KeyLock {
        final ReentrantLock lock = new ReentrantLock();
        int users; // changed only inside the map's compute for this key
    }

    IdempotencyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Waits until no other request with this key runs, then holds the key: two requests with the same key never
     * run at once. Every call is paired with {@link #release}.
     */
    void acquire(String scope, String key) {
        KeyLock held = locks.compute(scope + " " + key, (k, current) -> {
            KeyLock lock = current == null ? new KeyLock() : current;
            lock.users++;
            return lock;
        });
        held.lock.lock();
    }

    /** Lets the next request with this key run; the lock is forgotten once nobody holds or awaits it. */
    void release(String scope, String key) {
        locks.computeIfPresent(scope + " " + key, (k, lock) -> {
            lock.lock.unlock();
            return --lock.users == 0 ? null : lock;
        });
    }

    Entry find(String scope, String key, boolean inMemory) throws SQLException {
        long oldest = clock.millis() - RETENTION.toMillis();
        if (inMemory) {
            Entry e = memory.get(scope + " " + key);
            return e == null || e.createdAt() < oldest ? null : e;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, status, body, created_at FROM idempotency WHERE scope = ? AND idem_key = ?"
                        + " AND created_at >= ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setLong(3, oldest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)) : null;
            }
        }
    }

    /** Runs a create and the saving of its answer as one transaction of the database. */
    <T> T atomically(Database.Work<T> work) throws Exception {
        return db.inTransaction(work);
    }

    void save(String scope, String key, Entry entry, boolean inMemory) throws SQLException {
        if (inMemory) {
            memory.put(scope + " " + key, entry);
            return;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO idempotency (scope, idem_key, request_hash, status, body, created_at) KEY (scope, idem_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, entry.requestHash());
            ps.setInt(4, entry.status());
            ps.setString(5, entry.body());
            ps.setLong(6, entry.createdAt());
            ps.executeUpdate();
        }
    }

    /** Drops what is older than the retention; called now and then, not on every request. */
    void purge() throws SQLException {
        long oldest = clock.millis() - RETENTION.toMillis();
        memory.values().removeIf(e -> e.createdAt() < oldest);
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency WHERE created_at < ?")) {
            ps.setLong(1, oldest);
            ps.executeUpdate();
        }
    }
}
