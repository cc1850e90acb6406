package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Password hashes: the console's work factor, and the lower one the test suite runs its sandboxes with. */
class SecretsTest {

    @Test
    void aConsoleHashesPasswordsWithOwaspsWorkFactorAndAHashMadeWithItChecks() {
        assertThat(Secrets.iterations(null)).isEqualTo(210_000);

        String stored = Secrets.hashPassword("sandbox-demo", Secrets.iterations(null));

        assertThat(stored).startsWith("pbkdf2-sha256$210000$");
        assertThat(Secrets.checkPassword("sandbox-demo", stored)).isTrue();
        assertThat(Secrets.checkPassword("sandbox-demO", stored)).isFalse();
    }

    @Test
    void theSuitesLowerFactorIsRecordedInTheHashSoAnyHashChecksWithItsOwnCount() {
        String suite = System.getProperty(Secrets.ITERATIONS_PROPERTY);
        String stored = Secrets.hashPassword("sandbox-demo");

        assertThat(stored).startsWith("pbkdf2-sha256$" + Secrets.iterations(suite) + "$");
        assertThat(Secrets.checkPassword("sandbox-demo", stored)).isTrue();
        assertThat(Secrets.checkPassword("sandbox-demo", Secrets.hashPassword("sandbox-demo", 1))).isTrue();
        assertThat(Secrets.checkPassword("other", Secrets.hashPassword("sandbox-demo", 1))).isFalse();
    }

    @Test
    void aFactorBelowOneOrNotANumberIsRefused() {
        assertThatThrownBy(() -> Secrets.iterations("0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Secrets.ITERATIONS_PROPERTY);
        assertThatThrownBy(() -> Secrets.iterations("many")).isInstanceOf(NumberFormatException.class);
        assertThat(Secrets.iterations(" 1000 ")).isEqualTo(1000);
    }
}
