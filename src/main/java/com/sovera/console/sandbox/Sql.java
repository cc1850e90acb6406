package com.sovera.console.sandbox;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Small JDBC conversions shared by the resources. */
final class Sql {

    private Sql() {
    }

    /** True when the failure is a unique-key violation: the caller answers 409. */
    static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Statements that write together. */
    @FunctionalInterface
    interface Step {
        void run() throws SQLException;
    }

    /**
     * Runs the step as one transaction on {@code c}: in the caller's, if one is open on it (the request's, with its
     * idempotency record), or in one of its own, committed at the end and rolled back on a failure.
     */
    static void inOneTransaction(Connection c, Step step) throws SQLException {
        if (!c.getAutoCommit()) {
            step.run();
            return;
        }
        c.setAutoCommit(false);
        try {
            step.run();
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** A stored decimal as the contract writes it: no exponent, no trailing zeros. */
    static BigDecimal decimal(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
