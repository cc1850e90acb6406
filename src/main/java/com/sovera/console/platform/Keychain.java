package com.sovera.console.platform;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keychain, where an operator may choose to keep customers' owner keys between
 * sessions: never a plain file. On a computer without one, {@link #available()} is false and says why.
 */
public final class Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(Keychain.class);
    private static final String SERVICE = "SovX Console";

    private final Keyring keyring;
    private final String unavailableReason;

    private Keychain(Keyring keyring, String unavailableReason) {
        this.keyring = keyring;
        this.unavailableReason = unavailableReason;
    }

    /** Looks for the system's keychain; may touch D-Bus, so call it off the FX thread. */
    public static Keychain probe() {
        try {
            return new Keychain(Keyring.create(), null);
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

    public Optional<String> load(String account) {
        if (keyring == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            return Optional.empty();
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
