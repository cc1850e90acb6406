package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.Route.Idempotency.IN_MEMORY;
import static com.sovera.console.sandbox.Route.Idempotency.NONE;
import static com.sovera.console.sandbox.Route.Idempotency.STORED;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful local SovX: every endpoint of the contract on 127.0.0.1, backed by an embedded H2 database.
 * Built on the JDK's {@code com.sun.net.httpserver}: no dependency, loopback only, and ample for one operator
 * or a test suite.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final int THREADS = 16;

    private final HttpServer http;
    private final FrontDoor door;
    private final ExecutorService executor;
    private final DemoAccount demo;
    private final Training training;
    private final CompletableFuture<Database> database;
    private final CompletableFuture<Blocks> blocks = new CompletableFuture<>();

    private SandboxServer(HttpServer http, FrontDoor door, ExecutorService executor, DemoAccount demo,
                          Training training, CompletableFuture<Database> database) {
        this.http = http;
        this.door = door;
        this.executor = executor;
        this.demo = demo;
        this.training = training;
        this.database = database;
    }

    /**
     * Opens the database (creating, migrating and seeding it as needed) and starts listening.
     *
     * @throws SandboxStartException when the port is taken or the database cannot be opened
     */
    public static SandboxServer start(SandboxConfig config) {
        SandboxServer server = open(config);
        try {
            server.ready().join();
        } catch (java.util.concurrent.CompletionException e) {
            server.close();
            throw e.getCause() instanceof SandboxStartException s ? s
                    : new SandboxStartException("Cannot start the sandbox: " + e.getCause().getMessage(), e);
        }
        return server;
    }

    /**
     * Listens at once and opens the database behind it on a thread of its own: a request that arrives first
     * waits for it. The console shows its window meanwhile; {@link #ready()} says when (or why not) it is done.
     *
     * @throws SandboxStartException when the port is taken
     */
    public static SandboxServer open(SandboxConfig config) {
        return open(config, CompletableFuture.completedFuture(null));
    }

    /** The same, with the database opened only once {@code openWhen} completes (the console's first frame). */
    public static SandboxServer open(SandboxConfig config, java.util.concurrent.CompletionStage<?> openWhen) {
        // Bound how long one request may take to arrive or be written, so a stalled client cannot hold a thread.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "60"));
        // Without TCP_NODELAY, headers and body written apart wait on delayed ACKs: 40 ms on every answer.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        // the demo owner key is chosen now, so the console can hold it before the database has stored its hash
        DemoAccount demo = new DemoAccount(DemoAccount.EMAIL, DemoAccount.PASSWORD, DemoAccount.CUSTOMER_ID,
                Secrets.customerSecret());
        Training training = new Training(routes(null, config, new Blocks(null, config.clock(),
                config.blockPeriod())).stream().map(Route::name).toList());
        CompletableFuture<Pipeline> pipeline = new CompletableFuture<>();
        CompletableFuture<Database> database = new CompletableFuture<>();
        HttpServer http;
        FrontDoor door;
        try {
            // the JDK server on a port of its own, behind the door that listens where clients connect
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new SandboxStartException("Cannot start the sandbox: " + e.getMessage(), e);
        }
        try {
            door = FrontDoor.open(config.port(), http.getAddress());
        } catch (IOException e) {
            http.stop(0);
            throw new SandboxStartException("Cannot start the sandbox: port " + config.port() + " is not free ("
                    + e.getMessage() + ")", e);
        }
        http.createContext("/", new Gate(pipeline));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        http.setExecutor(executor);
        http.start();
        SandboxServer server = new SandboxServer(http, door, executor, demo, training, database);
        Thread opening = new Thread(() -> {
            try {
                openWhen.toCompletableFuture().exceptionally(e -> null).join();
                Database db = openDatabase(config, demo);
                IdempotencyStore idempotency = new IdempotencyStore(db, config.clock());
                idempotency.purge();
                Blocks blocks = new Blocks(db, config.clock(), config.blockPeriod());
                server.blocks.complete(blocks);
                pipeline.complete(new Pipeline(routes(db, config, blocks), new Auth(db, config.clock()),
                        new RateLimiter(config.rateLimit(), config.rateWindow(), config.clock()), idempotency,
                        config.clock(), training));
                database.complete(db);
                LOG.info("SovX sandbox listening on {}", server.baseUrl());
            } catch (Throwable e) { // an Error too (out of memory in a large seed): told, never a silent hang
                SandboxStartException failure = e instanceof SandboxStartException s ? s
                        : new SandboxStartException("Cannot start the sandbox: " + e.getMessage(), e);
                LOG.error("{}", failure.getMessage());
                pipeline.completeExceptionally(failure);
                database.completeExceptionally(failure);
            }
        }, "sovx-sandbox-open");
        opening.setDaemon(true);
        opening.start();
        return server;
    }

    private static Database openDatabase(SandboxConfig config, DemoAccount demo) throws SQLException {
        Database db;
        try {
            db = Database.open(config.database());
        } catch (SQLException e) {
            // only a file held by another process is another console's doing
            boolean held = e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1;
            throw new SandboxStartException("Cannot open the sandbox database"
                    + (config.database() == null ? "" : " in " + config.database()) + ": " + e.getMessage()
                    + (held ? ". Another SovX Console may be using it; close it, or start with another --db." : ""), e);
        }
        try {
            DemoData.ensure(db, config.demoUsers(), config.clock().millis(), demo.ownerKey());
            db.likeTexts().warm();
            return db;
        } catch (SQLException | RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** Completes when the database is open and every endpoint answers; fails with why it could not be. */
    public CompletableFuture<Void> ready() {
        return database.thenApply(db -> null);
    }

    private static List<Route> routes(Database db, SandboxConfig config, Blocks blocks) {
        Accounts accounts = new Accounts(db, config.clock(), config.sessionTtl());
        Customers customers = new Customers(db, config.clock(), config.sessionTtl());
        Users users = new Users(db, config.clock());
        Wallets wallets = new Wallets(db, config.clock(), blocks);
        Transactions transactions = new Transactions(db, config.clock(), blocks, Secrets::randomBytes);
        Addresses addresses = new Addresses(db, config.clock(), new AddressFactory(Secrets::randomBytes));
        ContractDocument document = new ContractDocument();
        return List.of(
                Route.of("GET", "/health", Realm.OPEN, false, NONE, accounts::health),
                Route.of("GET", "/openapi.yaml", Realm.OPEN, false, NONE, document::yaml),
                Route.of("GET", "/openapi.json", Realm.OPEN, false, NONE, document::json),
                Route.of("POST", "/auth/login", Realm.OPEN, true, NONE, accounts::login),
                Route.of("POST", "/auth/logout", Realm.SESSION, false, NONE, accounts::logout),
                Route.of("POST", "/customers", Realm.SESSION, true, STORED, customers::create),
                Route.of("GET", "/customers", Realm.SESSION, false, NONE, customers::list),
                Route.of("GET", "/customers/{customer_id}", Realm.SESSION, false, NONE, customers::get),
                Route.of("POST", "/customers/{customer_id}/credentials", Realm.SESSION, false, IN_MEMORY,
                        customers::mintCredentials),
                Route.of("GET", "/customers/{customer_id}/credentials", Realm.SESSION, false, NONE,
                        customers::listKeys),
                Route.of("DELETE", "/customers/{customer_id}/credentials/{key_id}", Realm.SESSION, false, NONE,
                        customers::revokeKey),
                Route.of("POST", "/customers/{customer_id}/users/{user_id}/token", Realm.SESSION, false, IN_MEMORY,
                        customers::mintUserToken),
                Route.of("POST", "/users", Realm.OWNER_KEY, true, STORED, users::create),
                Route.of("GET", "/users", Realm.OWNER_KEY, false, NONE, users::list),
                Route.of("GET", "/users/{user_id}", Realm.OWNER_KEY, false, NONE, users::get),
                Route.of("POST", "/users/{user_id}/wallets", Realm.OWNER_KEY, true, STORED, wallets::create),
                Route.of("GET", "/users/{user_id}/wallets", Realm.OWNER_KEY, false, NONE, wallets::listOfUser),
                Route.of("GET", "/wallets", Realm.OWNER_KEY, false, NONE, wallets::list),
                Route.of("GET", "/wallets/{wallet_id}", Realm.OWNER_KEY, false, NONE, wallets::get),
                Route.of("POST", "/wallets/{wallet_id}/address", Realm.OWNER_KEY, true, STORED, addresses::create),
                Route.of("GET", "/wallets/{wallet_id}/addresses", Realm.OWNER_KEY, false, NONE,
                        addresses::listOfWallet),
                Route.of("GET", "/addresses", Realm.OWNER_KEY, false, NONE, addresses::list),
                Route.of("GET", "/wallets/{wallet_id}/transactions", Realm.OWNER_KEY, false, NONE,
                        transactions::listOfWallet),
                Route.of("GET", "/transactions", Realm.OWNER_KEY, false, NONE, transactions::list),
                Route.of("GET", "/transactions/{transaction_id}", Realm.OWNER_KEY, false, NONE, transactions::get),
                Route.of("POST", "/sandbox/deposits", Realm.OWNER_KEY, true, STORED, transactions::deposit),
                Route.of("POST", "/sandbox/blocks", Realm.OWNER_KEY, true, STORED, blocks::mineOnRequest),
                Route.of("GET", "/me", Realm.USER, false, NONE, users::me),
                Route.of("GET", "/me/wallets", Realm.USER, false, NONE, wallets::listOfMe));
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sovx-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return door.port();
    }

    /** {@code http://127.0.0.1:PORT/sovx/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + Pipeline.BASE_PATH;
    }

    /** The demo sign-in and a fresh owner key for the demo customer. */
    public DemoAccount demo() {
        return demo;
    }

    /** Training faults of this sandbox: in-process only, off until armed. */
    public Training training() {
        return training;
    }

    /** The database, for tests that check what it holds. */
    Database database() {
        return database.join();
    }

    /** Adds a sign-in, as a second operator or another company would have one (tests, training). */
    void addAccount(String email, String password) throws SQLException {
        try (var c = database.join().connection()) {
            Accounts.ensureAccount(c, email, password, System.currentTimeMillis());
        }
    }

    /** Stops listening, finishes answers under way (up to a second) and closes the database. */
    @Override
    public void close() {
        door.close();
        http.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Database db = database.get(30, TimeUnit.SECONDS); // an opening still under way finishes first
            try {
                blocks.join().height(); // the blocks due so far are kept; none are mined while stopped
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Sandbox blocks not saved at close: {}", e.getMessage());
            }
            db.close();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // never opened: nothing to close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("SovX sandbox stopped");
    }
}
