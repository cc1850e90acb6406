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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo account, customer and users, generated from a fixed seed so that every install shows the same
 * screens. User {@code i} and their wallets, addresses and deposits depend only on {@code i}, so topping up to a
 * larger count adds the same users a fresh database would have.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20260312L;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long STEP_MILLIS = 10_000;
    private static final int BATCH = 5_000;
    /** Users a transaction in a bulk seed: fewer commits, each of which writes the store's changed pages. */
    private static final int BULK_BATCH = 25_000;
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

    /**
     * The same, with the demo owner key chosen by the caller (its hash is stored; the key itself never). Each
     * demo user comes with their whole tree: one or two wallets, an address each, and the completed deposits the
     * wallets' balances are made of. What a database lacks is added, in order of the users' index, one batch per
     * transaction: a seed that was stopped, or a database of an earlier console that gave wallets only to its
     * first {@value #EARLIER_WITH_WALLETS} users, is completed at the next start, and nothing is added twice.
     */
    static DemoAccount ensure(Database db, int users, long now, String ownerKey) throws SQLException {
        return ensure(db, users, now, ownerKey, BULK_FROM);
    }

    /** The same, seeding in bulk mode (indexes dropped, then built once) from {@code bulkFrom} rows: for tests. */
    static DemoAccount ensure(Database db, int users, long now, String ownerKey, int bulkFrom) throws SQLException {
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
            Seeding.indexes(c, true); // a seed stopped in bulk mode left them dropped
            int withUser = prefix(c, "SELECT 1 FROM users WHERE user_id = ?", i -> user(i).userId(),
                    SandboxConfig.MAX_DEMO_USERS);
            int withTree = prefix(c, "SELECT 1 FROM wallets WHERE wallet_id = ?", i -> firstWalletId(i),
                    withUser);
            if (withTree < users) {
                long started = System.nanoTime();
                new Seeding(c, customerPk, bulkFrom).run(withUser, withTree, users);
                LOG.info("Seeded demo users {} to {} (their wallets, addresses and deposits from {}) in {} ms",
                        withUser, users, withTree, (System.nanoTime() - started) / 1_000_000);
            }
            return new DemoAccount(DemoAccount.EMAIL, DemoAccount.PASSWORD, DemoAccount.CUSTOMER_ID, ownerKey);
        }
    }

    /**
     * How many demo users, from the first, have a row found by {@code sql} with the key {@code key(i)}: seeding
     * goes in order of the index, a batch per transaction, so what exists is always a prefix. A binary search
     * over unique keys: 20 lookups, where counting a million e-mails by pattern read the whole table.
     */
    private static int prefix(Connection c, String sql, java.util.function.IntFunction<String> key, int atMost)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int low = 0; // user low-1 exists (or low is 0)
            int high = atMost; // user high does not exist (or high is the bound)
            while (low < high) {
                int mid = (low + high) >>> 1;
                ps.setString(1, key.apply(mid));
                boolean exists;
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
                if (exists) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
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
            "CREATE INDEX users_country ON users (customer_pk, country, created_at, pk)",
            "CREATE INDEX users_status_sort ON users (customer_pk, status, pk)",
            "CREATE INDEX users_status_email ON users (customer_pk, status, email_key)",
            "CREATE INDEX users_status_last ON users (customer_pk, status, last_name, pk)",
            "CREATE INDEX users_type_email ON users (customer_pk, user_type, email_key)",
            "CREATE INDEX users_type_last ON users (customer_pk, user_type, last_name, pk)",
            "CREATE INDEX users_type_status ON users (customer_pk, user_type, status, pk)",
            "CREATE INDEX users_country_email ON users (customer_pk, country, email_key)",
            "CREATE INDEX users_country_last ON users (customer_pk, country, last_name, pk)",
            "CREATE INDEX users_country_status ON users (customer_pk, country, status, pk)",
            "CREATE INDEX users_first_created ON users (customer_pk, first_name, created_at, pk)",
            "CREATE INDEX users_first_email ON users (customer_pk, first_name, email_key)",
            "CREATE INDEX users_first_last ON users (customer_pk, first_name, last_name, pk)",
            "CREATE INDEX users_first_status ON users (customer_pk, first_name, status, pk)",
            "CREATE INDEX users_last_created ON users (customer_pk, last_name, created_at, pk)",
            "CREATE INDEX users_last_email ON users (customer_pk, last_name, email_key)",
            "CREATE INDEX users_last_status ON users (customer_pk, last_name, status, pk)");
    /** The other tables' secondary indexes the seeding drops and builds again; a test checks them too. */
    static final List<String> TREE_INDEXES = List.of(
            "CREATE INDEX wallets_created ON wallets (customer_pk, created_at, pk)",
            "CREATE INDEX wallets_user ON wallets (customer_pk, user_id, pk)",
            "CREATE INDEX wallets_name ON wallets (customer_pk, name, pk)",
            "CREATE INDEX wallets_currency ON wallets (customer_pk, currency, pk)",
            "CREATE INDEX wallets_status ON wallets (customer_pk, status, pk)",
            "CREATE INDEX wallets_of_user ON wallets (user_pk, pk)",
            "CREATE INDEX addresses_created ON addresses (customer_pk, created_at, pk)",
            "CREATE INDEX addresses_wallet ON addresses (customer_pk, wallet_id, pk)",
            "CREATE INDEX addresses_address ON addresses (customer_pk, address_key, pk)",
            "CREATE INDEX addresses_network ON addresses (customer_pk, network, pk)",
            "CREATE INDEX addresses_currency ON addresses (customer_pk, currency, pk)",
            "CREATE INDEX transactions_created ON transactions (customer_pk, created_at, pk)",
            "CREATE INDEX transactions_amount ON transactions (customer_pk, amount, pk)",
            "CREATE INDEX transactions_hash ON transactions (customer_pk, tx_hash, pk)",
            "CREATE INDEX transactions_address ON transactions (customer_pk, address_key, created_at, pk)",
            "CREATE INDEX transactions_wallet ON transactions (customer_pk, wallet_id, created_at, pk)",
            "CREATE INDEX transactions_status ON transactions (customer_pk, status, created_at, pk)",
            "CREATE INDEX transactions_currency ON transactions (customer_pk, currency, created_at, pk)",
            "CREATE INDEX transactions_pending ON transactions (status, block_height)",
            "CREATE INDEX transactions_of_wallet ON transactions (wallet_pk, pk)",
            "CREATE INDEX wallets_status_created ON wallets (customer_pk, status, created_at, pk)",
            "CREATE INDEX wallets_status_name ON wallets (customer_pk, status, name, pk)",
            "CREATE INDEX wallets_status_currency ON wallets (customer_pk, status, currency, pk)",
            "CREATE INDEX wallets_currency_created ON wallets (customer_pk, currency, created_at, pk)",
            "CREATE INDEX wallets_currency_name ON wallets (customer_pk, currency, name, pk)",
            "CREATE INDEX addresses_network_created ON addresses (customer_pk, network, created_at, pk)",
            "CREATE INDEX addresses_currency_created ON addresses (customer_pk, currency, created_at, pk)",
            "CREATE INDEX transactions_status_amount ON transactions (customer_pk, status, amount, pk)",
            "CREATE INDEX transactions_currency_amount ON transactions (customer_pk, currency, amount, pk)");

    /** From this many users on they are inserted with the secondary indexes dropped and built once at the end. */
    private static final int BULK_FROM = 50_000;
    /** Earlier consoles gave wallets to the first 300 demo users only. */
    static final int EARLIER_WITH_WALLETS = 300;

    /** One seeding run on one connection: users and trees in batches, each batch one transaction. */
    private static final class Seeding {
        private final Connection c;
        private final long customerPk;
        private final int bulkFrom;

        Seeding(Connection c, long customerPk, int bulkFrom) {
            this.c = c;
            this.customerPk = customerPk;
            this.bulkFrom = bulkFrom;
        }

        /**
         * Users {@code withUser..users} are new; users {@code withTree..users} (or up to {@code withUser}, if more)
         * get their trees. Each batch is generated on another thread while the one before is written.
         */
        void run(int withUser, int withTree, int users) throws SQLException {
            int to = Math.max(users, withTree);
            boolean bulk = to - withTree >= bulkFrom;
            if (bulk) {
                bulkMode(true);
            }
            try {
                int size = bulk ? BULK_BATCH : BATCH;
                java.util.concurrent.CompletableFuture<List<Planned>> next = plan(withTree, Math.min(to, withTree + size));
                for (int start = withTree; start < to; start += size) {
                    List<Planned> batch = next.join();
                    int end = Math.min(to, start + size);
                    next = plan(end, Math.min(to, end + size));
                    write(batch, withUser);
                    c.commit();
                }
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            } finally {
                if (bulk) {
                    bulkMode(false);
                }
            }
        }

        private static java.util.concurrent.CompletableFuture<List<Planned>> plan(int from, int to) {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> java.util.stream.IntStream
                    .range(from, to).mapToObj(DemoData::planned).toList());
        }

        private void write(List<Planned> batch, int withUser) throws SQLException {
            long[] userPks = new long[batch.size()];
            try (PreparedStatement users = c.prepareStatement(Users.INSERT, new String[] {"pk"});
                 PreparedStatement pks = c.prepareStatement("SELECT pk FROM users WHERE user_id = ?")) {
                List<Integer> inserted = new ArrayList<>();
                for (int k = 0; k < batch.size(); k++) {
                    Planned p = batch.get(k);
                    if (p.index() >= withUser) {
                        Users.bind(users, customerPk, p.user());
                        users.addBatch();
                        inserted.add(k);
                    } else {
                        pks.setString(1, p.user().userId());
                        try (ResultSet rs = pks.executeQuery()) {
                            rs.next();
                            userPks[k] = rs.getLong(1);
                        }
                    }
                }
                if (!inserted.isEmpty()) {
                    users.executeBatch();
                    try (ResultSet keys = users.getGeneratedKeys()) {
                        for (int k : inserted) {
                            keys.next();
                            userPks[k] = keys.getLong(1);
                        }
                    }
                }
            }
            List<PlannedWallet> wallets = new ArrayList<>();
            List<Long> ownerPks = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                for (PlannedWallet w : batch.get(k).wallets()) {
                    wallets.add(w);
                    ownerPks.add(userPks[k]);
                }
            }
            long[] walletPks = new long[wallets.size()];
            try (PreparedStatement ps = c.prepareStatement(Wallets.INSERT, new String[] {"pk"})) {
                for (int k = 0; k < wallets.size(); k++) {
                    Wallets.NewRow w = wallets.get(k).wallet();
                    Wallets.bind(ps, customerPk, new Wallets.NewRow(ownerPks.get(k), w.userId(), w.walletId(),
                            w.name(), w.currency(), w.balance(), w.createdAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int k = 0; k < walletPks.length; k++) {
                        keys.next();
                        walletPks[k] = keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement addresses = c.prepareStatement(Addresses.INSERT);
                 PreparedStatement deposits = c.prepareStatement(Transactions.INSERT)) {
                for (int k = 0; k < wallets.size(); k++) {
                    PlannedWallet w = wallets.get(k);
                    Addresses.bind(addresses, customerPk, walletPks[k], w.address());
                    addresses.addBatch();
                    for (Deposit d : w.deposits()) {
                        Transactions.bind(deposits, customerPk, walletPks[k], d.tx(), d.height());
                        deposits.addBatch();
                    }
                }
                addresses.executeBatch();
                deposits.executeBatch();
            }
        }

        /**
         * For a large seed: drop the secondary indexes and build them once at the end, and let the store reuse
         * its space at once. Inserting a million rows into random-order indexes otherwise rewrites pages on every
         * commit and grows the file to many gigabytes.
         */
        private void bulkMode(boolean on) throws SQLException {
            try (Statement s = c.createStatement()) {
                if (on) {
                    s.execute("SET RETENTION_TIME 0");
                    s.execute("SET CACHE_SIZE 262144");
                    for (String index : allIndexes()) {
                        s.execute("DROP INDEX IF EXISTS " + index.replaceFirst("CREATE (UNIQUE )?INDEX (\\w+) .*", "$2"));
                    }
                    for (String[] unique : TREE_IDS) {
                        for (String name : uniqueConstraints(c, unique[0], unique[1])) {
                            s.execute("ALTER TABLE " + unique[0] + " DROP CONSTRAINT " + name);
                        }
                    }
                } else {
                    long started = System.nanoTime();
                    indexes(c, false);
                    LOG.info("Built the demo tables' indexes in {} ms", (System.nanoTime() - started) / 1_000_000);
                    s.execute("SET RETENTION_TIME 45000");
                    s.execute("SET CACHE_SIZE 65536");
                }
                c.commit();
            }
        }

        /** Builds whichever secondary index or unique id is missing. */
        static void indexes(Connection c, boolean commit) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String index : allIndexes()) {
                    s.execute(index.replaceFirst("INDEX ", "INDEX IF NOT EXISTS "));
                }
                for (String[] unique : TREE_IDS) {
                    if (uniqueConstraints(c, unique[0], unique[1]).isEmpty()) {
                        s.execute("ALTER TABLE " + unique[0] + " ADD CONSTRAINT " + unique[0] + "_" + unique[1]
                                + " UNIQUE (" + unique[1] + ")");
                    }
                }
            }
            if (commit) {
                c.commit();
            }
        }

        /**
         * The ids of the tree's rows, unique by constraint (table, column). Random UUIDs: inserted one by one into
         * a million-entry index, each commit rewrites most of its pages, so a bulk seed adds them once at the end.
         */
        private static final String[][] TREE_IDS = {{"wallets", "wallet_id"}, {"addresses", "address_id"},
            {"transactions", "transaction_id"}};

        private static List<String> uniqueConstraints(Connection c, String table, String column) throws SQLException {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tc.CONSTRAINT_NAME FROM"
                    + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                    + " ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME"
                    + " WHERE tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'UNIQUE' AND k.COLUMN_NAME = ?")) {
                ps.setString(1, table.toUpperCase(Locale.ROOT));
                ps.setString(2, column.toUpperCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        }

        private static List<String> allIndexes() {
            List<String> all = new ArrayList<>(USER_INDEXES);
            all.addAll(TREE_INDEXES);
            return all;
        }
    }

    /** Demo user {@code index} with their tree, as every install makes them. */
    private record Planned(int index, Users.NewRow user, List<PlannedWallet> wallets) {
    }

    /** A wallet (its user's pk not known yet), its address and its completed deposits. */
    private record PlannedWallet(Wallets.NewRow wallet, DepositAddress address, List<Deposit> deposits) {
    }

    private record Deposit(com.sovera.console.api.model.Transaction tx, long height) {
    }

    private static Planned planned(int i) {
        Users.NewRow user = user(i);
        return new Planned(i, user, wallets(i, user));
    }

    private static String firstWalletId(int i) {
        Random r = random(i, 1);
        r.nextInt(2);
        r.nextInt(CURRENCIES.length);
        return uuid(r).toString();
    }

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

    /** User {@code i}'s wallets: each a random of the user's index only, so every install makes the same. */
    private static List<PlannedWallet> wallets(int i, Users.NewRow user) {
        Random r = random(i, 1);
        int count = 1 + r.nextInt(2);
        List<PlannedWallet> out = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
            long created = user.createdAt() + (w + 1) * 1_000L;
            Wallets.NewRow wallet = new Wallets.NewRow(0, user.userId(), uuid(r).toString(),
                    user.firstName() + "'s " + currency + " wallet", currency, balance(r, currency), created);
            Network network = currency.equals("BTC") ? Network.BITCOIN_TESTNET : Network.ETHEREUM_SEPOLIA;
            String address = new AddressFactory(n -> bytes(r, n)).newAddress(network);
            DepositAddress deposit = new DepositAddress(uuid(r).toString(), wallet.walletId(), currency, network.id(),
                    address, Instant.ofEpochMilli(created + 500));
            out.add(new PlannedWallet(wallet, deposit, deposits(wallet, network, address, random(i, 10 + w))));
        }
        return out;
    }

    /**
     * The wallet's balance as one to three completed deposits to its address, so that a balance is the sum of its
     * completed deposits here too. A random of its own: the users, wallets and addresses stay as they were.
     */
    private static List<Deposit> deposits(Wallets.NewRow wallet, Network network, String address, Random r) {
        List<Deposit> out = new ArrayList<>(3);
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
            out.add(new Deposit(tx, r.nextInt(900)));
        }
        return out;
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
