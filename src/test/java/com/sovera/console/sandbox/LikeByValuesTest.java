package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code [like]} on a name, answered through the name's few values ({@link LikeByValues}), gives exactly the rows
 * and the total a plain {@code LIKE} scan gives: random names (mixed case, letters outside ASCII, {@code _}, {@code %}
 * and {@code \} in them), random patterns (contains, starts with, ends with, exact, matching nothing, of 1 to 6
 * characters), pages from the first to past the last, creation times that tie and that disagree with pk order, another
 * owner's rows between; with rows added between the reads. While another transaction holds changes it steps aside and
 * the list's SQL answers the same.
 */
class LikeByValuesTest {

    private static final long OWNER = 7;
    private static final long OTHER_OWNER = 8;
    private static final String[] NAMES = {"Ada", "ADAM", "Ben", "Bjørn", "Çelik", "İlkay", "Ōta", "Zoë", "o'Neil",
        "a_b", "50%", "back\\slash", "Dubois", "Costa", "costa", "Anna-Lena", "Ådne", "Müller", "Σοφία", "Eriksen"};

    private Database db;
    private final Random random = new Random(2212);
    private int rows;

    @BeforeEach
    void open() throws SQLException {
        db = Database.open(null);
        add(600);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyPatternGivesThePlainScansRowsAndTotalAtEveryPage() throws SQLException {
        int answered = 0;
        for (int round = 0; round < 6; round++) {
            try (Connection c = db.connection()) {
                for (int k = 0; k < 40; k++) {
                    String field = random.nextBoolean() ? "first_name" : "last_name";
                    String pattern = pattern();
                    long total = plainCount(c, field, pattern);
                    for (long skip : skips(total)) {
                        int limit = 1 + random.nextInt(25);
                        Reply r = LikeByValues.page(c, Users.LIST, OWNER, field, FilterText.likePattern(pattern),
                                skip, limit, "user_id", rs -> rs.getString(1));
                        String what = field + " like " + pattern + " skip " + skip + " limit " + limit;
                        assertThat(r).as(what).isNotNull();
                        assertThat(r.pagination().total()).as(what).isEqualTo(total);
                        assertThat(r.data()).as(what).isEqualTo(plainPage(c, field, pattern, skip, limit));
                        answered++;
                    }
                }
            }
            add(50 + random.nextInt(100)); // writes between the reads
        }
        assertThat(answered).isGreaterThan(500);
    }

    @Test
    void theListAnswersAsThePlainScanDoesAndStepsAsideWhileAWriterIsOpen() throws SQLException {
        try (Connection c = db.connection(); Connection writer = db.connection()) {
            for (int k = 0; k < 60; k++) {
                boolean open = k % 2 == 1;
                if (open) {
                    writer.setAutoCommit(false);
                    insert(writer, OWNER, NAMES[random.nextInt(NAMES.length)], random.nextInt(5_000));
                }
                String pattern = pattern();
                long total = plainCount(c, "first_name", pattern);
                long skip = skips(total).get(random.nextInt(3));
                Map<String, String> q = new LinkedHashMap<>(Map.of("filter[where][first_name][like]", pattern,
                        "filter[skip]", Long.toString(skip)));
                if (random.nextBoolean()) {
                    q.put("filter[sort]", "created_at");
                }
                Reply byList = ListQuery.parse(Users.LIST, q).run(c, new CountCache(), null, OWNER, "user_id",
                        rs -> rs.getString(1));
                Reply byValues = LikeByValues.page(c, Users.LIST, OWNER, "first_name",
                        FilterText.likePattern(pattern), skip, 20, "user_id", rs -> rs.getString(1));
                assertThat(byList.pagination().total()).as(pattern).isEqualTo(total);
                assertThat(byList.data()).as(pattern).isEqualTo(plainPage(c, "first_name", pattern, skip, 20));
                assertThat(byValues == null).as("stepped aside with a writer open").isEqualTo(open);
                if (open) {
                    writer.rollback();
                    writer.setAutoCommit(true);
                }
            }
        }
    }

    @Test
    void aFieldWithManyValuesIsLeftToTheSql() throws SQLException {
        try (Connection c = db.connection()) {
            for (int i = 0; i <= LikeByValues.MAX_VALUES; i++) {
                insert(c, OWNER, "Name" + i, i);
            }
            assertThat(LikeByValues.page(c, Users.LIST, OWNER, "first_name", "%name%", 0, 20, "user_id",
                    rs -> rs.getString(1))).isNull();
            assertThat(ListQuery.parse(Users.LIST, Map.of("filter[where][first_name][like]", "%name1%"))
                    .run(c, new CountCache(), null, OWNER, "user_id", rs -> rs.getString(1)).pagination().total())
                    .isEqualTo(plainCount(c, "first_name", "%name1%"));
        }
    }

    /** A random pattern: a piece of a name (or of nothing), contains / starts / ends / exact. */
    private String pattern() {
        String name = random.nextInt(8) == 0 ? "qzx" : NAMES[random.nextInt(NAMES.length)];
        if (random.nextBoolean()) {
            name = name.toUpperCase(java.util.Locale.ROOT);
        }
        int n = Math.min(name.length(), 1 + random.nextInt(6));
        int from = random.nextInt(name.length() - n + 1);
        String piece = name.substring(from, from + n);
        return switch (random.nextInt(4)) {
            case 0 -> "%" + piece + "%";
            case 1 -> piece + "%";
            case 2 -> "%" + piece;
            default -> random.nextBoolean() ? name : piece;
        };
    }

    private List<Long> skips(long total) {
        return List.of(0L, total / 2, Math.max(0, total - 1 - random.nextInt(3)), total + random.nextInt(3));
    }

    private long plainCount(Connection c, String field, String pattern) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE customer_pk = ? AND LOWER("
                + field + ") LIKE ? ESCAPE '\\'")) {
            ps.setLong(1, OWNER);
            ps.setString(2, FilterText.likePattern(pattern));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> plainPage(Connection c, String field, String pattern, long skip, int limit)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM users WHERE customer_pk = ? AND LOWER("
                + field + ") LIKE ? ESCAPE '\\' ORDER BY created_at, pk LIMIT ? OFFSET ?")) {
            ps.setLong(1, OWNER);
            ps.setString(2, FilterText.likePattern(pattern));
            ps.setInt(3, limit);
            ps.setLong(4, skip);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Rows with random names, creation times that tie and run against pk order, a ninth another owner's. */
    private void add(int n) throws SQLException {
        try (Connection c = db.connection()) {
            for (int i = 0; i < n; i++) {
                long owner = random.nextInt(9) == 4 ? OTHER_OWNER : OWNER;
                insert(c, owner, NAMES[random.nextInt(NAMES.length)], random.nextInt(5_000));
            }
        }
    }

    private void insert(Connection c, long owner, String first, long createdAt) throws SQLException {
        int i = rows++;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (customer_pk, user_id, email, email_key,"
                + " user_type, status, first_name, last_name, phone, date_of_birth, country, created_at, updated_at)"
                + " VALUES (?, RANDOM_UUID(), ?, ?, 'individual', 'ACTIVE', ?, ?, '+4930123456', DATE '1990-01-01',"
                + " 'DE', ?, ?)")) {
            ps.setLong(1, owner);
            ps.setString(2, "u" + i + "@example.test");
            ps.setString(3, "u" + i + "@example.test");
            ps.setString(4, first);
            ps.setString(5, NAMES[random.nextInt(NAMES.length)]);
            ps.setLong(6, createdAt);
            ps.setLong(7, createdAt);
            ps.executeUpdate();
        }
    }
}
