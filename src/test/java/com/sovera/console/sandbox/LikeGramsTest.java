package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewWallet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of the users' e-mails and the addresses ({@link LikeGrams}) say "matches nothing" only when a plain
 * {@code LIKE} finds no row, and for a fragment of three characters exactly when it finds none: random texts and
 * fragments, rows added between the reads, another owner's rows beside. Every write path keeps them: users and
 * addresses created over HTTP, the demo seed (in bulk and not), and the rows a database held before V9.
 */
class LikeGramsTest {

    private static final long OWNER = 7;
    private static final long OTHER_OWNER = 8;
    private final Random random = new Random(2213);

    @Test
    void aFragmentIsSaidToMatchNothingExactlyWhenAPlainLikeFindsNothing() throws SQLException {
        Database db = Database.open(null);
        int said = 0;
        try (Connection c = db.connection()) {
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < 40; i++) { // writes between the reads, a third another owner's
                    long owner = random.nextInt(3) == 0 ? OTHER_OWNER : OWNER;
                    String email = text(6 + random.nextInt(10)) + "@" + text(3) + ".test";
                    insertUser(c, owner, email);
                    LikeGrams.add(c, owner, "users", "email", List.of(email.toLowerCase(Locale.ROOT)));
                }
                for (int k = 0; k < 150; k++) {
                    String piece = text(3 + (k % 2 == 0 ? 0 : random.nextInt(4)));
                    String fragment = switch (random.nextInt(4)) {
                        case 0 -> "%" + piece + "%";
                        case 1 -> piece + "%";
                        case 2 -> "%" + piece;
                        default -> "%" + piece.substring(0, 2) + "%" + piece.substring(2) + "%";
                    };
                    long plain = plainCount(c, fragment);
                    boolean nothing = LikeGrams.cannotMatch(c, "users", OWNER, "email", fragment);
                    if (nothing) {
                        said++;
                        assertThat(plain).as(fragment).isZero();
                    }
                    String lowered = fragment.toLowerCase(Locale.ROOT); // İ lower-cases to two units
                    if (lowered.length() == 5 && lowered.startsWith("%") && lowered.endsWith("%")) {
                        assertThat(nothing).as(fragment).isEqualTo(plain == 0);
                    }
                    Reply listed = ListQuery.parse(Users.LIST, Map.of("filter[where][email][like]", fragment))
                            .run(c, new CountCache(), null, OWNER, "user_id", rs -> rs.getString(1));
                    assertThat(listed.pagination().total()).as(fragment).isEqualTo(plain);
                }
            }
        } finally {
            db.close();
        }
        assertThat(said).isGreaterThan(100);
    }

    @Test
    void everyWritePathAddsItsRowsPieces(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(dir).withDemoUsers(12))) {
            SovxClient client = sandbox.client();
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            for (int i = 0; i < 6; i++) {
                String userId = client.api().createUser(Sandbox.user("New.Person-" + text(5) + i + "@Example.TEST"),
                        null).execute().userId();
                String walletId = client.api().createWallet(userId, new NewWallet("w" + i, "ETH"), null).execute()
                        .walletId();
                client.api().createAddress(walletId, new NewAddress("ETH", "ethereum-sepolia"), null).execute();
            }
        }
        Database db = Database.open(dir);
        try (Connection c = db.connection()) {
            assertThat(stored(c)).isEqualTo(recounted(c)).isNotEmpty();
        } finally {
            db.close();
        }
    }

    @Test
    void theSeedInBulkAndNotAndTheRowsBeforeV9HaveTheirPieces() throws SQLException {
        for (int bulkFrom : new int[] {100, 10_000}) {
            Database db = Database.open(null);
            try (Connection c = db.connection()) {
                DemoData.ensure(db, 40, 0, "owner-key", bulkFrom);
                DemoData.ensure(db, 130, 0, "another-owner-key", bulkFrom); // a top-up adds the new rows' pieces
                assertThat(stored(c)).as("seeded from " + bulkFrom).isEqualTo(recounted(c)).isNotEmpty();
                // the rows there before V9: its migration adds their pieces
                c.createStatement().execute("DELETE FROM like_grams");
                LikeGrams.addAll(c);
                assertThat(stored(c)).isEqualTo(recounted(c));
            } finally {
                db.close();
            }
        }
    }

    /** Random text of lower and upper letters, digits, a dot, an underscore and a non-ASCII letter or two. */
    private String text(int n) {
        return RandomTexts.of(random, "abcABC01._éİ", n);
    }

    private static void insertUser(Connection c, long owner, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (customer_pk, user_id, email, email_key,"
                + " user_type, status, first_name, last_name, phone, date_of_birth, country, created_at, updated_at)"
                + " VALUES (?, RANDOM_UUID(), ?, ?, 'individual', 'ACTIVE', 'A', 'B', '+4930123456',"
                + " DATE '1990-01-01', 'DE', 0, 0)")) {
            ps.setLong(1, owner);
            ps.setString(2, email);
            ps.setString(3, email.toLowerCase(Locale.ROOT));
            ps.executeUpdate();
        }
    }

    private static long plainCount(Connection c, String fragment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE customer_pk = ?"
                + " AND email_key LIKE ? ESCAPE '\\'")) {
            ps.setLong(1, OWNER);
            ps.setString(2, FilterText.likePattern(fragment));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> stored(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT owner_pk, field, gram FROM like_grams")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    /** The pieces every user's e-mail and every address holds, from the rows themselves. */
    private static Set<String> recounted(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        for (String[] f : new String[][] {{"users", "email", "email_key"}, {"addresses", "address", "address_key"}}) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT customer_pk, " + f[2] + " FROM " + f[0])) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    for (int i = 0; i + 3 <= text.length(); i++) {
                        out.add(rs.getLong(1) + " " + f[0] + "." + f[1] + " " + text.substring(i, i + 3));
                    }
                }
            }
        }
        return out;
    }
}
