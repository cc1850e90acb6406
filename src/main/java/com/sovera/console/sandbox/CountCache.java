package com.sovera.console.sandbox;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers list totals per owner and query, forgotten as soon as the owner's rows of that table change. Counting
 * a million index entries costs H2 ~170 ms; a page flip should not pay it again for the same filter. A total
 * computed while a row was being added is never kept (each owner's table carries a version).
 */
final class CountCache {

    /** A count the cache may run. */
    @FunctionalInterface
    interface Count {
        long run() throws SQLException;
    }

    private record Entry(long version, long count) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<String, Entry> counts = new ConcurrentHashMap<>();

    long count(String table, long owner, String query, Count count) throws SQLException {
        AtomicLong version = versions.computeIfAbsent(table + ":" + owner, k -> new AtomicLong());
        String key = table + ":" + owner + "|" + query;
        long before = version.get();
        Entry cached = counts.get(key);
        if (cached != null && cached.version() == before) {
            return cached.count();
        }
        long total = count.run();
        if (version.get() == before) {
            if (counts.size() > MAX_ENTRIES) {
                counts.clear();
            }
            counts.put(key, new Entry(before, total));
        }
        return total;
    }

    /** The version of an owner's rows of a table: it moves on each {@link #changed}. */
    long version(String table, long owner) {
        AtomicLong version = versions.get(table + ":" + owner);
        return version == null ? 0 : version.get();
    }

    /** Call after an owner's rows of a table changed (and the change is committed). */
    void changed(String table, long owner) {
        versions.computeIfAbsent(table + ":" + owner, k -> new AtomicLong()).incrementAndGet();
    }
}
