package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * (assumed) A movement of funds into a wallet: today only {@code DEPOSIT}. {@code PENDING} until its
 * {@code confirmations} reach {@code required_confirmations}, then {@code COMPLETED}; the amount is exact.
 */
public record Transaction(@Required @Json(name = "transaction_id") String transactionId,
                          @Json(name = "wallet_id") String walletId,
                          String address,
                          String currency,
                          String network,
                          String direction,
                          @Required BigDecimal amount,
                          @Json(name = "tx_hash") String txHash,
                          Long confirmations,
                          @Json(name = "required_confirmations") Integer requiredConfirmations,
                          @Required Status status,
                          @Json(name = "created_at") Instant createdAt,
                          @Json(name = "updated_at") Instant updatedAt) {

    public static final String DEPOSIT = "DEPOSIT";

    /** True once the deposit has its confirmations and counts in the wallet's balance. */
    public boolean isCompleted() {
        return status.is(Status.COMPLETED);
    }
}
