package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.time.Instant;

/** A customer's end user. The create answer carries only id, email, type, status and created_at. */
public record User(@Required @Json(name = "user_id") String userId,
                   String email,
                   @Json(name = "user_type") String userType,
                   Status status,
                   @Json(name = "first_name") String firstName,
                   @Json(name = "last_name") String lastName,
                   String phone,
                   @Json(name = "date_of_birth") String dateOfBirth,
                   String country,
                   @Json(name = "created_at") Instant createdAt,
                   @Json(name = "updated_at") Instant updatedAt) {
}
