package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovera.console.sandbox.DemoRows.Deposit;
import com.sovera.console.sandbox.DemoRows.Planned;
import com.sovera.console.sandbox.DemoRows.PlannedWallet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk seed that fails or stops part way (a crash between two tables, a unique value already taken) leaves a
 * database that opens, with no wallet kept without its address, and its values are those an insert assigns.
 */
class BulkSeedFailuresTest {

    /**
     * A bulk seed keeps the tables' rows one by one (users, wallets, addresses, transactions): a process ended after
     * the wallets' are kept must not leave them without their addresses and deposits at the next start (the seed's
     * progress is read from the wallets, so it would never write those again).
     */
    @Test
    void aSeedStoppedBetweenTwoTablesFinishesLeavesNoWalletWithoutItsAddress(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, 300, 0);
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                long customerPk = one(c, "SELECT pk FROM customers WHERE customer_id = '"
                        + DemoAccount.CUSTOMER_ID + "'");
                IndexesAside.take(c, DemoIndexes.TABLES);
                BulkRows users = BulkRows.open(c, Users.INSERT);
                BulkRows wallets = BulkRows.open(c, Wallets.INSERT);
                BulkRows addresses = BulkRows.open(c, Addresses.INSERT);
                BulkRows deposits = BulkRows.open(c, Transactions.INSERT);
                BulkRows.mark(c, List.of(users, wallets, addresses, deposits));
                for (int i = 300; i < 310; i++) { // as DemoBatches.write writes a batch
                    Planned p = DemoRows.planned(i);
                    Users.bind(users.statement(), customerPk, p.user());
                    users.add();
                    long userPk = users.flush()[0];
                    for (PlannedWallet w : p.wallets()) {
                        Wallets.NewRow n = w.wallet();
                        Wallets.bind(wallets.statement(), customerPk, new Wallets.NewRow(userPk, n.userId(),
                                n.walletId(), n.name(), n.currency(), n.balance(), n.createdAt()));
                        wallets.add();
                        long walletPk = wallets.flush()[0];
                        Addresses.bind(addresses.statement(), customerPk, walletPk, w.address());
                        addresses.add();
                        for (Deposit d : w.deposits()) {
                            Transactions.bind(deposits.statement(), customerPk, walletPk, d.tx(), d.height());
                            deposits.add();
                        }
                    }
                }
                c.commit();
                users.keep(c);
                wallets.keep(c);
                // the process ends here, before the addresses and deposits are kept and the mark goes
            }
        }
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, 310, 0, "owner-key", 5);
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM wallets w WHERE NOT EXISTS (SELECT 1 FROM addresses a"
                        + " WHERE a.wallet_pk = w.pk)")).as("wallets without their address after the next start")
                        .isZero();
            }
        }
    }

    /** A value written in bulk has the scale an insert gives it. */
    @Test
    void aDecimalWrittenInBulkHasTheScaleAnInsertGivesIt() throws Exception {
        int bulk;
        int inserted;
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, 300, 0, "owner-key", 100);
            bulk = lastBalanceScale(db);
        }
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, 300, 0, "owner-key", Integer.MAX_VALUE);
            inserted = lastBalanceScale(db);
        }
        assertThat(bulk).as("scale of a DECIMAL(64, 18) balance written in bulk").isEqualTo(inserted);
    }

    /** An insert refuses a value longer than its column; so does a bulk write. */
    @Test
    void aValueTooLongForItsColumnIsRefusedInBulkAsByAnInsert() throws Exception {
        try (Database db = Database.open(null)) {
            DemoData.ensure(db, 10, 0);
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                IndexesAside.take(c, List.of("users"));
                BulkRows users = BulkRows.open(c, Users.INSERT);
                Users.NewRow u = DemoRows.user(50);
                Users.bind(users.statement(), 1, new Users.NewRow(u.userId(), u.email(), u.userType(), u.status(),
                        "x".repeat(300), u.lastName(), u.phone(), u.dateOfBirth(), u.country(), u.createdAt()));
                assertThatThrownBy(users::add).as("first_name VARCHAR(200) given 300 characters")
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    /**
     * A demo e-mail an operator already gave a user (through the API, here by SQL): inserts refuse the seed's row
     * and leave the database as it was. In bulk the duplicate is found when users_email is filled: the seed fails,
     * its rows are undone, and the database still opens.
     */
    @Test
    void aSeedInBulkThatMeetsATakenEMailLeavesADatabaseThatStillOpens(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            DemoData.ensure(db, 10, 0);
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                Users.NewRow demo = DemoRows.user(150);
                s.execute("INSERT INTO users (customer_pk, user_id, email, email_key, user_type, status, first_name,"
                        + " last_name, phone, date_of_birth, country, created_at, updated_at) SELECT customer_pk,"
                        + " RANDOM_UUID(), '" + demo.email() + "', '" + demo.email().toLowerCase(java.util.Locale.ROOT)
                        + "', user_type, status, first_name, last_name, phone, date_of_birth, country, created_at,"
                        + " updated_at FROM users WHERE pk = (SELECT MIN(pk) FROM users)");
            }
            assertThatThrownBy(() -> DemoData.ensure(db, 200, 0, "owner-key", 5)).isInstanceOf(SQLException.class);
        }
        try (Database db = Database.open(dir)) {
            try (Connection c = db.connection()) {
                assertThat(one(c, "SELECT COUNT(*) FROM users")).isEqualTo(11);
            }
        }
    }

    private static int lastBalanceScale(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT balance FROM wallets WHERE balance <> 0 ORDER BY pk DESC LIMIT 1")) {
            rs.next();
            return rs.getBigDecimal(1).scale();
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
