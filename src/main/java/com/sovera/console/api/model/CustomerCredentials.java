package com.sovera.console.api.model;

import com.squareup.moshi.Json;

/** A freshly minted owner key. The secret is shown once by the server: never log or store it. */
public record CustomerCredentials(@Required @Json(name = "customer_id") String customerId,
                                  @Required @Json(name = "customer_secret") String customerSecret) {

    @Override
    public String toString() {
        return "CustomerCredentials[customerId=" + customerId + ", customerSecret=<redacted>]";
    }
}
