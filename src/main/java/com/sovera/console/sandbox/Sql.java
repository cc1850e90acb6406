package com.sovera.console.sandbox;

import java.math.BigDecimal;
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

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** A stored decimal as the contract writes it: no exponent, no trailing zeros. */
    static BigDecimal decimal(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
