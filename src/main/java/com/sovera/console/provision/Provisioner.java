package com.sovera.console.provision;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Every write the console makes to SovX, whoever asks for it (the wizard, a lookup's action, a bulk run): sent
 * with the idempotency key the caller journaled, only once that journal is on disk; after a conflict, the
 * existing object is looked up and adopted when it is the one asked for. Blocking: call it from a worker.
 */
public final class Provisioner {

    /** What a write gave: the object, and whether it existed already (found after a conflict, not created). */
    public record Outcome<T>(T value, boolean existed) {
    }

    /** The caller's journal of idempotency keys: a write is sent only once its key is written. */
    @FunctionalInterface
    public interface KeyJournal {
        void awaitWritten() throws Exception;

        KeyJournal NONE = () -> { };
    }

    /** Which existing user a conflict on the e-mail adopts. */
    public enum SameUser {
        /** The same e-mail and the same first and last name: the wizard's own earlier attempt. */
        SAME_PERSON,
        /** The same e-mail: a bulk row whose user the customer already has is reused. */
        SAME_EMAIL
    }

    /** Told of each object adopted after a conflict: the audit trail records it as reused. */
    @FunctionalInterface
    public interface Adoptions {
        /** {@code action} as the trail names it ({@code customer.create}, {@code user.create}); the object's ids. */
        void adopted(String action, Map<String, String> ids);

        Adoptions NONE = (action, ids) -> { };
    }

    private final SovxApi api;
    private final KeyJournal journal;
    private final Adoptions adoptions;

    public Provisioner(SovxApi api, KeyJournal journal) {
        this(api, journal, Adoptions.NONE);
    }

    public Provisioner(SovxApi api, KeyJournal journal, Adoptions adoptions) {
        this.api = api;
        this.journal = journal;
        this.adoptions = adoptions;
    }

    public Outcome<Customer> customer(NewCustomer body, String key) throws Exception {
        Outcome<Customer> got = adoptOnConflict(() -> api.createCustomer(body, key).execute(), () -> {
            Customer existing = api.getCustomer(body.customerId()).execute();
            return body.email().equalsIgnoreCase(existing.email()) && body.entityName().equals(existing.entityName())
                    ? existing : null;
        });
        if (got.existed()) {
            adoptions.adopted("customer.create", Map.of("customer_id", got.value().customerId()));
        }
        return got;
    }

    /** Mints another owner key for the customer: the secret is in this answer only. */
    public CustomerCredentials ownerKey(String customerId, String key) throws Exception {
        journal.awaitWritten();
        return api.createCredentials(customerId, key).execute();
    }

    public Outcome<User> user(NewUser body, String key, SameUser same) throws Exception {
        Outcome<User> got = adoptOnConflict(() -> api.createUser(body, key).execute(), () -> existingUser(body.email())
                .filter(u -> same == SameUser.SAME_EMAIL || (body.firstName().equals(u.firstName())
                        && body.lastName().equals(u.lastName()))).orElse(null));
        if (got.existed()) {
            adoptions.adopted("user.create", Map.of("user_id", got.value().userId()));
        }
        return got;
    }

    /** The customer's user with this e-mail (the server compares it as the contract says), if any. */
    public Optional<User> existingUser(String email) {
        return api.listUsers(Filter.none().where("email", email).asQuery()).execute().rows().stream()
                .filter(u -> email.equalsIgnoreCase(u.email())).findFirst();
    }

    public Wallet wallet(String userId, NewWallet body, String key) throws Exception {
        journal.awaitWritten();
        return api.createWallet(userId, body, key).execute();
    }

    public DepositAddress address(String walletId, NewAddress body, String key) throws Exception {
        journal.awaitWritten();
        return api.createAddress(walletId, body, key).execute();
    }

    /**
     * A create whose answer was lost may have happened: on a conflict, look the object up by its natural key and
     * adopt it when it is the one asked for.
     */
    private <T> Outcome<T> adoptOnConflict(Callable<T> create, Callable<T> lookup) throws Exception {
        journal.awaitWritten();
        try {
            return new Outcome<>(create.call(), false);
        } catch (ApiException e) {
            if (e.httpStatus() == 409) {
                T existing;
                try {
                    existing = lookup.call();
                } catch (ApiException lookupFailed) {
                    throw e; // a server without the (assumed) lookup: the conflict is the answer to show
                }
                if (existing != null) {
                    return new Outcome<>(existing, true);
                }
            }
            throw e;
        }
    }

    /**
     * The idempotency key for a create of these values: the stored one while the values are unchanged, a new one
     * when they changed (a key reused with another body is refused by the server).
     */
    public static String key(String stored, String values) {
        String fingerprint = UUID.nameUUIDFromBytes(values.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        if (stored != null && stored.startsWith(fingerprint + "-")) {
            return stored;
        }
        return fingerprint + "-" + UUID.randomUUID();
    }
}
