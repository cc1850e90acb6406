package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.javakeyring.PasswordAccessException;
import com.sovera.console.platform.Keychain;
import com.sovera.console.platform.KeychainRefusedException;
import com.sovera.console.policy.Policy;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * A locked or refused keychain says so, naming the customer, and does not invite a mint: the wizard's
 * "From the keychain" shows exactly {@link Problem#of} of what {@link KeyRing#load} throws.
 */
class KeyRingRefusalTest {

    /** Answers every read as macOS's backend does for a locked keychain (errSecInteractionNotAllowed). */
    private static final Keychain.Store LOCKED = new Keychain.Store() {
        @Override
        public String getPassword(String service, String account) throws PasswordAccessException {
            throw new PasswordAccessException("Failed to get credential. -25308");
        }

        @Override
        public void setPassword(String service, String account, String password) throws PasswordAccessException {
            throw new PasswordAccessException("Failed to set credential. -25308");
        }

        @Override
        public void deletePassword(String service, String account) throws PasswordAccessException {
            throw new PasswordAccessException("No password to delete. -25308");
        }
    };

    @Test
    void aLockedKeychainIsNamedAsSuchAndOffersNoMint() {
        KeyRing ring = new KeyRing("embedded", () -> Keychain.over(LOCKED), new SameThreadTaskRunner(), Policy.NONE);
        assertThat(ring.availableProperty().get()).isTrue();

        Throwable failure = catchThrowable(() -> ring.load("acme-payments"));

        assertThat(failure).isInstanceOf(KeychainRefusedException.class)
                .hasMessageContaining("owner key for acme-payments").hasMessageContaining("locked");
        Problem shown = Problem.of(failure);
        assertThat(shown.title()).isEqualTo("Keychain locked or refused");
        assertThat(shown.message() + " " + shown.recovery()).contains("Unlock").doesNotContainIgnoringCase("mint")
                .doesNotContain("holds no");
    }
}
