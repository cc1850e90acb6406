package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    IdempotencyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A lock object for one key, so two requests with the same key never run at once. */
    Object lockFor(String scope, String key) {
        return locks.computeIfAbsent(scope + " " + key, k -> new Object());
    }

    void release(String scope, String key) {
        locks.remove(scope + " " + key);
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
