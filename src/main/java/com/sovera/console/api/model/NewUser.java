package com.sovera.console.api.model;

import com.squareup.moshi.Json;

/** {@code POST /users}. Date of birth as {@code YYYY-MM-DD}, phone in E.164, country ISO 3166-1 alpha-2. */
public record NewUser(@Json(name = "user_type") String userType,
                      String email,
                      @Json(name = "first_name") String firstName,
                      @Json(name = "last_name") String lastName,
                      String phone,
                      @Json(name = "date_of_birth") String dateOfBirth,
                      String country) {
}
