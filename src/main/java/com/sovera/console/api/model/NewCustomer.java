package com.sovera.console.api.model;

import com.squareup.moshi.Json;

/** {@code POST /customers}. */
public record NewCustomer(String email, @Json(name = "customer_id") String customerId,
                          @Json(name = "entity_name") String entityName) {
}
