package com.sovera.console.sandbox;

import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.Wallet;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Wallets of the owner key's customer. */
final class Wallets {

    static final ListQuery.Spec LIST = new ListQuery.Spec("wallets", "customer_pk",
            Map.of("user_id", ListQuery.Field.lower("user_id", "wallets_user"),
                    "currency", ListQuery.Field.upper("currency", "wallets_currency"),
                    "status", ListQuery.Field.upper("status", "wallets_status"),
                    "name", ListQuery.Field.exact("name", "wallets_name")),
            Map.of("name", "LOWER(name)"),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "wallets_created"),
                    "name", ListQuery.SortKey.of("name", "wallets_name"),
                    "currency", ListQuery.SortKey.of("currency", "wallets_currency")),
            // a filter with many matches, with each sort (migrations V6, V7); by its own field, the field's index
            Map.ofEntries(Map.entry("status/created_at", "wallets_status_created"),
                    Map.entry("status/name", "wallets_status_name"),
                    Map.entry("status/currency", "wallets_status_currency"),
                    Map.entry("currency/created_at", "wallets_currency_created"),
                    Map.entry("currency/name", "wallets_currency_name"),
                    Map.entry("currency/currency", "wallets_currency"),
                    Map.entry("name/created_at", "wallets_name_created"),
                    Map.entry("name/currency", "wallets_name_currency"),
                    Map.entry("name/name", "wallets_name"),
                    // the console's orders: its sort, then created_at the same way (its tie-breaker); V8
                    Map.entry("/name,created_at", "wallets_name_created"),
                    Map.entry("/currency,created_at", "wallets_currency_created"),
                    Map.entry("name/name,created_at", "wallets_name_created"),
                    Map.entry("currency/currency,created_at", "wallets_currency_created"),
                    Map.entry("currency/name,created_at", "wallets_currency_name_created"),
                    Map.entry("status/name,created_at", "wallets_status_name_created"),
                    Map.entry("status/currency,created_at", "wallets_status_currency_created")));
    static final String COLUMNS = "wallet_id, user_id, name, currency, status, balance, pending_balance, created_at,"
            + " updated_at";

    private final Database db;
    private final Clock clock;
    private final Blocks blocks;

    /** {@code blocks}: mined up to now before a balance is read, so it counts every deposit they completed. */
    Wallets(Database db, Clock clock, Blocks blocks) {
        this.db = db;
        this.clock = clock;
        this.blocks = blocks;
    }

    /** A wallet to insert. */
    record NewRow(long userPk, String userId, String walletId, String name, String currency, BigDecimal balance,
                  long createdAt) {
    }

    Reply create(SandboxRequest r) throws SQLException {
        String userId = Fields.uuid(r.param("user_id"), "user " + r.param("user_id"));
        long customerPk = r.principal.customerPk();
        try (Connection c = db.connection()) {
            long userPk = Users.userPk(c, customerPk, userId);
            String name = Fields.text(r.body, "name", 64);
            String currency = Fields.currency(r.body, "currency");
            NewRow row = new NewRow(userPk, userId, UUID.randomUUID().toString(), name, currency, BigDecimal.ZERO,
                    clock.millis());
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, customerPk, row);
                ps.executeUpdate();
            }
            db.changed("wallets", customerPk);
            return Reply.created(new Wallet(row.walletId(), userId, name, currency, Status.ACTIVE, BigDecimal.ZERO,
                    BigDecimal.ZERO, Sql.instant(row.createdAt()), Sql.instant(row.createdAt())));
        }
    }

    static final String INSERT = "INSERT INTO wallets (customer_pk, user_pk, user_id, wallet_id, name, currency,"
            + " status, balance, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long customerPk, NewRow row) throws SQLException {
        ps.setLong(1, customerPk);
        ps.setLong(2, row.userPk());
        ps.setString(3, row.userId());
        ps.setString(4, row.walletId());
        ps.setString(5, row.name());
        ps.setString(6, row.currency());
        ps.setString(7, Status.ACTIVE.canonical());
        ps.setBigDecimal(8, row.balance());
        ps.setLong(9, row.createdAt());
        ps.setLong(10, row.createdAt());
    }

    Reply list(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        blocks.height();
        try (Connection c = db.connection()) {
            return query.run(c, db, r.principal.customerPk(), COLUMNS, Wallets::read);
        }
    }

    Reply listOfUser(SandboxRequest r) throws SQLException {
        String userId = Fields.uuid(r.param("user_id"), "user " + r.param("user_id"));
        ListQuery query = ListQuery.parse(LIST, r.query);
        blocks.height();
        try (Connection c = db.connection()) {
            Users.userPk(c, r.principal.customerPk(), userId);
            return query.and("user_id", userId).run(c, db, r.principal.customerPk(), COLUMNS, Wallets::read);
        }
    }

    Reply listOfMe(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        blocks.height();
        try (Connection c = db.connection()) {
            return query.and("user_pk", r.principal.userPk()).run(c, db, r.principal.customerPk(), COLUMNS, Wallets::read);
        }
    }

    Reply get(SandboxRequest r) throws SQLException {
        String walletId = Fields.uuid(r.param("wallet_id"), "wallet " + r.param("wallet_id"));
        blocks.height();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM wallets WHERE customer_pk = ? AND wallet_id = ?")) {
            ps.setLong(1, r.principal.customerPk());
            ps.setString(2, walletId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("wallet " + walletId);
                }
                return Reply.ok(read(rs));
            }
        }
    }

    private static Wallet read(ResultSet rs) throws SQLException {
        return new Wallet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Status.of(rs.getString(5)), Sql.decimal(rs.getBigDecimal(6)), Sql.decimal(rs.getBigDecimal(7)),
                Sql.instant(rs.getLong(8)), Sql.instant(rs.getLong(9)));
    }

    /** A list under a wallet: another customer's wallet, or none, is not found (never an empty list). */
    static void requireHeld(Connection c, long customerPk, String walletId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM wallets WHERE customer_pk = ? AND wallet_id = ?")) {
            ps.setLong(1, customerPk);
            ps.setString(2, walletId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("wallet " + walletId);
                }
            }
        }
    }
}
