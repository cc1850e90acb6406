package com.sovera.console.sandbox;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Status;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.chain.Network;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The demo rows, generated from a fixed seed so that every install shows the same screens. User {@code i} and
 * their wallets, addresses and deposits depend only on {@code i}, so topping up to a larger count adds the same
 * users a fresh database would have. Generating only: nothing here touches the database.
 */
final class DemoRows {

    private static final long SEED = 20260312L;
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long STEP_MILLIS = 10_000;
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

    private DemoRows() {
    }

    /** Demo user {@code index} with their tree, as every install makes them. */
    record Planned(int index, Users.NewRow user, List<PlannedWallet> wallets) {
    }

    /** A wallet (its user's pk not known yet), its address and its completed deposits. */
    record PlannedWallet(Wallets.NewRow wallet, DepositAddress address, List<Deposit> deposits) {
    }

    record Deposit(Transaction tx, long height) {
    }

    static Planned planned(int i) {
        Users.NewRow user = user(i);
        return new Planned(i, user, wallets(i, user));
    }

    /** User {@code i}'s first wallet id, without generating the rest: how a restart finds where trees stop. */
    static String firstWalletId(int i) {
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
                    .setScale(balance.scale(), RoundingMode.DOWN);
            if (amount.signum() <= 0) {
                continue;
            }
            left = left.subtract(amount);
            Instant at = Instant.ofEpochMilli(wallet.createdAt() + (k + 1) * 60_000L);
            Transaction tx = new Transaction(
                    uuid(r).toString(), wallet.walletId(), address, wallet.currency(), network.id(),
                    Transaction.DEPOSIT, Sql.decimal(amount),
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
        return IntStream.range(0, count).mapToObj(i -> user(i).email()).toList();
    }
}
