package com.sovera.console.sandbox;

/**
 * Who is calling: the realm of the credential and the keys it opens. {@code scope} identifies the credential
 * (its hash) for rate limits and idempotency.
 */
record Principal(Realm realm, long accountPk, long customerPk, long userPk, String scope) {

    static Principal anonymous(String clientAddress) {
        return new Principal(Realm.OPEN, 0, 0, 0, Secrets.hash("ip:" + clientAddress));
    }
}
