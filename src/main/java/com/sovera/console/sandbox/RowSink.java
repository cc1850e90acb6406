package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Where a seed writes one table's rows: bound as the table's {@code INSERT} binds them, then added. */
interface RowSink extends AutoCloseable {

    /** What the table's bind method binds to. */
    PreparedStatement statement();

    /** Adds the row just bound. */
    void add() throws SQLException;

    /** Writes the rows added since the last call (if not written yet) and gives their keys, in order. */
    long[] flush() throws SQLException;

    @Override
    void close() throws SQLException;

    /** Batched inserts in the connection's transaction. */
    static RowSink sql(Connection c, String insert) throws SQLException {
        PreparedStatement ps = c.prepareStatement(insert, new String[] {"pk"});
        return new RowSink() {
            private int added;

            @Override
            public PreparedStatement statement() {
                return ps;
            }

            @Override
            public void add() throws SQLException {
                ps.addBatch();
                added++;
            }

            @Override
            public long[] flush() throws SQLException {
                long[] keys = new long[added];
                if (added > 0) {
                    ps.executeBatch();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        for (int k = 0; k < keys.length; k++) {
                            rs.next();
                            keys[k] = rs.getLong(1);
                        }
                    }
                }
                added = 0;
                return keys;
            }

            @Override
            public void close() throws SQLException {
                ps.close();
            }
        };
    }
}
