package com.sovera.console.bulk;

import com.squareup.moshi.Json;

/**
 * One line of a run's journal after its header: an idempotency key chosen (written before its create is sent),
 * an object obtained, a failure, or the end. {@code wallet} is the index of the row's wallet, null for the user.
 */
public record RunEvent(String kind,
                       Integer row,
                       Integer wallet,
                       String key,
                       String id,
                       Boolean existed,
                       String address,
                       @Json(name = "payment_uri") String paymentUri,
                       String code,
                       String message,
                       @Json(name = "trace_id") String traceId,
                       long at) {

    static final String USER_KEY = "user_key";
    static final String USER = "user";
    static final String WALLET_KEY = "wallet_key";
    static final String WALLET = "wallet";
    static final String ADDRESS_KEY = "address_key";
    static final String ADDRESS = "address";
    static final String FAILED = "failed";
    static final String FINISHED = "finished";

    static RunEvent key(String kind, int row, Integer wallet, String key, long at) {
        return new RunEvent(kind, row, wallet, key, null, null, null, null, null, null, null, at);
    }

    static RunEvent got(String kind, int row, Integer wallet, String id, boolean existed, long at) {
        return new RunEvent(kind, row, wallet, null, id, existed, null, null, null, null, null, at);
    }

    static RunEvent address(int row, int wallet, String id, boolean existed, String address, String paymentUri,
                            long at) {
        return new RunEvent(ADDRESS, row, wallet, null, id, existed, address, paymentUri, null, null, null, at);
    }

    static RunEvent failed(int row, Integer wallet, Failure failure, long at) {
        return new RunEvent(FAILED, row, wallet, null, null, null, null, null, failure.code(), failure.message(),
                failure.traceId(), at);
    }

    static RunEvent finished(long at) {
        return new RunEvent(FINISHED, null, null, null, null, null, null, null, null, null, null, at);
    }
}
