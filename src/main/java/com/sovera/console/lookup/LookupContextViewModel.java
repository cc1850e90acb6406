package com.sovera.console.lookup;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.platform.KeychainRefusedException;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Whose data the lookups show: a customer and its owner key, kept in memory in the lookups' own client (apart from
 * the wizard's, so a lookup never changes whose user the wizard creates), or in the system keychain when the
 * operator opts in. FX thread only.
 */
public final class LookupContextViewModel {

    /** A key a finished onboarding minted, offered one click away. */
    public record Offer(String customerId, String ownerKey) {
        @Override
        public String toString() {
            return "Offer[" + customerId + "]";
        }
    }

    private static final String LIST_FAILED = "The customer list could not be loaded";

    public final StringProperty typedCustomer = new SimpleStringProperty("");
    public final StringProperty typedKey = new SimpleStringProperty("");
    public final BooleanProperty remember = new SimpleBooleanProperty();

    private final SovxClient lookups;
    private final SovxClient session;
    private final KeyRing keyRing;
    private final Latest customersLoad;
    private final Latest keychainRead;
    private final Latest keychainWrite;
    private final Latest keyCheck;
    private final TaskRunner runner;
    private final ObservableList<String> customers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper customerId = new ReadOnlyStringWrapper();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Offer> offer = new SimpleObjectProperty<>();
    private String ownerKey;

    /**
     * @param calls   the session's: the lookups' client, whose owner key this sets, and the account's, for the
     *                (assumed) customer list
     * @param keyRing the keys the operator chose to keep in the system keychain
     */
    public LookupContextViewModel(SessionCalls calls, KeyRing keyRing) {
        this.lookups = calls.lookups();
        this.session = calls.account();
        this.runner = calls.runner();
        this.keyRing = keyRing;
        this.customersLoad = new Latest(runner);
        this.keychainRead = new Latest(runner);
        this.keychainWrite = new Latest(runner);
        this.keyCheck = new Latest(runner);
    }

    public ObservableList<String> customers() {
        return customers;
    }

    /** The customer whose data the lookups show now; null before one is chosen. */
    public ReadOnlyStringProperty customerIdProperty() {
        return customerId.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty keychainAvailableProperty() {
        return keyRing.availableProperty();
    }

    /** Why the keychain cannot be offered, or empty. */
    public StringProperty keychainNoteProperty() {
        return keyRing.noteProperty();
    }

    /** The owner key in use for the customer in context (a support action hands it to the wizard). */
    public String ownerKey() {
        return ownerKey;
    }

    public ObjectProperty<Offer> offerProperty() {
        return offer;
    }

    /** Fills the customer list from the (assumed) {@code GET /customers}; without it the operator types the id. */
    public void loadCustomers() {
        if (session.credentials().session().isEmpty()) {
            customers.clear();
            forgetListFailure();
            return;
        }
        customersLoad.load(job -> job.execute(session.api().listCustomers(Filter.page(100, 0).asQuery())).rows(),
                rows -> {
                    customers.setAll(rows.stream().map(Customer::customerId).toList());
                    forgetListFailure();
                }, failure -> {
                    customers.clear();
                    // a server without the (assumed) list has the id typed, as documented; anything else is told
                    if (ApiException.isNotOffered(failure)) {
                        forgetListFailure();
                    } else {
                        message.set(LIST_FAILED + " (" + Problem.of(failure).title()
                                + "): type the customer id, or pick again later.");
                    }
                });
    }

    /** The message says the list failed: not any more (a message of the operator's own choice stays). */
    private void forgetListFailure() {
        if (message.get().startsWith(LIST_FAILED)) {
            message.set("");
        }
    }

    /** A customer was picked from the list: its key comes from the keychain when one is stored there. */
    public void picked(String id) {
        if (id == null || !keyRing.availableProperty().get()) {
            return;
        }
        keychainRead.load(job -> keyRing.load(id), (Optional<String> stored) -> stored.filter(k ->
                        id.equals(typedCustomer.get())).ifPresent(k -> use(id, k)), // still the customer asked for
                failure -> message.set(failure instanceof KeychainRefusedException refused // locked: says so
                        ? refused.getMessage() + " " + refused.recovery() : "The keychain could not be read."));
    }

    /** Uses what the operator typed. */
    public void useTyped() {
        use(typedCustomer.get() == null ? "" : typedCustomer.get().strip(), typedKey.get());
    }

    /** Offers the key a just-finished onboarding minted. */
    public void offer(String id, String ownerKey) {
        offer.set(new Offer(id, ownerKey));
    }

    /**
     * Looks up this customer's data with its key, once the server took the key (one read; a server without the
     * assumed user list takes it unchecked). A refused key is dropped and said so, with the server's words; the
     * screens keep the customer they showed. The key stays in memory (and the keychain if opted in).
     */
    public void use(String id, String ownerKey) {
        if (id == null || id.isEmpty() || ownerKey == null || ownerKey.isBlank()) {
            message.set("Enter the customer id and paste its owner key.");
            return;
        }
        keychainRead.cancel(); // a keychain answer for a customer picked before must not undo this choice
        keychainWrite.cancel();
        String key = ownerKey.strip();
        // the pasted key stays in its field until the server took it or refused it: a timeout keeps it to retry
        message.set("Checking the key of " + id + "...");
        keyCheck.load(job -> {
            SovxClient checker = lookups.derive();
            checker.credentials().useOwnerKey(key);
            try {
                job.execute(checker.api().listUsers(Filter.page(1, 0).asQuery()));
            } catch (ApiException e) {
                if (!e.isNotOffered()) {
                    throw e;
                }
            }
            return key;
        }, accepted -> accept(id, accepted), failure -> {
            if (failure instanceof ApiException e && e.httpStatus() == 401) {
                if (key.equals(typedKey.get() == null ? null : typedKey.get().strip())) {
                    typedKey.set(""); // a refused key is dropped
                }
                typedCustomer.set(id);
                message.set("This key was refused: " + e.serverMessage()
                        + (e.traceId() == null ? "" : " (trace id " + e.traceId() + ")")
                        + ". Paste the customer's current key.");
            } else {
                Problem p = Problem.of(failure);
                message.set("The key of " + id + " could not be checked (" + p.title() + ": " + p.message()
                        + "). Try again.");
            }
        });
    }

    /**
     * Looks up this customer's data with a key the server itself just gave (minted in this session, rotated in, or
     * the embedded sandbox's demo key): nothing to check, and no extra call before the screens' own.
     */
    public void useKnown(String id, String key) {
        keychainRead.cancel();
        keychainWrite.cancel();
        keyCheck.cancel();
        accept(id, key);
    }

    private void accept(String id, String key) {
        this.ownerKey = key;
        lookups.credentials().useOwnerKey(key);
        if (offer.get() != null && offer.get().customerId().equals(id)) {
            offer.set(null);
        }
        typedCustomer.set(id);
        typedKey.set("");
        message.set("Looking up " + id + ".");
        if (remember.get() && keyRing.availableProperty().get()) {
            // latest wins: the answer for this customer never lands over another's message
            keychainWrite.load(job -> {
                keyRing.store(id, key);
                return true;
            }, stored -> message.set("Looking up " + id + "; its key is in the system keychain."),
                    failure -> message.set("Looking up " + id + "; the keychain did not take the key."));
        }
        customerId.set(id);
    }

    /** True while a key is in use here or pasted and not yet used: an idle sign-out is due for it too. */
    public boolean holdsKey() {
        return ownerKey != null || !typedKey.get().isBlank();
    }

    /** Sign-out: the key leaves memory, the lists their rows. */
    public void forget() {
        customersLoad.cancel();
        keychainRead.cancel();
        keychainWrite.cancel();
        keyCheck.cancel();
        lookups.credentials().useOwnerKey(null);
        ownerKey = null;
        typedKey.set("");
        offer.set(null);
        customers.clear();
        customerId.set(null);
        message.set("");
    }

    /** The server refused the key in use (revoked since, say): it is dropped, and the message says so. */
    public void refused(String said) {
        if (ownerKey == null) {
            return;
        }
        lookups.credentials().useOwnerKey(null);
        ownerKey = null;
        typedCustomer.set(customerId.get() == null ? "" : customerId.get());
        customerId.set(null);
        message.set(said);
    }

    /** A key of this customer was revoked (its last four): if it is the one in use, the lookups stop using it. */
    public void revoked(String id, String lastFour) {
        if (id.equals(customerId.get()) && ownerKey != null && lastFour != null && ownerKey.endsWith(lastFour)) {
            lookups.credentials().useOwnerKey(null);
            ownerKey = null;
            customerId.set(null);
            offer.set(null);
            message.set("The key in use for " + id + " was revoked: paste a new one.");
        }
    }
}
