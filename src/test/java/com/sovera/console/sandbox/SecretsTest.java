package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password hashes: OWASP's work factor for every password a sandbox keeps on disk, and the lower one the test suite
 * gives its sandboxes in memory.
 */
class SecretsTest {

    @Test
    void aSandboxOnDiskHashesWithOwaspsWorkFactorWhateverItsJvmIsTold(@TempDir Path dir) throws Exception {
        assertThat(System.getProperty(Secrets.ITERATIONS_PROPERTY)).as("the suite lowers the factor").isNotNull();

        String kept = storedHash(dir);

        assertThat(kept).startsWith("pbkdf2-sha256$210000$");
        assertThat(Secrets.checkPassword("sandbox-demo", kept)).isTrue();
        assertThat(Secrets.checkPassword("sandbox-demO", kept)).isFalse();
    }

    @Test
    void aSandboxInMemoryTakesTheSuitesLowerFactorRecordedInTheHash() throws Exception {
        String suite = System.getProperty(Secrets.ITERATIONS_PROPERTY);

        String stored = storedHash(null);

        assertThat(Secrets.iterations(suite)).isLessThan(Secrets.DEFAULT_ITERATIONS);
        assertThat(stored).startsWith("pbkdf2-sha256$" + Secrets.iterations(suite) + "$");
        assertThat(Secrets.checkPassword("sandbox-demo", stored)).isTrue();
        assertThat(Secrets.checkPassword("other", stored)).isFalse();
    }

    @Test
    void aFactorBelowOneOrNotANumberIsRefusedSayingWhichSetting() {
        assertThat(Secrets.iterations(null)).isEqualTo(210_000);
        assertThat(Secrets.iterations(" 1000 ")).isEqualTo(1000);
        for (String wrong : new String[] {"0", "-5", "many", ""}) {
            assertThatThrownBy(() -> Secrets.iterations(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Secrets.ITERATIONS_PROPERTY);
        }
    }

    /** The hash an account's password is kept as, in a database in {@code dir} (in memory when null). */
    private static String storedHash(Path dir) throws Exception {
        try (Database db = Database.open(dir); Connection c = db.connection()) {
            long pk = Accounts.ensureAccount(c, "ada@desk.example", "sandbox-demo", 0);
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM accounts WHERE pk = ?")) {
                ps.setLong(1, pk);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
    }
}
