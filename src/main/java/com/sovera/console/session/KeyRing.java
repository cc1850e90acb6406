package com.sovera.console.session;

import com.sovera.console.platform.Keychain;
import com.sovera.console.platform.KeychainRefusedException;
import com.sovera.console.policy.Policy;
import com.sovera.console.ui.task.TaskRunner;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The system keychain as the screens use it: owner keys the operator chose to remember, per environment and
 * customer, never in a plain file. Found once, off the FX thread; every read and write is blocking and belongs
 * inside work handed to the task runner. Where the administrator's policy forbids the keychain, it is never looked
 * for: nothing is read from it or stored in it, and the screens say why.
 */
public final class KeyRing {

    /** What the screens say where the policy forbids the keychain. */
    public static final String FORBIDDEN = "Your administrator does not allow keeping owner keys in the system"
            + " keychain: a key pasted here is kept in memory only, until you sign out.";

    private final String scope;
    private final boolean forbidden;
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final StringProperty note = new SimpleStringProperty("Looking for the system keychain...");
    private volatile Keychain keychain;

    /**
     * @param scope  the environment's id: a key is remembered for one environment's customer
     * @param prober finds the system keychain (it may touch D-Bus)
     * @param policy the administrator's policy: {@code keychain_allowed: false} leaves the keychain untouched
     */
    public KeyRing(String scope, Callable<Keychain> prober, TaskRunner runner, Policy policy) {
        this.scope = scope;
        this.forbidden = !policy.keychainAllowed().orElse(true);
        if (forbidden) {
            note.set(FORBIDDEN);
            return;
        }
        runner.run(prober, found -> {
            keychain = found;
            available.set(found.available());
            note.set(found.available() ? "" : found.unavailableReason());
        }, failure -> note.set("The system keychain could not be reached."));
    }

    /** True once a keychain was found. FX thread. */
    public BooleanProperty availableProperty() {
        return available;
    }

    /** Why there is no keychain, or empty. FX thread. */
    public StringProperty noteProperty() {
        return note;
    }

    /**
     * The key remembered for this customer, or empty when none is. Blocking.
     *
     * @throws KeychainRefusedException naming the customer, when the keychain is locked or refused access
     */
    public Optional<String> load(String customerId) {
        Keychain k = keychain;
        if (k == null || !k.available()) {
            return Optional.empty();
        }
        try {
            return k.load(account(customerId));
        } catch (KeychainRefusedException e) {
            throw e.about("owner key for " + customerId + " in this environment");
        }
    }

    /** Remembers the key for this customer. Blocking. */
    public void store(String customerId, String ownerKey) {
        Keychain k = keychain;
        if (forbidden) {
            throw new IllegalStateException(FORBIDDEN);
        }
        if (k == null || !k.available()) {
            throw new IllegalStateException("No system keychain is available.");
        }
        k.store(account(customerId), ownerKey);
    }

    /** Forgets the key remembered for this customer (a revoked key), if any. Blocking. */
    public void forget(String customerId) {
        Keychain k = keychain;
        if (k != null && k.available()) {
            k.forget(account(customerId));
        }
    }

    private String account(String customerId) {
        return scope + ":" + customerId;
    }
}
