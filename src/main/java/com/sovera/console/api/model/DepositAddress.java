package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.time.Instant;

/** An on-chain address that receives deposits into a wallet. */
public record DepositAddress(@Json(name = "address_id") String addressId,
                             @Json(name = "wallet_id") String walletId,
                             String currency,
                             String network,
                             @Required String address,
                             @Json(name = "created_at") Instant createdAt) {
}
