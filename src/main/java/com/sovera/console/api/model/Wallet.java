package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/** A user's wallet; the balance is an exact decimal, sent as a string on the wire. */
public record Wallet(@Required @Json(name = "wallet_id") String walletId,
                    @Json(name = "user_id") String userId,
                    String name,
                    String currency,
                    Status status,
                    BigDecimal balance,
                    @Json(name = "created_at") Instant createdAt,
                    @Json(name = "updated_at") Instant updatedAt) {
}
