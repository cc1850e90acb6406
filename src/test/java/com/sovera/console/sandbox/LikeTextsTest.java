package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewWallet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@code [like]} on the users' e-mails and the addresses answered from the texts in memory ({@link LikeTexts})
 * gives what the list's SQL gives, total and page: random texts (non-ASCII letters, dots, underscores, a line
 * feed), random fragments of every shape, pages all along both ways, rows added between the questions (some
 * created before rows already there, some with equal times), another owner's rows beside.
 */
class LikeTextsTest {

    private static final long OWNER = 7;
    private static final long OTHER_OWNER = 8;
    private final Random random = new Random(2311);
    /** The versions the write paths move, as {@link Users#create} and {@link Addresses#create} do. */
    private final CountCache counts = new CountCache();

    @Test
    void aLikeOnTheTextsAnswersWhatTheListsSqlAnswers() throws SQLException {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000);
        int answered = 0;
        try (Connection c = db.connection()) {
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 150; i++) {
                    long owner = random.nextInt(4) == 0 ? OTHER_OWNER : OWNER;
                    insertUser(c, owner, text(4 + random.nextInt(12)) + "@" + text(2) + ".test", createdAt());
                    insertAddress(c, owner, text(6 + random.nextInt(20)), createdAt());
                }
                for (int k = 0; k < 60; k++) {
                    String fragment = fragment();
                    boolean descending = random.nextBoolean();
                    for (String[] list : new String[][] {{"users", "email"}, {"addresses", "address"}}) {
                        ListQuery.Spec spec = list[0].equals("users") ? Users.LIST : Addresses.LIST;
                        long total = sqlTotal(c, list[0], list[1] + "_key", fragment);
                        long skip = total == 0 ? 0 : random.nextInt((int) total + 3);
                        int limit = 1 + random.nextInt(30);
                        Reply reply = texts.page(c, spec, OWNER, list[1], fragment, descending, skip, limit, "pk",
                                rs -> rs.getLong(1));
                        assertThat(reply).as("answered from the texts, no transaction open").isNotNull();
                        assertThat(reply.pagination().total()).as(list[1] + " " + fragment).isEqualTo(total);
                        assertThat(reply.data()).as(list[1] + " " + fragment + " from " + skip + " " + limit
                                + (descending ? " DESC" : "")).isEqualTo(
                                sqlPage(c, list[0], list[1] + "_key", fragment, descending, skip, limit));
                        answered++;
                    }
                }
            }
        } finally {
            texts.close();
            db.close();
        }
        assertThat(answered).isEqualTo(6 * 60 * 2);
    }

    @Test
    void whileAnotherTransactionWritesTheTextsStepAsideAndTheListStillAnswers() throws Exception {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000);
        try (Connection c = db.connection(); Connection writer = db.unbound()) {
            for (int i = 0; i < 30; i++) {
                insertUser(c, OWNER, "before" + i + "@example.test", createdAt());
            }
            writer.setAutoCommit(false);
            insertUser(writer, OWNER, "during@example.test", createdAt());
            assertThat(texts.page(c, Users.LIST, OWNER, "email", "%e%", false, 0, 100, "pk", rs -> rs.getLong(1)))
                    .isNull();
            Reply listed = ListQuery.parse(Users.LIST, Map.of("filter[where][email][like]", "%e%"))
                    .run(c, counts, texts, OWNER, "pk", rs -> rs.getLong(1));
            assertThat(listed.pagination().total()).isEqualTo(30);
            writer.commit();
            Reply after = texts.page(c, Users.LIST, OWNER, "email", "%during%", false, 0, 100, "pk",
                    rs -> rs.getLong(1));
            assertThat(after).isNotNull();
            assertThat(after.pagination().total()).isEqualTo(1);
        } finally {
            texts.close();
            db.close();
        }
    }

    @Test
    void anOwnerWithMoreRowsThanAQuestionReadsIsReadBesideAndAnswersOnceRead() throws Exception {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 10);
        try (Connection c = db.connection()) {
            for (int i = 0; i < 200; i++) {
                insertUser(c, OWNER, "many" + i + "@example.test", createdAt());
            }
            assertThat(texts.page(c, Users.LIST, OWNER, "email", "%y1%", false, 0, 100, "pk", rs -> rs.getLong(1)))
                    .as("the first question: by SQL, while the texts are read").isNull();
            Reply read = null;
            for (int wait = 0; wait < 500 && read == null; wait++) { // a wait for the reader, not a time limit
                Thread.sleep(10);
                read = texts.page(c, Users.LIST, OWNER, "email", "%y1%", false, 0, 100, "pk", rs -> rs.getLong(1));
            }
            assertThat(read).isNotNull();
            assertThat(read.pagination().total()).isEqualTo(111); // many1, many10-19, many100-199
            assertThat(read.data()).isEqualTo(sqlPage(c, "users", "email_key", "%y1%", false, 0, 100));
        } finally {
            texts.close();
            db.close();
        }
    }

    @Test
    void textsTheHeapCannotHoldAreNotReadAndTheListAnswersBySql() throws Exception {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000, () -> 100 * 400); // room for 50 rows' reading
        try (Connection c = db.connection()) {
            for (int i = 0; i < 60; i++) {
                insertUser(c, OWNER, "heap" + i + "@example.test", createdAt());
            }
            for (int ask = 0; ask < 2; ask++) {
                assertThat(texts.page(c, Users.LIST, OWNER, "email", "%p1%", false, 0, 100, "pk",
                        rs -> rs.getLong(1))).isNull();
            }
            Reply listed = ListQuery.parse(Users.LIST, Map.of("filter[where][email][like]", "%p1%"))
                    .run(c, counts, texts, OWNER, "pk", rs -> rs.getLong(1));
            assertThat(listed.data()).isEqualTo(sqlPage(c, "users", "email_key", "%p1%", false, 0, 100));
            assertThat(listed.pagination().total()).isEqualTo(11);
            insertUser(c, OTHER_OWNER, "small@example.test", createdAt()); // another owner's few rows fit
            assertThat(texts.page(c, Users.LIST, OTHER_OWNER, "email", "%small%", false, 0, 100, "pk",
                    rs -> rs.getLong(1))).isNotNull();
        } finally {
            texts.close();
            db.close();
        }
    }

    @Test
    void aQuestionAskedWhileTheStartReadsTheTextsIsAnsweredFromThemOnceReadNotReadAgain() throws Exception {
        Database db = withOwnerAsCustomer(Database.open(null)); // the start reads customers' texts
        int readAtStart = LikeTexts.FIELDS.size() * customers(db);
        CountDownLatch asked = new CountDownLatch(1);
        AtomicInteger heapLooks = new AtomicInteger();
        // the start's read waits for the question; the heap has room for one read only (a second, made while the
        // first one's garbage still fills it, would find none and leave the owner to SQL for good)
        LikeTexts texts = new LikeTexts(() -> {
            try {
                asked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            return db.unbound();
        }, counts, 10, () -> heapLooks.incrementAndGet() <= readAtStart ? Long.MAX_VALUE : 0);
        try (Connection c = db.connection()) {
            for (int i = 0; i < 200; i++) {
                insertUser(c, OWNER, "early" + i + "@example.test", createdAt());
            }
            texts.warm();
            assertThat(texts.page(c, Users.LIST, OWNER, "email", "%y1%", false, 0, 100, "pk", rs -> rs.getLong(1)))
                    .as("asked before the start's read: by SQL").isNull();
            asked.countDown();
            Reply read = null;
            for (int wait = 0; wait < 500 && read == null; wait++) { // a wait for the reader, not a time limit
                Thread.sleep(10);
                read = texts.page(c, Users.LIST, OWNER, "email", "%y1%", false, 0, 100, "pk", rs -> rs.getLong(1));
            }
            assertThat(read).as("answered from the texts the start read").isNotNull();
            assertThat(read.pagination().total()).isEqualTo(111);
            assertThat(read.data()).isEqualTo(sqlPage(c, "users", "email_key", "%y1%", false, 0, 100));
            assertThat(heapLooks.get()).as("the texts not read again").isEqualTo(readAtStart);
        } finally {
            asked.countDown(); // never leave the reader waiting
            texts.close();
            db.close();
        }
    }

    @Test
    void textsHeldStillAnswerAfterALaterReadFoundTheHeapShort() throws Exception {
        Database db = withOwnerAsCustomer(Database.open(null)); // the start reads customers' texts
        AtomicInteger heapLooks = new AtomicInteger();
        // room for the question's own read only: the start's read, after it, finds the heap short
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000,
                () -> heapLooks.incrementAndGet() == 1 ? Long.MAX_VALUE : 0);
        try (Connection c = db.connection()) {
            for (int i = 0; i < 20; i++) {
                insertUser(c, OWNER, "held" + i + "@example.test", createdAt());
            }
            assertThat(ask(texts, c)).as("read and proven by the question").isNotNull();
            texts.warm();
            for (int wait = 0; wait < 500 && heapLooks.get() < 2; wait++) { // a wait for the reader, not a limit
                Thread.sleep(10);
            }
            assertThat(heapLooks.get()).as("the start's read asked the heap").isGreaterThanOrEqualTo(2);
            texts.close(); // the builder done: its refusal recorded
            insertUser(c, OWNER, "later@example.test", createdAt()); // caught up by the question itself
            Reply after = ask(texts, c);
            assertThat(after).as("the texts held still answer").isNotNull();
            assertThat(after.data()).isEqualTo(sqlPage(c, "users", "email_key", "%example%", false, 0, 100));
        } finally {
            texts.close();
            db.close();
        }
    }

    @Test
    void aUserAndAnAddressCreatedOverHttpAreInTheTextsAtTheNextQuestion() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(12)) {
            SovxClient client = sandbox.client();
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            Database db = sandbox.server.database();
            try (Connection c = db.connection()) {
                long owner = demoCustomer(c);
                Reply before = null;
                for (int wait = 0; wait < 500 && before == null; wait++) { // the texts read at start: a wait
                    Thread.sleep(10);
                    before = db.likeTexts().page(c, Users.LIST, owner, "email", "%new.person%", false, 0, 20,
                            "pk", rs -> rs.getLong(1));
                }
                assertThat(before).isNotNull();
                assertThat(before.pagination().total()).isZero();
                String userId = client.api().createUser(Sandbox.user("New.Person-1@Example.TEST"), null).execute()
                        .userId();
                Reply after = db.likeTexts().page(c, Users.LIST, owner, "email", "%new.person%", false, 0, 20,
                        "user_id", rs -> rs.getString(1));
                assertThat(after).isNotNull();
                assertThat(after.data()).isEqualTo(List.of(userId));
                String walletId = client.api().createWallet(userId, new NewWallet("w", "ETH"), null).execute()
                        .walletId();
                DepositAddress address = client.api().createAddress(walletId,
                        new NewAddress("ETH", "ethereum-sepolia"), null).execute();
                Reply found = db.likeTexts().page(c, Addresses.LIST, owner, "address",
                        address.address().substring(0, 30) + "%", false, 0, 20, "address_id", rs -> rs.getString(1));
                assertThat(found).isNotNull();
                assertThat(found.data()).isEqualTo(List.of(address.addressId()));
            }
        }
    }

    @Test
    void anOwnerWithNoRowsYetIsListedEmptyEitherWay() throws Exception {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000);
        try (Connection c = db.connection()) {
            insertUser(c, OTHER_OWNER, "someone@example.test", createdAt()); // OWNER: a customer new since the start
            for (String sort : List.of("created_at", "created_at DESC")) {
                for (ListQuery.Spec spec : List.of(Users.LIST, Addresses.LIST)) {
                    String field = spec == Users.LIST ? "email" : "address";
                    // two characters: no piece of three to rule it out before the texts are asked
                    Reply listed = ListQuery.parse(spec, Map.of("filter[where][" + field + "][like]", "%ab%",
                            "filter[sort]", sort)).run(c, counts, texts, OWNER, "pk", rs -> rs.getLong(1));
                    assertThat(listed.pagination().total()).as(field + " " + sort).isZero();
                    assertThat(listed.data()).as(field + " " + sort).isEqualTo(List.of());
                }
            }
        } finally {
            texts.close();
            db.close();
        }
    }

    @Test
    void aRowCommittedAfterOneWithAGreaterKeyIsNeverLeftOutOfAnAnswer() throws Exception {
        Database db = Database.open(null);
        LikeTexts texts = new LikeTexts(db::unbound, counts, 1_000);
        try (Connection c = db.connection(); Connection slow = db.unbound(); Connection other = db.unbound()) {
            for (int i = 0; i < 30; i++) {
                insertUser(c, OWNER, "before" + i + "@example.test", createdAt());
            }
            assertThat(ask(texts, c)).as("the column made and proven").isNotNull();
            insertUser(c, OWNER, "d@example.test", createdAt()); // the column lacks a row: the next question reads it
            slow.setAutoCommit(false);
            // while that question reads the rows after the column's greatest key: a creation still open (its key the
            // smaller), another committed
            Reply first = ask(texts, writingBeforeTheRead(c, () -> {
                insertUser(slow, OWNER, "a-slow@example.test", createdAt());
                insertUser(other, OWNER, "b@example.test", createdAt());
            }));
            assertThat(first).as("a creation still open: by SQL").isNull();
            slow.commit();
            counts.changed("users", OWNER); // as Database.changed does once a transaction committed
            // the next question's read: one more committed meanwhile
            Reply second = ask(texts, writingBeforeTheRead(c, () ->
                    insertUser(other, OWNER, "c@example.test", createdAt())));
            List<Long> all = sqlPage(c, "users", "email_key", "%example%", false, 0, 100);
            assertThat(all).hasSize(34);
            if (second != null) {
                assertThat(second.pagination().total()).as("a-slow, committed before the question").isEqualTo(34);
                assertThat(second.data()).isEqualTo(all);
            }
            Reply later = null;
            for (int wait = 0; wait < 500 && later == null; wait++) { // a wait for the reader, not a time limit
                later = ask(texts, c);
                if (later == null) {
                    Thread.sleep(10);
                }
            }
            assertThat(later).as("answered from the texts again once read").isNotNull();
            assertThat(later.pagination().total()).isEqualTo(34);
            assertThat(later.data()).isEqualTo(all);
        } finally {
            texts.close();
            db.close();
        }
    }

    private static Reply ask(LikeTexts texts, Connection c) throws SQLException {
        return texts.page(c, Users.LIST, OWNER, "email", "%example%", false, 0, 100, "pk", rs -> rs.getLong(1));
    }

    /** Writes what another transaction writes. */
    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    /**
     * The connection, which runs {@code write} (on other connections) just before it prepares the read of the rows
     * after a column's greatest key: another writer at the worst moment, which no timing can promise.
     */
    private static Connection writingBeforeTheRead(Connection c, Write write) {
        AtomicBoolean written = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.contains("_ROWID_ >") && written.compareAndSet(false, true)) {
                        write.run();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static long demoCustomer(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM customers WHERE customer_id = ?")) {
            ps.setString(1, DemoAccount.CUSTOMER_ID);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- data ----

    /** Mostly increasing creation times, some equal, some earlier than rows already there. */
    /** The database, {@link #OWNER} a customer in it (the rows of other tests need none). */
    private static Database withOwnerAsCustomer(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO accounts (email_key, email, password_hash, created_at)"
                    + " VALUES ('ops@example.test', 'ops@example.test', 'x', 0)");
            s.executeUpdate("INSERT INTO customers (pk, account_pk, customer_id, email, entity_name, created_at,"
                    + " updated_at) SELECT " + OWNER + ", pk, 'c7', 'c7@example.test', 'C7', 0, 0 FROM accounts");
        }
        return db;
    }

    private static int customers(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customers")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long time = 1_000;

    private long createdAt() {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return time - random.nextInt(500); // created before rows already there
        }
        if (roll > 2) {
            time += random.nextInt(3);
        }
        return time;
    }

    private String text(int n) {
        return RandomTexts.of(random, "abcABC01._éİ\n", n);
    }

    private String fragment() {
        String piece = text(1 + random.nextInt(4));
        return switch (random.nextInt(8)) {
            case 0, 1 -> "%" + piece + "%";
            case 2 -> piece + "%";
            case 3 -> "%" + piece;
            case 4 -> "%" + piece.charAt(0) + "%" + piece.substring(1) + "%";
            case 5 -> random.nextBoolean() ? "%" : "%%";
            case 6 -> piece + "%" + text(1);
            default -> piece; // the whole text
        };
    }

    private void insertUser(Connection c, long owner, String email, long createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (customer_pk, user_id, email, email_key,"
                + " user_type, status, first_name, last_name, phone, date_of_birth, country, created_at, updated_at)"
                + " VALUES (?, RANDOM_UUID(), ?, ?, 'individual', 'ACTIVE', 'A', 'B', '+4930123456',"
                + " DATE '1990-01-01', 'DE', ?, 0)")) {
            ps.setLong(1, owner);
            ps.setString(2, email);
            ps.setString(3, email.toLowerCase(Locale.ROOT));
            ps.setLong(4, createdAt);
            ps.executeUpdate();
        }
        counts.changed("users", owner);
    }

    private void insertAddress(Connection c, long owner, String address, long createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Addresses.INSERT)) {
            ps.setLong(1, owner);
            ps.setLong(2, 1);
            ps.setString(3, UUID.randomUUID().toString());
            ps.setString(4, UUID.randomUUID().toString());
            ps.setString(5, "ETH");
            ps.setString(6, "ethereum");
            ps.setString(7, address);
            ps.setString(8, address.toLowerCase(Locale.ROOT));
            ps.setLong(9, createdAt);
            ps.executeUpdate();
        }
        counts.changed("addresses", owner);
    }

    private static long sqlTotal(Connection c, String table, String column, String fragment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE customer_pk = ?"
                + " AND " + column + " LIKE ? ESCAPE '\\'")) {
            ps.setLong(1, OWNER);
            ps.setString(2, FilterText.likePattern(fragment));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> sqlPage(Connection c, String table, String column, String fragment, boolean descending,
                                      long skip, int limit) throws SQLException {
        String way = descending ? " DESC" : "";
        try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM " + table + " WHERE customer_pk = ? AND "
                + column + " LIKE ? ESCAPE '\\' ORDER BY created_at" + way + ", pk" + way + " LIMIT ? OFFSET ?")) {
            ps.setLong(1, OWNER);
            ps.setString(2, FilterText.likePattern(fragment));
            ps.setInt(3, limit);
            ps.setLong(4, skip);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }
}
