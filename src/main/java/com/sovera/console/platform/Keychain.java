package com.sovera.console.platform;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keychain, where an operator may choose to keep customers' owner keys between
 * sessions: never a plain file. On a computer without one, {@link #available()} is false and says why. A read
 * tells a key that is not stored (empty) from a keychain that is locked or refused access (an exception): only
 * the first may lead an operator to mint another key.
 */
public final class Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(Keychain.class);
    private static final String SERVICE = "SovX Console";

    /**
     * How java-keyring's backends say that nothing is stored (Secret Service and macOS, KWallet). Any other
     * failure of a read is a refusal: a locked collection, a dismissed unlock prompt, access denied, D-Bus errors.
     */
    private static final List<String> ABSENT = List.of("No stored credentials match", "Password is not in wallet");
    /** Windows' backend says this for any failed read, whether nothing is stored or access was refused. */
    private static final String ABSENT_OR_REFUSED = "Password not Found";

    /** A keychain as java-keyring exposes one (its {@link Keyring}); a test gives one that answers as a locked one. */
    public interface Store {
        String getPassword(String service, String account) throws PasswordAccessException;

        void setPassword(String service, String account, String password) throws PasswordAccessException;

        void deletePassword(String service, String account) throws PasswordAccessException;
    }

    private final Store keyring;
    private final String unavailableReason;

    private Keychain(Store keyring, String unavailableReason) {
        this.keyring = keyring;
        this.unavailableReason = unavailableReason;
    }

    /** A keychain over this store. */
    public static Keychain over(Store store) {
        return new Keychain(java.util.Objects.requireNonNull(store), null);
    }

    /** Looks for the system's keychain; may touch D-Bus, so call it off the FX thread. */
    public static Keychain probe() {
        try {
            Keyring system = Keyring.create();
            return over(new Store() {
                @Override
                public String getPassword(String service, String account) throws PasswordAccessException {
                    return system.getPassword(service, account);
                }

                @Override
                public void setPassword(String service, String account, String password)
                        throws PasswordAccessException {
                    system.setPassword(service, account, password);
                }

                @Override
                public void deletePassword(String service, String account) throws PasswordAccessException {
                    system.deletePassword(service, account);
                }
            });
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("No system keychain: {}", e.getMessage());
            return new Keychain(null, "No system keychain (Secret Service, macOS Keychain or Windows Credential"
                    + " Manager) is available on this computer.");
        }
    }

    public boolean available() {
        return keyring != null;
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    public void store(String account, String secret) {
        try {
            keyring.setPassword(SERVICE, account, secret);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The keychain refused to store the key for " + account + ".", null);
        }
    }

    /**
     * The key stored for this account, or empty when none is.
     *
     * @throws KeychainRefusedException when the keychain is locked or refused access (or, where it cannot tell,
     *                                  when it may hold none)
     */
    public Optional<String> load(String account) {
        if (keyring == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            String why = String.valueOf(e.getMessage());
            if (ABSENT.stream().anyMatch(why::startsWith)) {
                return Optional.empty();
            }
            LOG.info("The keychain refused the read of {}: {}", account, why);
            throw new KeychainRefusedException(why.startsWith(ABSENT_OR_REFUSED), "key for " + account);
        } catch (RuntimeException e) { // a locked collection's dismissed prompt, D-Bus: the backends do not wrap them
            LOG.info("The keychain refused the read of {}: {}", account, e.toString());
            throw new KeychainRefusedException(false, "key for " + account);
        }
    }

    public void forget(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            LOG.debug("Nothing to forget for {}", account);
        }
    }
}
