package com.sovera.console.onboarding;

/**
 * What an onboarding has typed and earned so far, journaled after every step: inputs, ids, and the
 * idempotency key of each create (written before the create is sent). Never a password, token or secret.
 */
public final class Progress {

    /** The environment's id: an onboarding resumes only where it began. */
    public String environment;
    public int step;
    public boolean finished;

    public String customerEmail;
    public String customerId;
    public String entityName;
    public String customerKey;
    public boolean customerCreated;

    public String credentialsKey;
    public boolean keyMinted;

    public String userType;
    public String userEmail;
    public String firstName;
    public String lastName;
    public String phone;
    public String dateOfBirth;
    public String country;
    public String userKey;
    public String userId;

    public String walletName;
    public String walletCurrency;
    public String walletKey;
    public String walletId;

    public String network;
    public String addressKey;
    public String addressId;
    public String address;
}
