package com.sovera.console.sandbox;

/**
 * Who is calling: the realm of the credential and the keys it opens. {@code scope} identifies the credential
 * (its hash) for rate limits and idempotency.
 */
record Principal(Realm realm, long accountPk, long customerPk, long userPk, String scope) {

    static Principal anonymous(String clientAddress) {
        return new Principal(Realm.OPEN, 0, 0, 0, Secrets.hash("ip:" + clientAddress));
    }

    /**
     * Whose idempotency keys these are: the customer for any of its owner keys, the account for any of its
     * sessions. So a console that lost its key in a crash and minted another still finds its earlier answers.
     */
    String idempotencyScope() {
        String owner = switch (realm) {
            case OWNER_KEY -> "customer:" + customerPk;
            case SESSION -> "account:" + accountPk;
            case USER -> "user:" + userPk;
            case OPEN -> "open:" + scope;
        };
        return Secrets.hash(owner);
    }
}
