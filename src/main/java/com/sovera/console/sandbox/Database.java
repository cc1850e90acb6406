package com.sovera.console.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sandbox's embedded H2 database: a file that survives restarts, or memory; migrated on open. */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Migration scripts in order; a new version appends a script here and never edits an old one. */
    private static final String[] MIGRATIONS = {"V1__schema.sql", "V2__filter_order.sql",
        "V3__text_in_characters.sql", "V4__owner_key_records.sql", "V5__transactions.sql", "V6__lookup_indexes.sql",
        "V7__wallet_name_order.sql", "V8__console_orders.sql", "V9__like_grams.sql"};

    private final JdbcConnectionPool pool;
    private final CountCache counts = new CountCache();
    /** A question reads up to this many new rows into its owner's texts itself; more are read beside it. */
    private static final int TEXTS_CATCH_UP = 5_000;
    private final LikeTexts likeTexts = new LikeTexts(this::unbound, counts, TEXTS_CATCH_UP);

    private Database(String url) {
        this.pool = JdbcConnectionPool.create(url, "sovx", "");
        pool.setMaxConnections(32);
    }

    /** Opens (creating if needed) the database in {@code directory}, or in memory when it is null. */
    static Database open(Path directory) throws SQLException {
        String url = directory == null
                ? "jdbc:h2:mem:sovx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                // WRITE_DELAY=0: a committed row is in the file at once, so a killed sandbox loses no answered write
                : "jdbc:h2:file:" + directory.toAbsolutePath().resolve("sandbox") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Database db = new Database(url);
        try {
            db.migrate();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** List totals, remembered until the rows they count change. */
    CountCache counts() {
        return counts;
    }

    /** The users' e-mails and the addresses in memory, for a {@code [like]} on them. */
    LikeTexts likeTexts() {
        return likeTexts;
    }

    /** What runs inside {@link #inTransaction}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** The transaction of this thread, when one is open: every connection() of it is the same connection. */
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();

    Connection connection() throws SQLException {
        Connection tx = bound.get();
        return tx == null ? pool.getConnection() : unclosable(tx);
    }

    /**
     * A connection of its own, outside any transaction of this thread: for work that must commit whatever the
     * request around it does (the simulated chain's blocks).
     */
    Connection unbound() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Runs {@code work} as one transaction: whatever it writes through {@link #connection()} commits together, or
     * not at all (an exception rolls it back). A create and its idempotency record so never part: a sandbox killed
     * between them would otherwise create again when the same key is retried.
     */
    <T> T inTransaction(Work<T> work) throws Exception {
        if (bound.get() != null) {
            return work.run();
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            bound.set(c);
            afterCommit.set(new java.util.ArrayList<>());
            try {
                T value = work.run();
                c.commit();
                afterCommit.get().forEach(Runnable::run);
                return value;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            } finally {
                bound.remove();
                afterCommit.remove();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Forgets an owner's list totals of a table whose rows changed: now, and again once the change is committed
     * (a total counted in between saw the rows before it).
     */
    void changed(String table, long owner) {
        counts.changed(table, owner);
        java.util.List<Runnable> pending = afterCommit.get();
        if (pending != null) {
            pending.add(() -> counts.changed(table, owner));
        }
    }

    private static Connection unclosable(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null; // the transaction's owner closes it
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void migrate() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int current = 0;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > MIGRATIONS.length) {
                throw new SQLException("The sandbox database is of schema version " + current
                        + ", newer than this console knows (" + MIGRATIONS.length + "). Use a newer console.");
            }
            // before a migration reads a table whose rows or indexes a bulk seed stopped by a crash left unfinished
            IndexesAside.repairStoppedSeed(c);
            c.setAutoCommit(false);
            for (int version = current + 1; version <= MIGRATIONS.length; version++) {
                for (String statement : script(MIGRATIONS[version - 1]).split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                if (MIGRATIONS[version - 1].equals("V9__like_grams.sql")) {
                    LikeGrams.addAll(c); // the pieces of the rows there before, in the same transaction
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
                c.commit();
                LOG.info("Sandbox database migrated to schema version {}", version);
            }
        }
    }

    private static String script(String name) {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    @Override
    public void close() {
        likeTexts.close();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Sandbox database shutdown: {}", e.getMessage());
        }
        pool.dispose();
    }
}
