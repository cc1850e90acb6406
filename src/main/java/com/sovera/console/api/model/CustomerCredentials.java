package com.sovera.console.api.model;

import com.squareup.moshi.Json;

/**
 * A freshly minted owner key. The secret is shown once by the server: never log or store it. {@code keyId}
 * (assumed) names the key in the list and for revocation; a server that does not offer those leaves it null.
 */
public record CustomerCredentials(@Required @Json(name = "customer_id") String customerId,
                                  @Required @Json(name = "customer_secret") String customerSecret,
                                  @Json(name = "key_id") String keyId) {

    /** A key as the guide shows it, without an id. */
    public CustomerCredentials(String customerId, String customerSecret) {
        this(customerId, customerSecret, null);
    }

    @Override
    public String toString() {
        return "CustomerCredentials[customerId=" + customerId + ", customerSecret=<redacted>, keyId=" + keyId + "]";
    }
}
