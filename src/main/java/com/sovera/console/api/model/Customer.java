package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.time.Instant;

/** A customer of the signed-in account. */
public record Customer(String email,
                       @Required @Json(name = "customer_id") String customerId,
                       @Json(name = "entity_name") String entityName,
                       @Json(name = "created_at") Instant createdAt,
                       @Json(name = "updated_at") Instant updatedAt) {
}
