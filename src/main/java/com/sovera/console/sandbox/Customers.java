package com.sovera.console.sandbox;

import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.api.model.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The SX Customers endpoints: an account's customers, their owner keys and user tokens. */
final class Customers {

    static final ListQuery.Spec LIST = new ListQuery.Spec("customers", "account_pk",
            Map.of("customer_id", ListQuery.Field.lower("customer_id", "customers_id"),
                    "email", ListQuery.Field.exact("email", "customers_email"),
                    "entity_name", ListQuery.Field.exact("entity_name", "customers_entity")),
            Map.of("customer_id", "customer_id", "email", "LOWER(email)", "entity_name", "LOWER(entity_name)"),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "customers_created"),
                    "customer_id", ListQuery.SortKey.of("customer_id", "customers_id"),
                    "entity_name", ListQuery.SortKey.of("entity_name", "customers_entity")));
    private static final String COLUMNS = "email, customer_id, entity_name, created_at, updated_at";
    /** A customer's owner keys (assumed): sorted by creation only, no where. */
    static final ListQuery.Spec KEYS = new ListQuery.Spec("api_keys", "customer_pk", Map.of(), Map.of(),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "api_keys_created")));
    private static final String KEY_COLUMNS = "key_id, last_four, created_at, last_used_at, revoked_at";

    private final Database db;
    private final Clock clock;
    private final Duration tokenTtl;

    Customers(Database db, Clock clock, Duration tokenTtl) {
        this.db = db;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
    }

    Reply create(SandboxRequest r) throws SQLException {
        String email = Fields.email(r.body, "email");
        String customerId = Fields.slug(r.body, "customer_id");
        String entityName = Fields.text(r.body, "entity_name", 200);
        long now = clock.millis();
        try (Connection c = db.connection()) {
            insert(c, r.principal.accountPk(), customerId, email, entityName, now);
            db.changed("customers", r.principal.accountPk());
        } catch (SQLException e) {
            if (Sql.isDuplicate(e)) {
                throw SandboxError.conflict("customer_id", "customer_id '" + customerId + "' is already taken");
            }
            throw e;
        }
        return Reply.created(new Customer(email, customerId, entityName, Sql.instant(now), null));
    }

    static long insert(Connection c, long accountPk, String customerId, String email, String entityName, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (account_pk, customer_id, email,"
                + " entity_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"pk"})) {
            ps.setLong(1, accountPk);
            ps.setString(2, customerId);
            ps.setString(3, email);
            ps.setString(4, entityName);
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Reply list(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        try (Connection c = db.connection()) {
            return query.run(c, db, r.principal.accountPk(), COLUMNS, Customers::read);
        }
    }

    Reply get(SandboxRequest r) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM customers WHERE account_pk = ? AND customer_id = ?")) {
            ps.setLong(1, r.principal.accountPk());
            ps.setString(2, r.param("customer_id"));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("customer " + r.param("customer_id"));
                }
                return Reply.ok(read(rs));
            }
        }
    }

    Reply mintCredentials(SandboxRequest r) throws SQLException {
        try (Connection c = db.connection()) {
            long customerPk = customerPk(c, r.principal.accountPk(), r.param("customer_id"));
            String secret = Secrets.customerSecret();
            String keyId = storeKey(c, customerPk, secret, clock.millis());
            db.changed("api_keys", customerPk);
            return Reply.created(new CustomerCredentials(r.param("customer_id"), secret, keyId));
        }
    }

    /**
     * Stores an owner key for the customer: its hash, a public id and its last four characters, never the
     * secret. Returns the id.
     */
    static String storeKey(Connection c, long customerPk, String secret, long now) throws SQLException {
        String keyId = java.util.UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_hash, customer_pk, created_at,"
                + " key_id, last_four) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, Secrets.hash(secret));
            ps.setLong(2, customerPk);
            ps.setLong(3, now);
            ps.setString(4, keyId);
            ps.setString(5, secret.substring(secret.length() - 4));
            ps.executeUpdate();
        }
        return keyId;
    }

    /** (assumed) The customer's owner keys, as records: never a secret. */
    Reply listKeys(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(KEYS, r.query);
        try (Connection c = db.connection()) {
            long customerPk = customerPk(c, r.principal.accountPk(), r.param("customer_id"));
            return query.run(c, db, customerPk, KEY_COLUMNS, Customers::readKey);
        }
    }

    /**
     * (assumed) Revokes one of the customer's owner keys: from now on it is refused everywhere. Revoking again
     * answers the same record; another customer's key is a 404.
     */
    Reply revokeKey(SandboxRequest r) throws SQLException {
        try (Connection c = db.connection()) {
            long customerPk = customerPk(c, r.principal.accountPk(), r.param("customer_id"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE customer_pk = ?"
                    + " AND key_id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, clock.millis());
                ps.setLong(2, customerPk);
                ps.setString(3, r.param("key_id"));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM api_keys"
                    + " WHERE customer_pk = ? AND key_id = ?")) {
                ps.setLong(1, customerPk);
                ps.setString(2, r.param("key_id"));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw SandboxError.notFound("key " + r.param("key_id"));
                    }
                    return Reply.ok(readKey(rs));
                }
            }
        }
    }

    private static OwnerKey readKey(ResultSet rs) throws SQLException {
        long lastUsed = rs.getLong(4);
        boolean neverUsed = rs.wasNull();
        long revoked = rs.getLong(5);
        boolean notRevoked = rs.wasNull();
        return new OwnerKey(rs.getString(1), rs.getString(2), Sql.instant(rs.getLong(3)),
                neverUsed ? null : Sql.instant(lastUsed), notRevoked ? null : Sql.instant(revoked));
    }

    Reply mintUserToken(SandboxRequest r) throws SQLException {
        String userId = Fields.uuid(r.param("user_id"), "user " + r.param("user_id"));
        try (Connection c = db.connection()) {
            long customerPk = customerPk(c, r.principal.accountPk(), r.param("customer_id"));
            long userPk;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pk FROM users WHERE customer_pk = ? AND user_id = ?")) {
                ps.setLong(1, customerPk);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw SandboxError.notFound("user " + userId);
                    }
                    userPk = rs.getLong(1);
                }
            }
            String token = Secrets.token("sxu_");
            long expires = clock.millis() + tokenTtl.toMillis();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_tokens (token_hash, customer_pk, user_pk, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Secrets.hash(token));
                ps.setLong(2, customerPk);
                ps.setLong(3, userPk);
                ps.setLong(4, expires);
                ps.executeUpdate();
            }
            return Reply.created(new Session(token, Sql.instant(expires)));
        }
    }

    /** The customer's key when it belongs to the account; another account's customer is a plain 404. */
    static long customerPk(Connection c, long accountPk, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pk FROM customers WHERE account_pk = ? AND customer_id = ?")) {
            ps.setLong(1, accountPk);
            ps.setString(2, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("customer " + customerId);
                }
                return rs.getLong(1);
            }
        }
    }

    private static Customer read(ResultSet rs) throws SQLException {
        return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs.getLong(4)),
                Sql.instant(rs.getLong(5)));
    }
}
