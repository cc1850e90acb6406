package com.sovera.console.api.model;

/** {@code POST /users/{user_id}/wallets}: currency BTC, ETH or USDC. */
public record NewWallet(String name, String currency) {
}
