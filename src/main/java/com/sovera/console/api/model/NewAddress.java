package com.sovera.console.api.model;

/** {@code POST /wallets/{wallet_id}/address}: the wallet's currency and a network such as bitcoin-testnet. */
public record NewAddress(String currency, String network) {
}
