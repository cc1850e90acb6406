package com.sovera.console.onboarding;

import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;

/**
 * What an onboarding has typed and earned so far, journaled as it goes: inputs, the idempotency key of each create
 * (written before the create is sent), and the ids created. Immutable: every change is a new value. Never a
 * password, token or secret.
 *
 * @param environment the environment's id: an onboarding resumes only where it began
 * @param step        the furthest step reached (ordinal)
 */
public record Progress(String environment, int step, boolean finished, Customer customer, Credentials credentials,
                       User user, Wallet wallet, Address address) {

    /**
     * The customer's inputs, its create's key, and whether it exists; {@code reused} when the operator chose an
     * existing one (nothing was created).
     */
    public record Customer(String email, String customerId, String entityName, String key, boolean created,
                           Boolean reused) {
        public Customer(String email, String customerId, String entityName, String key, boolean created) {
            this(email, customerId, entityName, key, created, false);
        }

        NewCustomer body() {
            return new NewCustomer(email, customerId, entityName);
        }

        public boolean wasReused() {
            return Boolean.TRUE.equals(reused);
        }
    }

    /** The key of the last mint, and whether that mint answered (its secret is never kept). */
    public record Credentials(String key, boolean minted) {
    }

    public record User(String userType, String email, String firstName, String lastName, String phone,
                       String dateOfBirth, String country, String key, String userId, Boolean reused) {
        public User(String userType, String email, String firstName, String lastName, String phone,
                    String dateOfBirth, String country, String key, String userId) {
            this(userType, email, firstName, lastName, phone, dateOfBirth, country, key, userId, false);
        }

        NewUser body() {
            return new NewUser(userType, email, firstName, lastName, phone, dateOfBirth, country);
        }

        public boolean wasReused() {
            return Boolean.TRUE.equals(reused);
        }
    }

    public record Wallet(String name, String currency, String key, String walletId, Boolean reused) {
        public Wallet(String name, String currency, String key, String walletId) {
            this(name, currency, key, walletId, false);
        }

        public boolean wasReused() {
            return Boolean.TRUE.equals(reused);
        }
    }

    public record Address(String network, String key, String addressId, String address) {
    }

    /** Nothing typed, nothing earned, in this environment. */
    public static Progress start(String environment) {
        return new Progress(environment, 0, false, null, null, null, null, null);
    }

    public Progress atLeast(Step reached) {
        return new Progress(environment, Math.max(step, reached.ordinal()), finished, customer, credentials, user,
                wallet, address);
    }

    public Progress with(Customer value) {
        return new Progress(environment, step, finished, value, credentials, user, wallet, address);
    }

    public Progress with(Credentials value) {
        return new Progress(environment, step, finished, customer, value, user, wallet, address);
    }

    public Progress with(User value) {
        return new Progress(environment, step, finished, customer, credentials, value, wallet, address);
    }

    public Progress with(Wallet value) {
        return new Progress(environment, step, finished, customer, credentials, user, value, address);
    }

    public Progress with(Address value) {
        return new Progress(environment, step, finished, customer, credentials, user, wallet, value);
    }

    public Progress finished(boolean value) {
        return new Progress(environment, step, value, customer, credentials, user, wallet, address);
    }

    public Progress in(String environmentId) {
        return new Progress(environmentId, step, finished, customer, credentials, user, wallet, address);
    }

    public boolean customerCreated() {
        return customer != null && customer.created();
    }

    public boolean keyMinted() {
        return credentials != null && credentials.minted();
    }

    public String customerId() {
        return customer == null ? null : customer.customerId();
    }

    public String userId() {
        return user == null ? null : user.userId();
    }

    public String walletId() {
        return wallet == null ? null : wallet.walletId();
    }

    public String depositAddress() {
        return address == null ? null : address.address();
    }

    /** True when something was typed or earned: only then is an interrupted onboarding worth offering. */
    public boolean hasAnything() {
        return customer != null || user != null || wallet != null;
    }
}
