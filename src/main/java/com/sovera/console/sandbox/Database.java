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
        "V3__text_in_characters.sql", "V4__owner_key_records.sql"};

    private final JdbcConnectionPool pool;
    private final CountCache counts = new CountCache();

    private Database(String url) {
        this.pool = JdbcConnectionPool.create(url, "sovx", "");
        pool.setMaxConnections(32);
    }

    /** Opens (creating if needed) the database in {@code directory}, or in memory when it is null. */
    static Database open(Path directory) throws SQLException {
        String url = directory == null
                ? "jdbc:h2:mem:sovx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + directory.toAbsolutePath().resolve("sandbox") + ";DB_CLOSE_ON_EXIT=FALSE";
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

    Connection connection() throws SQLException {
        return pool.getConnection();
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
            c.setAutoCommit(false);
            for (int version = current + 1; version <= MIGRATIONS.length; version++) {
                for (String statement : script(MIGRATIONS[version - 1]).split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
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
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Sandbox database shutdown: {}", e.getMessage());
        }
        pool.dispose();
    }
}
