package com.sovera.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.PasswordAccessException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A read from the keychain tells "no key stored" from "locked or refused". The stores below answer as
 * java-keyring's backends do (their own exception messages): the system keychain itself cannot be locked on
 * demand in a build.
 */
class KeychainTest {

    /** A store that keeps what is stored and fails the read of anything else with {@code runtime}, or else with
     * a PasswordAccessException of that message. */
    private static Keychain.Store answering(RuntimeException runtime, String accessMessage) {
        Map<String, String> kept = new HashMap<>();
        return new Keychain.Store() {
            @Override
            public String getPassword(String service, String account) throws PasswordAccessException {
                if (kept.containsKey(account)) {
                    return kept.get(account);
                }
                if (runtime != null) {
                    throw runtime;
                }
                throw new PasswordAccessException(accessMessage.replace("ACCOUNT", account));
            }

            @Override
            public void setPassword(String service, String account, String password) {
                kept.put(account, password);
            }

            @Override
            public void deletePassword(String service, String account) {
                kept.remove(account);
            }
        };
    }

    @Test
    void aKeyThatIsNotStoredIsEmptyOnEveryBackendThatSaysSo() {
        // Secret Service and macOS
        assertThat(Keychain.over(answering(null, "No stored credentials match SovX Console account: ACCOUNT"))
                .load("embedded:acme")).isEmpty();
        // KWallet
        assertThat(Keychain.over(answering(null, "Password is not in wallet")).load("embedded:acme")).isEmpty();
    }

    @Test
    void aStoredKeyIsRead() {
        Keychain keychain = Keychain.over(answering(null, "No stored credentials match SovX Console account: ACCOUNT"));
        keychain.store("embedded:acme", "sxs_stored");
        assertThat(keychain.load("embedded:acme")).contains("sxs_stored");
    }

    @Test
    void aLockedKeychainIsARefusalNotAnAbsentKey() {
        // macOS: errSecInteractionNotAllowed, the keychain is locked
        assertThatThrownBy(() -> Keychain.over(answering(null, "Failed to get credential. -25308"))
                .load("embedded:acme"))
                .isInstanceOfSatisfying(KeychainRefusedException.class, e -> {
                    assertThat(e.mayBeAbsent()).isFalse();
                    assertThat(e.getMessage()).contains("locked").doesNotContain("holds no").doesNotContain("mint");
                });
        // Secret Service: a locked collection whose unlock prompt was dismissed, a D-Bus error
        assertThatThrownBy(() -> Keychain.over(answering(new IllegalStateException(
                "org.freedesktop.Secret.Error.IsLocked"), null)).load("embedded:acme"))
                .isInstanceOfSatisfying(KeychainRefusedException.class, e -> assertThat(e.mayBeAbsent()).isFalse());
    }

    @Test
    void whereTheKeychainCannotTellItSaysBoth() {
        // Windows' backend answers any failed read so
        assertThatThrownBy(() -> Keychain.over(answering(null, "Password not Found")).load("embedded:acme"))
                .isInstanceOfSatisfying(KeychainRefusedException.class, e -> {
                    assertThat(e.mayBeAbsent()).isTrue();
                    assertThat(e.getMessage()).contains("holds no").contains("refused").contains("locked");
                });
    }
}
