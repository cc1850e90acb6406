package com.sovera.console.onboarding;

/** The seven steps of the vendor guide's path, in order. */
public enum Step {
    CONNECTIVITY("Connectivity", "Check connection"),
    LOGIN("Login", "Sign in"),
    CUSTOMER("Customer", "Create customer"),
    CREDENTIALS("API credentials", "Mint owner key"),
    USER("User", "Create user"),
    WALLET("Wallet", "Create wallet"),
    ADDRESS("Deposit address", "Generate address");

    private final String title;
    private final String action;

    Step(String title, String action) {
        this.title = title;
        this.action = action;
    }

    public String title() {
        return title;
    }

    public String action() {
        return action;
    }
}
