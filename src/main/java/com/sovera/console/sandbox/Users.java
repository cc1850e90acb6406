package com.sovera.console.sandbox;

import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.User;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The SX Connect user endpoints, scoped to the owner key's customer, and {@code /me}. */
final class Users {

    static final ListQuery.Spec LIST = new ListQuery.Spec("users", "customer_pk",
            Map.of("email", ListQuery.Field.lower("email_key", "users_email"),
                    "status", ListQuery.Field.upper("status", "users_status").inCreationOrder(),
                    "user_type", ListQuery.Field.lower("user_type", "users_type").inCreationOrder(),
                    "country", ListQuery.Field.upper("country", "users_country").inCreationOrder(),
                    "first_name", ListQuery.Field.exact("first_name", "users_first_name"),
                    "last_name", ListQuery.Field.exact("last_name", "users_last_name")),
            Map.of("email", "email_key", "first_name", "LOWER(first_name)", "last_name", "LOWER(last_name)"),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "users_created"),
                    "email", new ListQuery.SortKey("email_key", "users_email", true),
                    "last_name", ListQuery.SortKey.of("last_name", "users_last_name"),
                    "status", ListQuery.SortKey.of("status", "users_status_sort")),
            pairs("users", Map.of("status", "status", "user_type", "type", "country", "country",
                    "first_name", "first", "last_name", "last")));
    /**
     * The index of each filter (short name in the index's) with each sort, as migration V6 makes them; a filter
     * sorted by its own column reads its rows in pk order, which the sort's own index or the filter's gives.
     */
    private static Map<String, String> pairs(String table, Map<String, String> filters) {
        Map<String, String> sorts = Map.of("created_at", "created", "email", "email", "last_name", "last",
                "status", "status");
        Map<String, String> out = new java.util.HashMap<>();
        filters.forEach((filter, f) -> sorts.forEach((sort, s) -> out.put(filter + "/" + sort,
                table + "_" + f + "_" + s)));
        // the indexes that were there before V6 serve these
        out.put("status/created_at", "users_status");
        out.put("user_type/created_at", "users_type");
        out.put("country/created_at", "users_country");
        out.put("status/status", "users_status_sort");
        out.put("last_name/last_name", "users_last_name");
        // the console's orders: its sort, then created_at the same way (PagedViewModel's tie-breaker); V8
        out.put("/last_name,created_at", "users_last_created");
        out.put("/status,created_at", "users_status");
        out.put("status/status,created_at", "users_status");
        out.put("last_name/last_name,created_at", "users_last_created");
        out.put("status/last_name,created_at", "users_status_last_created");
        out.put("user_type/last_name,created_at", "users_type_last_created");
        out.put("country/last_name,created_at", "users_country_last_created");
        out.put("user_type/status,created_at", "users_type_status_created");
        out.put("country/status,created_at", "users_country_status_created");
        return Map.copyOf(out);
    }

    static final String COLUMNS = "user_id, email, user_type, status, first_name, last_name, phone, date_of_birth,"
            + " country, created_at, updated_at";

    private final Database db;
    private final Clock clock;

    Users(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A validated new user, ready to insert. */
    record NewRow(String userId, String email, String userType, Status status, String firstName, String lastName,
                  String phone, LocalDate dateOfBirth, String country, long createdAt) {
    }

    Reply create(SandboxRequest r) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String userType = Fields.userType(r.body, "user_type");
        String email = Fields.email(r.body, "email");
        String firstName = Fields.text(r.body, "first_name", 100);
        String lastName = Fields.text(r.body, "last_name", 100);
        String phone = Fields.phone(r.body, "phone");
        LocalDate dateOfBirth = Fields.pastDate(r.body, "date_of_birth", today);
        String country = Fields.country(r.body, "country");
        NewRow row = new NewRow(UUID.randomUUID().toString(), email, userType, Status.ACTIVE, firstName, lastName,
                phone, dateOfBirth, country, clock.millis());
        try (Connection c = db.connection()) {
            Sql.inOneTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    bind(ps, r.principal.customerPk(), row);
                    ps.executeUpdate();
                }
                LikeGrams.add(c, r.principal.customerPk(), "users", "email",
                        List.of(row.email().toLowerCase(Locale.ROOT)));
            });
            db.changed("users", r.principal.customerPk());
        } catch (SQLException e) {
            if (Sql.isDuplicate(e)) {
                throw SandboxError.conflict("email", "a user with e-mail " + row.email() + " already exists");
            }
            throw e;
        }
        return Reply.created(new User(row.userId(), row.email(), row.userType(), row.status(), null, null, null,
                null, null, Sql.instant(row.createdAt()), null));
    }

    static final String INSERT = "INSERT INTO users (customer_pk, user_id, email, email_key, user_type, status,"
            + " first_name, last_name, phone, date_of_birth, country, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long customerPk, NewRow row) throws SQLException {
        ps.setLong(1, customerPk);
        ps.setString(2, row.userId());
        ps.setString(3, row.email());
        ps.setString(4, row.email().toLowerCase(Locale.ROOT));
        ps.setString(5, row.userType());
        ps.setString(6, row.status().canonical());
        ps.setString(7, row.firstName());
        ps.setString(8, row.lastName());
        ps.setString(9, row.phone());
        ps.setDate(10, Date.valueOf(row.dateOfBirth()));
        ps.setString(11, row.country());
        ps.setLong(12, row.createdAt());
        ps.setLong(13, row.createdAt());
    }

    Reply list(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        try (Connection c = db.connection()) {
            return query.run(c, db, r.principal.customerPk(), COLUMNS, Users::read);
        }
    }

    Reply get(SandboxRequest r) throws SQLException {
        String userId = Fields.uuid(r.param("user_id"), "user " + r.param("user_id"));
        return Reply.ok(find(r.principal.customerPk(), "user_id = ?", userId));
    }

    Reply me(SandboxRequest r) throws SQLException {
        return Reply.ok(find(r.principal.customerPk(), "pk = ?", r.principal.userPk()));
    }

    private User find(long customerPk, String condition, Object value) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE customer_pk = ? AND " + condition)) {
            ps.setLong(1, customerPk);
            ps.setObject(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("user " + value);
                }
                return read(rs);
            }
        }
    }

    /** The internal key of one of the customer's users, or the 404 another customer's user gets. */
    static long userPk(Connection c, long customerPk, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM users WHERE customer_pk = ? AND user_id = ?")) {
            ps.setLong(1, customerPk);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SandboxError.notFound("user " + userId);
                }
                return rs.getLong(1);
            }
        }
    }

    private static User read(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getString(3), Status.of(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate().toString(),
                rs.getString(9), Sql.instant(rs.getLong(10)), Sql.instant(rs.getLong(11)));
    }
}
