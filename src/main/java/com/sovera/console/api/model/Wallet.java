package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A user's wallet. {@code balance} (the sum of its completed deposits) and {@code pending_balance} (assumed: the
 * sum of those still awaiting confirmations; absent from a server that does not report it) are exact decimals,
 * sent as strings on the wire.
 */
public record Wallet(@Required @Json(name = "wallet_id") String walletId,
                    @Json(name = "user_id") String userId,
                    String name,
                    String currency,
                    Status status,
                    BigDecimal balance,
                    @Json(name = "pending_balance") BigDecimal pendingBalance,
                    @Json(name = "created_at") Instant createdAt,
                    @Json(name = "updated_at") Instant updatedAt) {
}
