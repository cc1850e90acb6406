package com.sovera.console.sandbox;

import com.sovera.console.api.model.MinedBlocks;
import com.sovera.console.chain.Network;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sandbox's simulated chain: one height for every network, a block every {@code period} of the sandbox's
 * clock while it runs (none while it is stopped), or many at once on request. A block that brings a deposit to
 * its required confirmations completes it: its status, and its wallet's balance and pending balance, move in the
 * same database transaction.
 *
 * <p>Blocks are mined when someone looks: each read first catches up the blocks the clock says are due, with the
 * times they were due. Nothing runs in between, so tests move a clock instead of sleeping.
 */
final class Blocks {

    /** Confirmations a deposit needs before it counts, per network. */
    static final Map<Network, Integer> REQUIRED = Map.of(Network.BITCOIN_TESTNET, 3, Network.ETHEREUM_SEPOLIA, 12,
            Network.BITCOIN, 3, Network.ETHEREUM, 12);
    static final int MAX_AT_ONCE = 1000;

    private final Database db;
    private final Clock clock;
    private final long periodMillis;
    /** The last block's height (read at first use) and when the clock's next block counts from; guarded by this. */
    private long height = -1;
    private long anchor;

    Blocks(Database db, Clock clock, Duration period) {
        this.db = db;
        this.clock = clock;
        this.periodMillis = period.toMillis();
        this.anchor = clock.millis(); // the time the sandbox was stopped mines nothing
    }

    /** The height now: the blocks the clock says are due are mined first. */
    synchronized long height() throws SQLException {
        if (height < 0) {
            try (Connection c = db.unbound(); PreparedStatement ps = c.prepareStatement(
                    "SELECT height FROM chain_tip WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                height = rs.getLong(1);
            }
        }
        long due = (clock.millis() - anchor) / periodMillis;
        if (due > 0) {
            long first = anchor + periodMillis;
            advance(due, block -> first + (block - height - 1) * periodMillis);
            anchor += due * periodMillis;
        }
        return height;
    }

    /** Mines {@code count} blocks now, after those the clock says are due. */
    synchronized long mine(int count) throws SQLException {
        height();
        long now = clock.millis();
        advance(count, block -> now);
        return height;
    }

    /** {@code POST /sandbox/blocks {"count": N}}. */
    Reply mineOnRequest(SandboxRequest r) throws SQLException {
        int count = count(r.body);
        long after = mine(count);
        return Reply.ok(new MinedBlocks(count, after));
    }

    /** A JSON whole number 1..1000 (written 5, 5.0 or 5e0 alike, as JSON Schema reads an integer). */
    private static int count(Map<String, Object> body) {
        Object value = body.get("count");
        if (value == null) {
            throw SandboxError.validation("count", "count is required");
        }
        if (!(value instanceof BigDecimal n) || n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            throw SandboxError.validation("count", "count must be a whole number of blocks, 1 to " + MAX_AT_ONCE);
        }
        if (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(MAX_AT_ONCE)) > 0) {
            throw SandboxError.validation("count", "count must be 1 to " + MAX_AT_ONCE + " blocks at once");
        }
        return n.intValueExact();
    }

    /** When the block of a given height was mined. */
    @FunctionalInterface
    private interface BlockTime {
        long of(long block);
    }

    /** A deposit a block completes. */
    private record Completed(long pk, long customerPk, long walletPk, BigDecimal amount, long at) {
    }

    /**
     * Adds {@code count} blocks and completes the deposits they confirm, all in one transaction. A wallet row held
     * by a deposit being recorded makes it wait; past H2's lock timeout it tries again rather than fail a read.
     */
    private void advance(long count, BlockTime time) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                advanceOnce(count, time);
                return;
            } catch (SQLException e) {
                if (!"HYT00".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void advanceOnce(long count, BlockTime time) throws SQLException {
        long to = height + count;
        List<Completed> completed = new ArrayList<>();
        try (Connection c = db.unbound()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE chain_tip SET height = ? WHERE id = 1")) {
                    ps.setLong(1, to);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT pk, customer_pk, wallet_pk, amount,"
                        + " block_height + required_confirmations FROM transactions WHERE status = 'PENDING'"
                        + " AND block_height + required_confirmations <= ?")) {
                    ps.setLong(1, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // a deposit due at an earlier block than these (made while they were mined) completes now
                            long at = time.of(Math.max(rs.getLong(5), height + 1));
                            completed.add(new Completed(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                    rs.getBigDecimal(4), at));
                        }
                    }
                }
                try (PreparedStatement tx = c.prepareStatement(
                        "UPDATE transactions SET status = 'COMPLETED', updated_at = ? WHERE pk = ?");
                     PreparedStatement wallet = c.prepareStatement("UPDATE wallets SET balance = balance + ?,"
                             + " pending_balance = pending_balance - ?, updated_at = GREATEST(updated_at, ?) WHERE pk = ?")) {
                    for (Completed done : completed) {
                        tx.setLong(1, done.at());
                        tx.setLong(2, done.pk());
                        tx.executeUpdate();
                        wallet.setBigDecimal(1, done.amount());
                        wallet.setBigDecimal(2, done.amount());
                        wallet.setLong(3, done.at());
                        wallet.setLong(4, done.walletPk());
                        wallet.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        height = to;
        new TreeSet<>(completed.stream().map(Completed::customerPk).toList())
                .forEach(customer -> db.changed("transactions", customer));
    }
}
