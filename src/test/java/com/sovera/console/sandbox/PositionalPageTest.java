package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A users page found by its position in the index gives exactly the rows a plain {@code ORDER BY ... LIMIT ...
 * OFFSET} gives: every sort both ways, each filter with each sort, at pages from the first to the last, with ties in
 * the sort column (a status, a name, a creation time) and another owner's rows between, and the total counted by
 * position is {@code COUNT(*)}'s; while another transaction holds changes, or the index changes while a page is
 * read, it steps aside, so the page and the total are still the committed ones.
 */
class PositionalPageTest {

    private static final long OWNER = 7;
    private static final long OTHER_OWNER = 8;
    private static final String[] STATUSES = {"ACTIVE", "PENDING", "SUSPENDED", "CLOSED"};
    private static final String[] NAMES = {"Ada", "Bo", "Cy", "Di", "Ed"};
    private static final String[] COUNTRIES = {"DE", "FR", "US"};
    /** The contract's sort fields and their columns; every order ends with pk (email is unique). */
    private static final Map<String, String> SORTS = Map.of("created_at", "created_at", "email", "email_key",
            "last_name", "last_name", "status", "status");
    private static final Map<String, String> FILTERS = Map.of("status", "status", "user_type", "user_type",
            "country", "country", "first_name", "first_name", "last_name", "last_name");

    private Database db;
    private int owned;

    @BeforeEach
    void users() throws SQLException {
        db = Database.open(null);
        Random random = new Random(22);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO users"
                + " (customer_pk, user_id, email, email_key, user_type, status, first_name, last_name, phone,"
                + " date_of_birth, country, created_at, updated_at)"
                + " VALUES (?, RANDOM_UUID(), ?, ?, ?, ?, ?, ?, '+4930123456', DATE '1990-01-01', ?, ?, ?)")) {
            for (int i = 0; i < 900; i++) {
                // another owner's rows among these: a page must never reach over the owner's bounds
                long owner = i % 9 == 4 ? OTHER_OWNER : OWNER;
                owned += owner == OWNER ? 1 : 0;
                String email = "u" + random.nextInt(1_000_000) + "." + i + "@example.test";
                ps.setLong(1, owner);
                ps.setString(2, email);
                ps.setString(3, email);
                ps.setString(4, random.nextInt(3) == 0 ? "business" : "individual");
                ps.setString(5, STATUSES[Math.min(random.nextInt(6), 3)]);
                ps.setString(6, NAMES[random.nextInt(NAMES.length)]);
                ps.setString(7, NAMES[random.nextInt(NAMES.length)]);
                ps.setString(8, COUNTRIES[random.nextInt(COUNTRIES.length)]);
                // four users share each creation time, which does not follow pk: an order by (sort, created_at)
                // differs from one by (sort, pk)
                ps.setLong(9, 1_000L * ((i * 37) % 900 / 4));
                ps.setLong(10, 1_000L * ((i * 37) % 900 / 4));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everySortAndFilterIsReadByPositionAsOffsetReadsIt() throws SQLException {
        int pages = 0;
        try (Connection c = db.connection()) {
            for (Map<String, String> where : filters()) {
                for (String sort : sorts()) {
                    long total = count(c, where);
                    assertThat(total).as("%s", where).isGreaterThan(20);
                    assertThat(query(where, sort, 0, 20).countByPosition(c, OWNER)).as("count %s", where)
                            .isEqualTo(total);
                    for (long skip : skips(total)) {
                        for (int limit : new int[] {1, 7, 20, 100}) {
                            ListQuery query = query(where, sort, skip, limit);
                            List<String> expected = offset(c, where, sort, skip, limit);
                            assertThat(query.byPosition(c, OWNER, "user_id", rs -> rs.getString(1), total))
                                    .as("by position: %s sort %s skip %d limit %d", where, sort, skip, limit)
                                    .containsExactlyElementsOf(expected);
                            Reply reply = reply(c, query);
                            assertThat(reply.pagination().total()).as("the total").isEqualTo(total);
                            assertThat(reply.data()).as("the page").isEqualTo(expected);
                            pages++;
                        }
                    }
                }
            }
        }
        assertThat(pages).isGreaterThan(2_500);
    }

    /**
     * The console's orders: a sort, then created_at the same way (its tie-breaker), alone and with each filter of
     * its Users screen; read by position, as OFFSET reads them.
     */
    @Test
    void theConsolesOrdersAreReadByPositionAsOffsetReadsThem() throws SQLException {
        int pages = 0;
        try (Connection c = db.connection()) {
            for (Map<String, String> where : filters()) {
                if (where.containsKey("first_name") || where.containsKey("last_name")) {
                    continue; // not filters of the console's Users screen
                }
                for (String field : List.of("email", "last_name", "status")) {
                    for (String dir : List.of(" ASC", " DESC")) {
                        String sort = field + dir + ", created_at" + dir;
                        long total = count(c, where);
                        for (long skip : skips(total)) {
                            ListQuery query = query(where, sort, skip, 7);
                            List<String> expected = offset(c, where, sort, skip, 7);
                            assertThat(query.byPosition(c, OWNER, "user_id", rs -> rs.getString(1), total))
                                    .as("by position: %s sort %s skip %d", where, sort, skip)
                                    .containsExactlyElementsOf(expected);
                            assertThat(reply(c, query).data()).as("the page").isEqualTo(expected);
                            pages++;
                        }
                    }
                }
            }
        }
        assertThat(pages).isGreaterThan(300);
    }

    @Test
    void anotherTransactionsChangesAreNeverSeenAndNeverCounted() throws SQLException {
        Map<String, String> pending = Map.of("status", "PENDING");
        try (Connection reader = db.connection(); Connection writer = db.unbound()) {
            long total = count(reader, pending);
            ListQuery query = query(pending, "status DESC", total / 2, 20);
            List<String> before = offset(reader, pending, "status DESC", total / 2, 20);
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement("UPDATE users SET status = 'PENDING'"
                    + " WHERE customer_pk = ? AND status = 'ACTIVE' AND pk < 300")) {
                ps.setLong(1, OWNER);
                assertThat(ps.executeUpdate()).isPositive();
            }
            // the index now holds the writer's entries, which the position would count: this reader steps aside
            assertThat(query.byPosition(reader, OWNER, "user_id", rs -> rs.getString(1), total)).isNull();
            assertThat(query.countByPosition(reader, OWNER)).isNull();
            assertThat(page(reader, query)).containsExactlyElementsOf(before);
            assertThat(reply(reader, query).pagination().total()).isEqualTo(total);

            writer.commit();
            long after = count(reader, pending);
            assertThat(after).isGreaterThan(total);
            ListQuery again = query(pending, "status DESC", after / 2, 20);
            assertThat(again.byPosition(reader, OWNER, "user_id", rs -> rs.getString(1), after))
                    .containsExactlyElementsOf(offset(reader, pending, "status DESC", after / 2, 20));
        }
    }

    @Test
    void aWriterStillOpenIsNeverReadEvenWhenTheCountsAgree() throws SQLException {
        Map<String, String> pending = Map.of("status", "PENDING");
        try (Connection reader = db.connection(); Connection writer = db.unbound(); Connection deleter = db.unbound()) {
            long total = count(reader, pending);
            // between the count and the page: one PENDING user goes (committed) and another comes (not yet), so
            // the index holds as many entries of the filter as were counted, and the new one first in this order
            try (PreparedStatement ps = deleter.prepareStatement("DELETE FROM users WHERE pk = (SELECT MIN(pk)"
                    + " FROM users WHERE customer_pk = ? AND status = 'PENDING')")) {
                ps.setLong(1, OWNER);
                assertThat(ps.executeUpdate()).isOne();
            }
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO users (customer_pk, user_id, email,"
                    + " email_key, user_type, status, first_name, last_name, phone, date_of_birth, country, created_at,"
                    + " updated_at) SELECT customer_pk,"
                    + " RANDOM_UUID(), 'new@example.test', 'new@example.test', user_type, status, first_name,"
                    + " last_name, phone, date_of_birth, country, created_at, updated_at FROM users"
                    + " WHERE customer_pk = ? AND status = 'PENDING' ORDER BY pk DESC LIMIT 1")) {
                ps.setLong(1, OWNER);
                assertThat(ps.executeUpdate()).isOne();
            }
            ListQuery query = query(pending, "status DESC", total / 2, 20);
            assertThat(query.byPosition(reader, OWNER, "user_id", rs -> rs.getString(1), total)).isNull();
            assertThat(page(reader, query)).containsExactlyElementsOf(
                    offset(reader, pending, "status DESC", total / 2, 20));
            writer.rollback();
        }
    }

    @Test
    void aChangeCommittedWhileThePageIsReadIsLeftToOffset() throws SQLException {
        try (Connection reader = db.connection(); Connection writer = db.unbound()) {
            long total = count(reader, Map.of("status", "PENDING"));
            PositionalPage.Range pending = new PositionalPage.Range("users_status_sort",
                    List.of("customer_pk", "status", "pk"), false, List.of(OWNER, "PENDING"), "pk");
            List<String> page = PositionalPage.read(reader, pending, total / 2, 20, total, keys -> {
                        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM users WHERE pk = (SELECT"
                                + " MIN(pk) FROM users WHERE customer_pk = ? AND status = 'PENDING')")) {
                            ps.setLong(1, OWNER);
                            assertThat(ps.executeUpdate()).isOne();
                        }
                        Map<Long, String> rows = new HashMap<>();
                        keys.forEach(key -> rows.put(key, "user " + key));
                        return rows;
                    });
            assertThat(page).as("a page of positions that moved while it was read").isNull();
        }
    }

    @Test
    void aTotalThatDisagreesWithTheIndexIsLeftToOffset() throws SQLException {
        try (Connection c = db.connection()) {
            ListQuery query = query(Map.of(), "email ASC", 0, 20);
            assertThat(query.byPosition(c, OWNER, "user_id", rs -> rs.getString(1), owned)).hasSize(20);
            assertThat(query.byPosition(c, OWNER, "user_id", rs -> rs.getString(1), owned + 1L)).isNull();
        }
    }

    /** No filter, and each filter with a value that many rows share. */
    private static List<Map<String, String>> filters() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of());
        Map<String, String> values = Map.of("status", "PENDING", "user_type", "business", "country", "FR",
                "first_name", "Cy", "last_name", "Ada");
        values.forEach((field, value) -> out.add(Map.of(field, value)));
        return out;
    }

    /** No sort (creation order), and each sort field both ways. */
    private static List<String> sorts() {
        List<String> out = new ArrayList<>();
        out.add(null);
        for (String field : new TreeSet<>(SORTS.keySet())) {
            out.add(field + " ASC");
            out.add(field + " DESC");
        }
        return out;
    }

    private static List<Long> skips(long total) {
        List<Long> out = new ArrayList<>(List.of(0L, 1L, 2L, 5L, total / 3, total / 2 - 1, total / 2, total / 2 + 1,
                total - 100, total - 21, total - 20, total - 7, total - 2, total - 1));
        out.removeIf(s -> s < 0);
        return out;
    }

    private static ListQuery query(Map<String, String> where, String sort, long skip, int limit) {
        Map<String, String> q = new LinkedHashMap<>();
        where.forEach((field, value) -> q.put("filter[where][" + field + "]", value));
        if (sort != null) {
            q.put("filter[sort]", sort);
        }
        q.put("filter[skip]", Long.toString(skip));
        q.put("filter[limit]", Integer.toString(limit));
        return ListQuery.parse(Users.LIST, q);
    }

    @SuppressWarnings("unchecked")
    private static List<String> page(Connection c, ListQuery query) throws SQLException {
        return (List<String>) reply(c, query).data();
    }

    private static Reply reply(Connection c, ListQuery query) throws SQLException {
        return query.run(c, new CountCache(), null, OWNER, "user_id", rs -> rs.getString(1));
    }

    private static long count(Connection c, Map<String, String> where) throws SQLException {
        return (long) rows(c, "SELECT COUNT(*)", where, "", List.of()).get(0);
    }

    /**
     * The page as OFFSET reads it, without the index hints: the sort column (then created_at, when the sort names
     * it second), then pk, all one way.
     */
    private static List<String> offset(Connection c, Map<String, String> where, String sort, long skip, int limit)
            throws SQLException {
        String field = sort == null ? "created_at" : sort.split(" ")[0];
        String dir = sort == null ? "ASC" : sort.split("[ ,]")[1];
        String then = sort != null && sort.contains(",") ? ", created_at " + dir : "";
        String order = " ORDER BY " + SORTS.get(field) + " " + dir + then + ", pk " + dir + " LIMIT ? OFFSET ?";
        List<String> out = new ArrayList<>();
        for (Object id : rows(c, "SELECT user_id", where, order, List.of(limit, skip))) {
            out.add((String) id);
        }
        return out;
    }

    private static List<Object> rows(Connection c, String select, Map<String, String> where, String tail,
                                     List<Object> more) throws SQLException {
        StringBuilder sql = new StringBuilder(select + " FROM users WHERE customer_pk = ?");
        List<Object> params = new ArrayList<>(List.of(OWNER));
        Map<String, String> sorted = new HashMap<>(where);
        sorted.forEach((field, value) -> {
            sql.append(" AND ").append(FILTERS.get(field)).append(" = ?");
            params.add(value);
        });
        params.addAll(more);
        try (PreparedStatement ps = c.prepareStatement(sql + tail)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            }
        }
    }
}
