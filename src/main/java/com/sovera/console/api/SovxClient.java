package com.sovera.console.api;

import com.squareup.moshi.Moshi;
import com.sovera.console.api.model.Json;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The console's connection to one SovX environment: the typed {@link SovxApi}, the session's
 * {@link Credentials}, retries and redacted wire logging. Close it when the window closes, so the JVM can exit.
 */
public final class SovxClient implements AutoCloseable {

    private static final Logger WIRE = LoggerFactory.getLogger("com.sovera.console.api.wire");

    private final HttpUrl baseUrl;
    private final OkHttpClient transport;
    private final OkHttpClient http;
    private final RetryInterceptor retry;
    private final ActivityInterceptor activity;
    private final SovxApi api;
    private final Credentials credentials;
    private final Redactor redactor;
    private final HttpLoggingInterceptor logging;
    /** Paces this client's requests by the server's rate-limit headers; null for none. */
    private final RateLimitPacer pacer;
    /** Records each write in the audit trail, and refuses one it cannot record; null for none. */
    private final okhttp3.Interceptor audit;
    /** Refuses every write before it is sent (a lookups desk); null where writes are allowed. */
    private final okhttp3.Interceptor writeRefusal;
    /** The rate limit the last answer named, for a watch to pace its own polls by; null on other clients. */
    private final java.util.concurrent.atomic.AtomicReference<RateLimit> lastRateLimit;

    private SovxClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.redactor = Redactor.forProcess();
        this.credentials = new Credentials(redactor, new java.util.concurrent.atomic.AtomicReference<>());
        this.logging = new HttpLoggingInterceptor(line -> {
            if (WIRE.isDebugEnabled()) { // redacting costs a scan of the line: only for lines that are kept
                WIRE.debug(redactor.redact(line));
            }
        });
        logging.redactHeader("Authorization");
        logging.redactHeader("x-api-key");
        setWireLog(b.wireLog);
        OkHttpClient.Builder okhttp = new OkHttpClient.Builder();
        if (b.socketFactory != null) {
            okhttp.socketFactory(b.socketFactory);
        }
        b.observers.forEach(okhttp::addNetworkInterceptor);
        this.transport = okhttp
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .retryOnConnectionFailure(false) // RetryInterceptor decides what is safe to repeat
                .build();
        this.retry = new RetryInterceptor(b.retryPolicy);
        this.activity = new ActivityInterceptor(b.activity);
        this.pacer = b.pacer;
        this.audit = b.audit;
        this.writeRefusal = b.writeRefusal;
        this.lastRateLimit = null;
        this.http = withCredentials(transport, credentials);
        this.api = api(baseUrl, http);
    }

    /** A client of the same server over the same connections and session, with an owner key of its own. */
    private SovxClient(SovxClient parent, RateLimitPacer pacer) {
        this(parent, pacer, parent.activity, null);
    }

    private SovxClient(SovxClient parent, RateLimitPacer pacer, ActivityInterceptor activity,
                       java.util.concurrent.atomic.AtomicReference<RateLimit> lastRateLimit) {
        this.baseUrl = parent.baseUrl;
        this.redactor = parent.redactor;
        this.credentials = new Credentials(redactor, parent.credentials.sessionSlot());
        this.logging = parent.logging;
        this.transport = parent.transport;
        this.retry = parent.retry;
        this.activity = activity;
        this.pacer = pacer;
        this.audit = parent.audit;
        this.writeRefusal = parent.writeRefusal;
        this.lastRateLimit = lastRateLimit;
        this.http = withCredentials(transport, credentials);
        this.api = api(baseUrl, http);
    }

    /** The interceptors in their order; {@code newBuilder()} shares the connection pool and the dispatcher. */
    private OkHttpClient withCredentials(OkHttpClient shared, Credentials attached) {
        OkHttpClient.Builder chain = shared.newBuilder();
        if (writeRefusal != null) {
            chain.addInterceptor(writeRefusal); // first: a refused write reaches neither the trail nor the wire
        }
        chain.addInterceptor(new EndpointInterceptor(attached));
        if (audit != null) {
            chain.addInterceptor(audit); // outside the retries: one entry a call, with its final outcome
        }
        chain.addInterceptor(retry)
                .addInterceptor(logging)
                .addInterceptor(activity);
        if (pacer != null) {
            chain.addInterceptor(new PacingInterceptor(pacer)); // innermost: every attempt, retries too
        }
        if (lastRateLimit != null) {
            chain.addInterceptor(c -> {
                okhttp3.Response response = c.proceed(c.request());
                lastRateLimit.set(Failures.rateLimit(response.headers()));
                return response;
            });
        }
        return chain.build();
    }

    private static SovxApi api(HttpUrl baseUrl, OkHttpClient http) {
        Moshi moshi = Json.moshi();
        return new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(http)
                .addCallAdapterFactory(new ApiCallAdapterFactory())
                .addConverterFactory(new EnvelopeConverterFactory(moshi))
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .validateEagerly(true)
                .build()
                .create(SovxApi.class);
    }

    /**
     * Another client of this server that shares its connection pool, threads and account session but holds an
     * owner key of its own: the lookups read one customer while the wizard writes for another.
     */
    public SovxClient derive() {
        return new SovxClient(this, null);
    }

    /**
     * A client holding this one's owner key as it is now, whatever this one holds later: a long job (an export)
     * keeps reading the customer it began with even when the operator picks another meanwhile.
     */
    public SovxClient withOwnerKeyAsNow() {
        SovxClient copy = new SovxClient(this, null);
        copy.credentials.useOwnerKey(credentials.ownerKey());
        return copy;
    }

    /**
     * The same, paced by the server's rate-limit headers (a bulk run): limits count per credential, so the derived
     * client's owner key gets a pacer of its own.
     */
    public SovxClient derive(RateLimitPacer pacer) {
        return new SovxClient(this, java.util.Objects.requireNonNull(pacer));
    }

    /**
     * A client for watching something by repeated reads (a deposit address): this one's owner key as it is now,
     * the rate limit of its last answer kept ({@link #lastRateLimit()}) for the watch to pace its polls by on its
     * own timer, and its calls not listed one by one in Activity: the single line {@code WATCH what} is listed
     * there instead, now.
     */
    public SovxClient forWatch(String what) {
        SovxClient copy = new SovxClient(this, null, activity.unlisted(),
                new java.util.concurrent.atomic.AtomicReference<>(RateLimit.NONE));
        copy.credentials.useOwnerKey(credentials.ownerKey());
        activity.note("WATCH", what);
        return copy;
    }

    /** What the last answer of a watch's client said of the rate limit ({@link RateLimit#NONE} elsewhere). */
    public RateLimit lastRateLimit() {
        return lastRateLimit == null ? RateLimit.NONE : lastRateLimit.get();
    }

    public static Builder builder(String baseUrl) {
        return new Builder(BaseUrl.parse(baseUrl));
    }

    public SovxApi api() {
        return api;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Scrubs secrets this client knows of from any text: use it for every line that may reach a log. */
    public Redactor redactor() {
        return redactor;
    }

    /** The base URL, ending in a slash. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    public boolean isLoopback() {
        return BaseUrl.isLoopback(baseUrl.host());
    }

    /** False on a lookups desk: every write is refused before it is sent ({@link WritesRefusedException}). */
    public boolean writesAllowed() {
        return writeRefusal == null;
    }

    /** Raises or lowers the wire log while running. */
    public void setWireLog(WireLog level) {
        logging.setLevel(switch (level) {
            case NONE -> HttpLoggingInterceptor.Level.NONE;
            case BASIC -> HttpLoggingInterceptor.Level.BASIC;
            case HEADERS -> HttpLoggingInterceptor.Level.HEADERS;
            case BODY -> HttpLoggingInterceptor.Level.BODY;
        });
    }

    /** Stops OkHttp's threads and drops its connections; calls still running fail as cancelled. */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Settings of a client; the base URL policy is checked when the builder is made. */
    public static final class Builder {
        private final HttpUrl baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private WireLog wireLog = WireLog.BASIC;
        private java.util.function.Consumer<CallRecord> activity = record -> { };
        private javax.net.SocketFactory socketFactory;
        private final java.util.List<okhttp3.Interceptor> observers = new java.util.ArrayList<>();
        private RateLimitPacer pacer;
        private okhttp3.Interceptor audit;
        private okhttp3.Interceptor writeRefusal;

        private Builder(HttpUrl baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        public Builder wireLog(WireLog value) {
            this.wireLog = Objects.requireNonNull(value);
            return this;
        }

        /** Told of every attempt, on OkHttp's thread: hop to the FX thread before touching a view. */
        public Builder activity(java.util.function.Consumer<CallRecord> value) {
            this.activity = Objects.requireNonNull(value);
            return this;
        }

        /** How plain connections are opened (a SOCKS tunnel, or a test's failing network); TLS layers on top. */
        public Builder socketFactory(javax.net.SocketFactory value) {
            this.socketFactory = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sees each request as it leaves, credentials attached, and its answer as it arrives: the tests hold both
         * to docs/openapi.yaml with it.
         */
        public Builder networkInterceptor(okhttp3.Interceptor value) {
            observers.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * Paces every request by the server's rate-limit headers (a bulk run): each waits until the credential's
         * window has room, so a steady run meets no 429.
         */
        public Builder pacer(RateLimitPacer value) {
            this.pacer = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Records every write in the audit trail and refuses one the trail cannot record (an
         * {@code audit.AuditInterceptor}); it sees each call once, after its credential, outside the retries.
         */
        public Builder audit(okhttp3.Interceptor value) {
            this.audit = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Makes this a lookups desk's client: every write (anything but a read, a sign-in or a sign-out) fails
         * with a {@link WritesRefusedException} saying {@code reason}, before a byte of it is sent. Clients
         * derived from it refuse the same.
         */
        public Builder refuseWrites(String reason) {
            this.writeRefusal = new WriteRefusal(Objects.requireNonNull(reason));
            return this;
        }

        public SovxClient build() {
            return new SovxClient(this);
        }
    }
}
