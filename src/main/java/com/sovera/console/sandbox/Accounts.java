package com.sovera.console.sandbox;

import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.Rules;
import com.sovera.console.api.model.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Health, login and logout: the endpoints before any customer exists. */
final class Accounts {

    private final Database db;
    private final Clock clock;
    private final Duration sessionTtl;
    private final long startedAt;

    Accounts(Database db, Clock clock, Duration sessionTtl) {
        this.db = db;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.startedAt = clock.millis();
    }

    Reply health(SandboxRequest r) {
        long now = clock.millis();
        return Reply.bare(new Health("ok", Sql.instant(now), (now - startedAt) / 1000));
    }

    Reply login(SandboxRequest r) throws SQLException {
        // Any e-mail may be tried (an unknown one simply fails); the password is compared exactly as typed.
        String email = Fields.string(r.body, "email");
        String password = Fields.string(r.body, "password");
        if (email.isEmpty() || Rules.length(email) > Rules.EMAIL_MAX) {
            throw SandboxError.validation("email", "email must be 1 to " + Rules.EMAIL_MAX + " characters");
        }
        if (password.isEmpty() || Rules.length(password) > 1024) {
            throw SandboxError.validation("password", "password must be 1 to 1024 characters");
        }
        long accountPk = 0;
        String stored = null;
        int workFactor;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT pk, password_hash FROM accounts WHERE email_key = ?")) {
            workFactor = Secrets.iterationsFor(c);
            ps.setString(1, Rules.strip(email).toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    accountPk = rs.getLong(1);
                    stored = rs.getString(2);
                }
            }
        }
        if (!Secrets.checkPassword(password, stored, workFactor)) {
            throw new SandboxError(401, "INVALID_CREDENTIALS", "Wrong e-mail or password.", null);
        }
        String token = Secrets.token("sxs_");
        long expires = clock.millis() + sessionTtl.toMillis();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (token_hash, account_pk, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, Secrets.hash(token));
            ps.setLong(2, accountPk);
            ps.setLong(3, expires);
            ps.executeUpdate();
        }
        return Reply.bare(new Session(token, Sql.instant(expires)));
    }

    Reply logout(SandboxRequest r) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sessions SET revoked = TRUE WHERE token_hash = ?")) {
            ps.setString(1, r.principal.scope());
            ps.executeUpdate();
        }
        return Reply.ok(java.util.Map.of("logged_out", true));
    }

    /** Creates an account unless its e-mail exists; returns its key. */
    static long ensureAccount(Connection c, String email, String password, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM accounts WHERE email_key = ?")) {
            ps.setString(1, email.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO accounts (email_key, email, password_hash, created_at) VALUES (?, ?, ?, ?)",
                new String[] {"pk"})) {
            ps.setString(1, email.toLowerCase(Locale.ROOT));
            ps.setString(2, email);
            ps.setString(3, Secrets.hashPassword(password, Secrets.iterationsFor(c)));
            ps.setLong(4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
