package com.sovera.console.api;

import com.sovera.console.api.Audience.Creates;
import com.sovera.console.api.Audience.Requires;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.MinedBlocks;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewBlocks;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewDeposit;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import java.util.Map;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/**
 * Every endpoint of the SovX contract ({@code docs/sovx-api.md}, and {@code docs/openapi.yaml}), relative to {@code {origin}/sovx/v1/}.
 * Methods marked (assumed) are the contract's additions to the vendor guide: a real server may answer them 404
 * or 405. The client attaches credentials by {@link Requires}; {@link Creates} methods always carry an
 * {@code Idempotency-Key}: pass one to make a retry after a restart safe, or null for a fresh one.
 * List methods take {@link Filter#asQuery()}.
 */
public interface SovxApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @GET("health")
    @Requires(Audience.NONE)
    ApiCall<Health> health();

    @POST("auth/login")
    @Requires(Audience.NONE)
    @Audience.SignsInOrOut
    ApiCall<Session> login(@Body LoginRequest credentials);

    /** (assumed) Ends the session at once. */
    @POST("auth/logout")
    @Requires(Audience.SESSION)
    @Audience.SignsInOrOut
    ApiCall<Void> logout();

    /**
     * (assumed) Ends a session given by its {@code Authorization} value: a sign-out drops the session from memory
     * first and tells the server afterwards, however long the server takes.
     */
    @POST("auth/logout")
    @Requires(Audience.NONE)
    @Audience.SignsInOrOut
    ApiCall<Void> endSession(@Header("Authorization") String bearer);

    @POST("customers")
    @Requires(Audience.SESSION)
    @Creates
    ApiCall<Customer> createCustomer(@Body NewCustomer customer, @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) where: customer_id, email, entity_name; sort: created_at, customer_id, entity_name. */
    @GET("customers")
    @Requires(Audience.SESSION)
    ApiCall<Page<Customer>> listCustomers(@QueryMap Map<String, String> filter);

    /** (assumed) */
    @GET("customers/{customer_id}")
    @Requires(Audience.SESSION)
    ApiCall<Customer> getCustomer(@Path("customer_id") String customerId);

    /** Mints a new, additional owner key; the secret is in this answer only. */
    @POST("customers/{customer_id}/credentials")
    @Requires(Audience.SESSION)
    @Creates
    ApiCall<CustomerCredentials> createCredentials(@Path("customer_id") String customerId,
                                                   @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /**
     * (assumed) The customer's owner keys, never their secrets; sort: created_at. A server without it answers
     * 404 or 405, raised as an {@link ApiException} with that status.
     */
    @GET("customers/{customer_id}/credentials")
    @Requires(Audience.SESSION)
    ApiCall<Page<OwnerKey>> listCredentials(@Path("customer_id") String customerId,
                                            @QueryMap Map<String, String> filter);

    /**
     * (assumed) Revokes an owner key at once: from then on it is refused everywhere. Revoking again answers the
     * same record; a key of another customer is 404.
     */
    @DELETE("customers/{customer_id}/credentials/{key_id}")
    @Requires(Audience.SESSION)
    ApiCall<OwnerKey> revokeCredential(@Path("customer_id") String customerId, @Path("key_id") String keyId);

    @POST("users")
    @Requires(Audience.OWNER_KEY)
    @Creates
    ApiCall<User> createUser(@Body NewUser user, @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) where: email, status, user_type, country, first_name, last_name; sort: created_at, email, last_name, status. */
    @GET("users")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<User>> listUsers(@QueryMap Map<String, String> filter);

    /** (assumed) */
    @GET("users/{user_id}")
    @Requires(Audience.OWNER_KEY)
    ApiCall<User> getUser(@Path("user_id") String userId);

    @POST("users/{user_id}/wallets")
    @Requires(Audience.OWNER_KEY)
    @Creates
    ApiCall<Wallet> createWallet(@Path("user_id") String userId, @Body NewWallet wallet,
                                 @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) where: user_id, currency, status, name; sort: created_at, name, currency. */
    @GET("users/{user_id}/wallets")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<Wallet>> listUserWallets(@Path("user_id") String userId, @QueryMap Map<String, String> filter);

    /** (assumed) where: user_id, currency, status, name; sort: created_at, name, currency. */
    @GET("wallets")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<Wallet>> listWallets(@QueryMap Map<String, String> filter);

    /** (assumed) */
    @GET("wallets/{wallet_id}")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Wallet> getWallet(@Path("wallet_id") String walletId);

    @POST("wallets/{wallet_id}/address")
    @Requires(Audience.OWNER_KEY)
    @Creates
    ApiCall<DepositAddress> createAddress(@Path("wallet_id") String walletId, @Body NewAddress address,
                                          @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) sort: created_at. */
    @GET("wallets/{wallet_id}/addresses")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<DepositAddress>> listWalletAddresses(@Path("wallet_id") String walletId,
                                                      @QueryMap Map<String, String> filter);

    /** (assumed) where: address, wallet_id, network, currency; sort: created_at. */
    @GET("addresses")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<DepositAddress>> listAddresses(@QueryMap Map<String, String> filter);

    /**
     * (assumed) A wallet's deposits. where: tx_hash, address, wallet_id, status, currency; sort: created_at, amount.
     * A server that does not report transactions answers 404 or 405: {@link ApiException#isNotOffered()}.
     */
    @GET("wallets/{wallet_id}/transactions")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<Transaction>> listWalletTransactions(@Path("wallet_id") String walletId,
                                                      @QueryMap Map<String, String> filter);

    /** (assumed) The customer's deposits, for support lookups; the same filters and sorts. */
    @GET("transactions")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Page<Transaction>> listTransactions(@QueryMap Map<String, String> filter);

    /** (assumed) One transaction, with its confirmations now. */
    @GET("transactions/{transaction_id}")
    @Requires(Audience.OWNER_KEY)
    ApiCall<Transaction> getTransaction(@Path("transaction_id") String transactionId);

    /**
     * (assumed, sandbox only) Simulates a deposit to one of the customer's addresses: PENDING, 0 confirmations.
     * Any other server answers 404 or 405 ({@link ApiException#isNotOffered()}).
     */
    @POST("sandbox/deposits")
    @Requires(Audience.OWNER_KEY)
    @Creates
    ApiCall<Transaction> simulateDeposit(@Body NewDeposit deposit, @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /**
     * (assumed, sandbox only) Mines 1..1000 simulated blocks at once; with a key, a retry never mines twice.
     * Any other server answers 404 or 405.
     */
    @POST("sandbox/blocks")
    @Requires(Audience.OWNER_KEY)
    @Creates
    ApiCall<MinedBlocks> mineBlocks(@Body NewBlocks blocks, @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) A token for one user, for the SX Users endpoints. */
    @POST("customers/{customer_id}/users/{user_id}/token")
    @Requires(Audience.SESSION)
    @Creates
    ApiCall<Session> createUserToken(@Path("customer_id") String customerId, @Path("user_id") String userId,
                                     @Header(IDEMPOTENCY_KEY) String idempotencyKey);

    /** (assumed) The user of the user token. */
    @GET("me")
    @Requires(Audience.USER_TOKEN)
    ApiCall<User> me();

    /** (assumed) */
    @GET("me/wallets")
    @Requires(Audience.USER_TOKEN)
    ApiCall<Page<Wallet>> myWallets(@QueryMap Map<String, String> filter);
}
