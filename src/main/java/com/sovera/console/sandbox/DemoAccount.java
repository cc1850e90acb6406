package com.sovera.console.sandbox;

/**
 * The sandbox's demo sign-in and customer, for the login screen and the README. The owner key is minted anew
 * at every start (only its hash is stored), so it lives in this process's memory only.
 */
public record DemoAccount(String email, String password, String customerId, String ownerKey) {

    public static final String EMAIL = "operator@sandbox.sovx.test";
    public static final String PASSWORD = "sandbox-demo";
    public static final String CUSTOMER_ID = "demo-customer";

    @Override
    public String toString() {
        return "DemoAccount[email=" + email + ", password=<redacted>, customerId=" + customerId
                + ", ownerKey=<redacted>]";
    }
}
