package com.sovera.console.api.model;

/**
 * (assumed, sandbox only) {@code POST /sandbox/deposits}: a simulated deposit of {@code amount} (a decimal string,
 * never a JSON number) to one of the customer's addresses.
 */
public record NewDeposit(String address, String amount) {
}
