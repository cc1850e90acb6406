package com.sovera.console.sandbox;

import com.sovera.console.api.model.Rules;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.chain.Network;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The owner key's customer's transactions (deposits), and the sandbox's simulated deposit. A deposit's
 * confirmations are the blocks mined since it was made; it is PENDING until they reach the required count.
 */
final class Transactions {

    static final ListQuery.Spec LIST = new ListQuery.Spec("transactions", "customer_pk",
            Map.of("tx_hash", ListQuery.Field.lower("tx_hash", "transactions_hash"),
                    "address", ListQuery.Field.lower("address_key", "transactions_address").inCreationOrder(),
                    "wallet_id", ListQuery.Field.lower("wallet_id", "transactions_wallet").inCreationOrder(),
                    "status", ListQuery.Field.upper("status", "transactions_status").inCreationOrder(),
                    "currency", ListQuery.Field.upper("currency", "transactions_currency").inCreationOrder()),
            Map.of(),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "transactions_created"),
                    "amount", ListQuery.SortKey.of("amount", "transactions_amount")),
            Map.of("status/amount", "transactions_status_amount", "currency/amount", "transactions_currency_amount",
                    // the console's orders: amount, then created_at the same way (its tie-breaker); V8
                    "/amount,created_at", "transactions_amount_created",
                    "status/amount,created_at", "transactions_status_amount_created",
                    "currency/amount,created_at", "transactions_currency_amount_created"));
    static final String COLUMNS = "transaction_id, wallet_id, address, currency, network, direction, amount, tx_hash,"
            + " block_height, required_confirmations, created_at, updated_at";

    private final Database db;
    private final Clock clock;
    private final Blocks blocks;
    private final IntFunction<byte[]> randomBytes;

    Transactions(Database db, Clock clock, Blocks blocks, IntFunction<byte[]> randomBytes) {
        this.db = db;
        this.clock = clock;
        this.blocks = blocks;
        this.randomBytes = randomBytes;
    }

    /** {@code POST /sandbox/deposits {"address", "amount"}}: a new PENDING deposit with no confirmations. */
    Reply deposit(SandboxRequest r) throws SQLException {
        if (r.body.get("amount") instanceof BigDecimal) {
            throw SandboxError.validation("amount", "amount must be a decimal string such as \"0.0015\", not a JSON"
                    + " number: a number may lose digits on its way");
        }
        String amountText = Fields.string(r.body, "amount");
        if (!Rules.isAmountText(amountText)) {
            throw SandboxError.validation("amount", "amount must be a decimal string such as \"0.0015\": digits,"
                    + " optionally a point and more digits; no sign, exponent or JSON number");
        }
        BigDecimal amount = new BigDecimal(amountText);
        if (amount.signum() <= 0) {
            throw SandboxError.validation("amount", "amount must be greater than zero");
        }
        String address = Fields.text(r.body, "address", 100);
        long customerPk = r.principal.customerPk();
        long height = blocks.height(); // before this request writes anything: mining commits on its own
        try (Connection c = db.connection()) {
            long walletPk;
            String walletId;
            String currency;
            String stored;
            Network network;
            try (PreparedStatement ps = c.prepareStatement("SELECT wallet_pk, wallet_id, currency, network, address"
                    + " FROM addresses WHERE customer_pk = ? AND address_key = ? ORDER BY pk LIMIT 1")) {
                ps.setLong(1, customerPk);
                ps.setString(2, address.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        // not echoed: the message says what is missing, the caller knows what it sent
                        throw new SandboxError(404, "NOT_FOUND", "The customer holds no deposit address of that"
                                + " value.", "address");
                    }
                    walletPk = rs.getLong(1);
                    walletId = rs.getString(2);
                    currency = rs.getString(3);
                    network = Network.byId(rs.getString(4)).orElseThrow();
                    stored = rs.getString(5);
                }
            }
            if (!Rules.isAmount(amountText, currency)) {
                throw SandboxError.validation("amount", "amount has more decimals than " + currency + " has ("
                        + Rules.decimals(currency) + ")");
            }
            long now = clock.millis();
            Transaction tx = new Transaction(UUID.randomUUID().toString(), walletId, stored, currency, network.id(),
                    Transaction.DEPOSIT, Sql.decimal(amount), txHash(network), 0L, Blocks.REQUIRED.get(network),
                    Status.PENDING, Sql.instant(now), Sql.instant(now));
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, customerPk, walletPk, tx, height);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE wallets SET pending_balance = pending_balance + ?,"
                    + " updated_at = ? WHERE pk = ?")) {
                ps.setBigDecimal(1, amount);
                ps.setLong(2, now);
                ps.setLong(3, walletPk);
                ps.executeUpdate();
            }
            db.changed("transactions", customerPk);
            return Reply.created(tx);
        }
    }

    static final String INSERT = "INSERT INTO transactions (customer_pk, wallet_pk, wallet_id, transaction_id, address,"
            + " address_key, currency, network, direction, amount, tx_hash, block_height, required_confirmations,"
            + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long customerPk, long walletPk, Transaction tx, long blockHeight)
            throws SQLException {
        ps.setLong(1, customerPk);
        ps.setLong(2, walletPk);
        ps.setString(3, tx.walletId());
        ps.setString(4, tx.transactionId());
        ps.setString(5, tx.address());
        ps.setString(6, tx.address().toLowerCase(Locale.ROOT));
        ps.setString(7, tx.currency());
        ps.setString(8, tx.network());
        ps.setString(9, tx.direction());
        ps.setBigDecimal(10, tx.amount());
        ps.setString(11, tx.txHash());
        ps.setLong(12, blockHeight);
        ps.setInt(13, tx.requiredConfirmations());
        ps.setString(14, tx.status().canonical());
        ps.setLong(15, tx.createdAt().toEpochMilli());
        ps.setLong(16, tx.updatedAt().toEpochMilli());
    }

    /** A transaction hash as its network writes it: 64 lowercase hex digits, after {@code 0x} on Ethereum. */
    static String txHash(Network network, byte[] random32) {
        String hex = HexFormat.of().formatHex(random32);
        return network.family() == Network.Family.ETHEREUM ? "0x" + hex : hex;
    }

    private String txHash(Network network) {
        return txHash(network, randomBytes.apply(32));
    }

    Reply list(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        long height = blocks.height();
        try (Connection c = db.connection()) {
            return query.run(c, db, r.principal.customerPk(), COLUMNS, rs -> read(rs, height));
        }
    }

    Reply listOfWallet(SandboxRequest r) throws SQLException {
        String walletId = Fields.uuid(r.param("wallet_id"), "wallet " + r.param("wallet_id"));
        ListQuery query = ListQuery.parse(LIST, r.query);
        long height = blocks.height();
        try (Connection c = db.connection()) {
            Wallets.requireHeld(c, r.principal.customerPk(), walletId);
            return query.and("wallet_id", walletId).run(c, db, r.principal.customerPk(), COLUMNS,
                    rs -> read(rs, height));
        }
    }

    Reply get(SandboxRequest r) throws SQLException {
        String id = Fields.uuid(r.param("transaction_id"), "transaction " + r.param("transaction_id"));
        long height = blocks.height();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM transactions WHERE customer_pk = ? AND transaction_id = ?")) {
            ps.setLong(1, r.principal.customerPk());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("transaction " + id);
                }
                return Reply.ok(read(rs, height));
            }
        }
    }

    /**
     * A row as of the chain's {@code height}: its status follows from its confirmations, so one record never
     * says COMPLETED short of its confirmations, or PENDING with them.
     */
    private static Transaction read(ResultSet rs, long height) throws SQLException {
        long confirmations = Math.max(0, height - rs.getLong(9));
        int required = rs.getInt(10);
        return new Transaction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Sql.decimal(rs.getBigDecimal(7)), rs.getString(8), confirmations, required,
                confirmations >= required ? Status.COMPLETED : Status.PENDING, Sql.instant(rs.getLong(11)),
                Sql.instant(rs.getLong(12)));
    }
}
