package com.sovera.console.sandbox;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Status;
import com.sovera.console.chain.Network;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo account, customer and users, generated from a fixed seed so that every install shows the same
 * screens. User {@code i} depends only on {@code i}, so topping up to a larger count adds the same users a
 * fresh database would have. The first few hundred users get wallets and addresses.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20260312L;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long STEP_MILLIS = 10_000;
    private static final int WITH_WALLETS = 300;
    private static final int BATCH = 5_000;
    /** Demo users' e-mails end so; it is how a top-up counts them. */
    static final String EMAIL_DOMAIN = "@demo.sovx.test";

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Diego", "Elif", "Farah", "Gustav", "Hana", "Ivan",
        "Jamal", "Kaori", "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma",
        "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri"};
    private static final String[] LAST = {"Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Andersen", "Brown", "Chen", "Diaz"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "PL", "PT", "BR",
        "MX", "JP", "KR", "SG", "AU", "CA", "NG", "KE", "AE"};
    private static final String[] CURRENCIES = {"BTC", "ETH", "USDC"};

    private DemoData() {
    }

    /** Makes sure the demo account, customer and {@code users} users exist; returns a fresh demo owner key. */
    static DemoAccount ensure(Database db, int users, long now) throws SQLException {
        return ensure(db, users, now, Secrets.customerSecret());
    }

    /** The same, with the demo owner key chosen by the caller (its hash is stored; the key itself never). */
    static DemoAccount ensure(Database db, int users, long now, String ownerKey) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long accountPk = Accounts.ensureAccount(c, DemoAccount.EMAIL, DemoAccount.PASSWORD, now);
            long customerPk;
            try (PreparedStatement ps = c.prepareStatement("SELECT pk FROM customers WHERE customer_id = ?")) {
                ps.setString(1, DemoAccount.CUSTOMER_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    customerPk = rs.next() ? rs.getLong(1) : Customers.insert(c, accountPk, DemoAccount.CUSTOMER_ID,
                            "ops@demo-customer.test", "Demo Customer Ltd", EPOCH.toEpochMilli());
                }
            }
            Customers.storeKey(c, customerPk, ownerKey, now);
            c.commit();
            int existing = countDemoUsers(c, customerPk);
            if (existing < users) {
                long started = System.nanoTime();
                insertUsers(c, customerPk, existing, users);
                LOG.info("Seeded demo users {} to {} in {} ms", existing, users,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return new DemoAccount(DemoAccount.EMAIL, DemoAccount.PASSWORD, DemoAccount.CUSTOMER_ID, ownerKey);
        }
    }

    private static int countDemoUsers(Connection c, long customerPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM users WHERE customer_pk = ? AND email_key LIKE ?")) {
            ps.setLong(1, customerPk);
            ps.setString(2, "%" + EMAIL_DOMAIN);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertUsers(Connection c, long customerPk, int from, int to) throws SQLException {
        boolean bulk = to - from >= BULK_FROM;
        if (bulk) {
            bulkMode(c, true);
        }
        try (PreparedStatement users = c.prepareStatement(Users.INSERT)) {
            for (int start = from; start < to; start += BATCH) {
                int end = Math.min(to, start + BATCH);
                for (int i = start; i < end; i++) {
                    Users.bind(users, customerPk, user(i));
                    users.addBatch();
                }
                users.executeBatch();
                if (start < WITH_WALLETS) {
                    insertWallets(c, customerPk, start, Math.min(end, WITH_WALLETS));
                }
                c.commit();
            }
        } finally {
            if (bulk) {
                bulkMode(c, false);
            }
        }
    }

    /**
     * For a large seed: drop the users' secondary indexes and build them once at the end, and let the store
     * reuse its space at once. Inserting a million rows into seven random-order indexes otherwise rewrites
     * pages on every commit and grows the file to many gigabytes.
     */
    private static void bulkMode(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (on) {
                s.execute("SET RETENTION_TIME 0");
                for (String index : USER_INDEXES) {
                    s.execute("DROP INDEX IF EXISTS " + index.replaceFirst("CREATE (UNIQUE )?INDEX (\\w+) .*", "$2"));
                }
            } else {
                for (String index : USER_INDEXES) {
                    s.execute(index.replaceFirst("INDEX ", "INDEX IF NOT EXISTS "));
                }
                s.execute("SET RETENTION_TIME 45000");
            }
            c.commit();
        }
    }

    /** The users' secondary indexes as the migrations leave them; a test checks the two agree. */
    static final List<String> USER_INDEXES = List.of(
            "CREATE UNIQUE INDEX users_email ON users (customer_pk, email_key)",
            "CREATE INDEX users_created ON users (customer_pk, created_at, pk)",
            "CREATE INDEX users_last_name ON users (customer_pk, last_name, pk)",
            "CREATE INDEX users_first_name ON users (customer_pk, first_name, pk)",
            "CREATE INDEX users_status ON users (customer_pk, status, created_at, pk)",
            "CREATE INDEX users_type ON users (customer_pk, user_type, created_at, pk)",
            "CREATE INDEX users_country ON users (customer_pk, country, created_at, pk)");
    private static final int BULK_FROM = 50_000;

    private static Random random(int i, int salt) {
        return new Random(SEED * 1_000_003L + i * 31L + salt);
    }

    static Users.NewRow user(int i) {
        Random r = random(i, 0);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        int s = r.nextInt(100);
        Status status = s < 70 ? Status.ACTIVE : s < 85 ? Status.PENDING : s < 95 ? Status.VERIFIED : Status.SUSPENDED;
        String phone = "+1" + (2_000_000_000L + (long) (r.nextDouble() * 7_999_999_999L));
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000));
        return new Users.NewRow(uuid(r).toString(),
                (first + "." + last + "." + i + EMAIL_DOMAIN).toLowerCase(Locale.ROOT),
                i % 7 == 0 ? "business" : "individual", status, first, last, phone, birth,
                COUNTRIES[r.nextInt(COUNTRIES.length)], EPOCH.toEpochMilli() + i * STEP_MILLIS);
    }

    private static void insertWallets(Connection c, long customerPk, int from, int to) throws SQLException {
        try (PreparedStatement pks = c.prepareStatement("SELECT pk FROM users WHERE user_id = ?");
             PreparedStatement wallets = c.prepareStatement(Wallets.INSERT, new String[] {"pk"});
             PreparedStatement addresses = c.prepareStatement(Addresses.INSERT);
             PreparedStatement deposits = c.prepareStatement(Transactions.INSERT)) {
            for (int i = from; i < to; i++) {
                Users.NewRow user = user(i);
                pks.setString(1, user.userId());
                long userPk;
                try (ResultSet rs = pks.executeQuery()) {
                    rs.next();
                    userPk = rs.getLong(1);
                }
                Random r = random(i, 1);
                int count = 1 + r.nextInt(2);
                for (int w = 0; w < count; w++) {
                    String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
                    long created = user.createdAt() + (w + 1) * 1_000L;
                    Wallets.NewRow wallet = new Wallets.NewRow(userPk, user.userId(), uuid(r).toString(),
                            user.firstName() + "'s " + currency + " wallet", currency, balance(r, currency), created);
                    Wallets.bind(wallets, customerPk, wallet);
                    wallets.executeUpdate();
                    long walletPk;
                    try (ResultSet keys = wallets.getGeneratedKeys()) {
                        keys.next();
                        walletPk = keys.getLong(1);
                    }
                    Network network = currency.equals("BTC") ? Network.BITCOIN_TESTNET : Network.ETHEREUM_SEPOLIA;
                    String address = new AddressFactory(n -> bytes(r, n)).newAddress(network);
                    Addresses.bind(addresses, customerPk, walletPk, new DepositAddress(uuid(r).toString(),
                            wallet.walletId(), currency, network.id(), address, Instant.ofEpochMilli(created + 500)));
                    addresses.executeUpdate();
                    insertDeposits(deposits, customerPk, walletPk, wallet, network, address, random(i, 10 + w));
                }
            }
        }
    }

    /**
     * The wallet's balance as one to three completed deposits to its address, so that a balance is the sum of its
     * completed deposits here too. A random of its own: the users, wallets and addresses stay as they were.
     */
    private static void insertDeposits(PreparedStatement deposits, long customerPk, long walletPk,
                                       Wallets.NewRow wallet, Network network, String address, Random r)
            throws SQLException {
        BigDecimal balance = wallet.balance();
        int parts = 1 + r.nextInt(3);
        BigDecimal left = balance;
        for (int k = 0; k < parts && left.signum() > 0; k++) {
            BigDecimal amount = k == parts - 1 ? left : balance.multiply(BigDecimal.valueOf(20 + r.nextInt(30), 2))
                    .setScale(balance.scale(), java.math.RoundingMode.DOWN);
            if (amount.signum() <= 0) {
                continue;
            }
            left = left.subtract(amount);
            Instant at = Instant.ofEpochMilli(wallet.createdAt() + (k + 1) * 60_000L);
            com.sovera.console.api.model.Transaction tx = new com.sovera.console.api.model.Transaction(
                    uuid(r).toString(), wallet.walletId(), address, wallet.currency(), network.id(),
                    com.sovera.console.api.model.Transaction.DEPOSIT, Sql.decimal(amount),
                    Transactions.txHash(network, bytes(r, 32)), null, Blocks.REQUIRED.get(network), Status.COMPLETED,
                    at, at.plusSeconds(60));
            Transactions.bind(deposits, customerPk, walletPk, tx, r.nextInt(900));
            deposits.executeUpdate();
        }
    }

    private static BigDecimal balance(Random r, String currency) {
        return switch (currency) {
            case "BTC" -> BigDecimal.valueOf(r.nextInt(300_000_000), 8);
            case "ETH" -> BigDecimal.valueOf(r.nextLong() >>> 4 & 0xffffffffffffL, 12);
            default -> BigDecimal.valueOf(r.nextInt(5_000_000), 2);
        };
    }

    private static UUID uuid(Random r) {
        long high = (r.nextLong() & ~0xf000L) | 0x4000L;
        long low = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] out = new byte[n];
        r.nextBytes(out);
        return out;
    }

    /** The demo users' e-mails that a given count produces, for tests. */
    static List<String> emails(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> user(i).email()).toList();
    }
}
