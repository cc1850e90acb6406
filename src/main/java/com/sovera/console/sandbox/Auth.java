package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;

/**
 * Finds who a request's credentials belong to and applies the contract's rule: 401 without any valid
 * credential (TOKEN_EXPIRED when the only one has expired), 403 with a valid credential of another audience.
 */
final class Auth {

    private static final long LAST_USED_RESOLUTION_MILLIS = 60_000;

    private final Database db;
    private final Clock clock;

    Auth(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The caller as the route's realm requires it, or a 401/403 {@link SandboxError}. */
    Principal require(Realm realm, String authorization, String apiKey) throws SQLException {
        String bearer = bearer(authorization);
        boolean expired = false;
        Principal other = null;
        try (Connection c = db.connection()) {
            if (apiKey != null && !apiKey.isBlank()) {
                Principal owner = ownerKey(c, apiKey.trim());
                if (owner != null) {
                    if (realm == Realm.OWNER_KEY) {
                        return owner;
                    }
                    other = owner;
                }
            }
            if (bearer != null) {
                Lookup session = session(c, bearer);
                Lookup user = session.principal == null && !session.expired ? userToken(c, bearer) : Lookup.NONE;
                for (Lookup found : new Lookup[] {session, user}) {
                    if (found.principal != null) {
                        if (found.principal.realm() == realm) {
                            return found.principal;
                        }
                        other = found.principal;
                    }
                    expired |= found.expired;
                }
            }
        }
        if (other != null) {
            throw new SandboxError(403, "FORBIDDEN", "This credential is not for this endpoint: it needs "
                    + describe(realm) + ".", null);
        }
        if (expired) {
            throw new SandboxError(401, "TOKEN_EXPIRED", "The token has expired: log in again.", null);
        }
        throw new SandboxError(401, "UNAUTHORIZED", "Missing or unknown credential: this endpoint needs "
                + describe(realm) + ".", null);
    }

    private static String describe(Realm realm) {
        return switch (realm) {
            case SESSION -> "an account session (Authorization: Bearer)";
            case OWNER_KEY -> "an owner key (x-api-key)";
            case USER -> "a user token (Authorization: Bearer)";
            case OPEN -> "no credential";
        };
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private record Lookup(Principal principal, boolean expired) {
        static final Lookup NONE = new Lookup(null, false);
    }

    /** The customer of a key that is not revoked, noting when it was used (to the minute); null otherwise. */
    private Principal ownerKey(Connection c, String key) throws SQLException {
        String hash = Secrets.hash(key);
        Principal owner;
        long lastUsed;
        try (PreparedStatement ps = c.prepareStatement("SELECT k.customer_pk, cu.account_pk, k.last_used_at"
                + " FROM api_keys k JOIN customers cu ON cu.pk = k.customer_pk"
                + " WHERE k.key_hash = ? AND k.revoked_at IS NULL")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                owner = new Principal(Realm.OWNER_KEY, rs.getLong(2), rs.getLong(1), 0, hash);
                lastUsed = rs.getLong(3);
            }
        }
        long now = clock.millis();
        if (now - lastUsed >= LAST_USED_RESOLUTION_MILLIS) { // one write a minute per key, not one per request
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_keys SET last_used_at = ? WHERE key_hash = ?")) {
                ps.setLong(1, now);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
        }
        return owner;
    }

    private Lookup session(Connection c, String token) throws SQLException {
        String hash = Secrets.hash(token);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT account_pk, expires_at FROM sessions WHERE token_hash = ? AND revoked = FALSE")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Lookup.NONE;
                }
                if (rs.getLong(2) <= clock.millis()) {
                    return new Lookup(null, true);
                }
                return new Lookup(new Principal(Realm.SESSION, rs.getLong(1), 0, 0, hash), false);
            }
        }
    }

    private Lookup userToken(Connection c, String token) throws SQLException {
        String hash = Secrets.hash(token);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT customer_pk, user_pk, expires_at FROM user_tokens WHERE token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Lookup.NONE;
                }
                if (rs.getLong(3) <= clock.millis()) {
                    return new Lookup(null, true);
                }
                return new Lookup(new Principal(Realm.USER, 0, rs.getLong(1), rs.getLong(2), hash), false);
            }
        }
    }
}
