package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.FaultySockets.Outage;
import com.sovera.console.FaultyLine.Spoil;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.User;
import com.sovera.console.lookup.UsersViewModel;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.Step;
import com.sovera.console.onboarding.Wizard;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console's screens against servers and networks that misbehave, during a wizard step (creating the customer)
 * and during a table page load: each fault shows a clear, specific problem (with the trace id when the server gave
 * one), what was typed stays, and once the fault ends the work finishes with nothing created twice and no id lost.
 * Driven through the view models over a real sandbox behind a faulty line; the banner that shows a problem is
 * tested in the window tests.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

    /** Every fault, with the title the operator must see, and whether the server gave a trace id to copy. */
    enum Fault {
        HOST_UNREACHABLE("Host not found", false),
        CONNECTION_REFUSED("Connection refused", false),
        CONNECT_TIMEOUT("No answer in time", false),
        READ_TIMEOUT("No answer in time", false),
        RESET_MID_BODY("Answer cut off|Connection lost", false),
        HTML_502_FROM_A_PROXY("Unexpected answer", false),
        MALFORMED_JSON("Unexpected answer", false),
        TRUNCATED_BODY("Answer cut off", false),
        WRONG_SHAPE("Unexpected answer", false),
        SESSION_EXPIRED_401("TOKEN_EXPIRED", true),
        FORBIDDEN_403("FORBIDDEN", true),
        NOT_FOUND_404("NOT_FOUND", true),
        CONFLICT_409("CONFLICT", true),
        RATE_LIMITED_429_BURST("RATE_LIMITED", true),
        INTERNAL_500("INTERNAL_ERROR", true),
        UNAVAILABLE_503("SERVICE_UNAVAILABLE", true);

        final String title;
        final boolean traced;

        Fault(String title, boolean traced) {
            this.title = title;
            this.traced = traced;
        }
    }

    private static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(20));

    @TempDir
    Path data;

    private final FaultySockets network = new FaultySockets();
    private SandboxServer sandbox;
    private FaultyLine line;
    private SovxClient client;

    /** One sandbox for every fault (each case has its own customer), behind one line. */
    @org.junit.jupiter.api.BeforeAll
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(60));
        line = new FaultyLine("http://127.0.0.1:" + sandbox.port());
    }

    @org.junit.jupiter.api.AfterAll
    void stopSandbox() throws Exception {
        line.close();
        sandbox.close();
    }

    /** Short timeouts only where the fault is a timeout: elsewhere a busy machine must not look like one. */
    private void open(Fault fault) {
        Duration read = fault == Fault.READ_TIMEOUT ? Duration.ofSeconds(1) : Duration.ofSeconds(15);
        Duration connect = fault == Fault.CONNECT_TIMEOUT ? Duration.ofSeconds(1) : Duration.ofSeconds(15);
        client = SovxClient.builder(line.baseUrl()).retryPolicy(QUICK).readTimeout(read).connectTimeout(connect)
                .socketFactory(network).build();
    }

    @AfterEach
    void close() {
        heal();
        client.close();
    }

    /** Starts the fault on the calls of {@code method path} (and, for the sandbox's own faults, {@code endpoint}). */
    private void inject(Fault fault, String method, String path, String endpoint) {
        Training training = sandbox.training();
        switch (fault) {
            case HOST_UNREACHABLE -> network.fail(Outage.NO_ROUTE);
            case CONNECTION_REFUSED -> network.fail(Outage.REFUSED);
            case CONNECT_TIMEOUT -> network.fail(Outage.CONNECT_TIMEOUT);
            case READ_TIMEOUT -> line.spoil(Spoil.READ_TIMEOUT, method, path);
            case RESET_MID_BODY -> line.spoil(Spoil.RESET_MID_BODY, method, path);
            case HTML_502_FROM_A_PROXY -> line.spoil(Spoil.HTML_502, method, path);
            case MALFORMED_JSON -> line.spoil(Spoil.MALFORMED_JSON, method, path);
            case TRUNCATED_BODY -> line.spoil(Spoil.TRUNCATED_BODY, method, path);
            case WRONG_SHAPE -> line.spoil(Spoil.WRONG_SHAPE, method, path);
            case FORBIDDEN_403 -> line.spoil(Spoil.FORBIDDEN_403, method, path);
            case NOT_FOUND_404 -> line.spoil(Spoil.NOT_FOUND_404, method, path);
            case UNAVAILABLE_503 -> line.spoil(Spoil.UNAVAILABLE_503, method, path);
            case SESSION_EXPIRED_401 -> training.arm(endpoint, Training.Fault.SESSION_EXPIRED, 1);
            case RATE_LIMITED_429_BURST -> training.arm(endpoint, Training.Fault.RATE_LIMITED, QUICK.maxAttempts());
            case INTERNAL_500 -> training.arm(endpoint, Training.Fault.INTERNAL_ERROR, 1);
            case CONFLICT_409 -> { } // a real duplicate, made before the call
        }
    }

    private void heal() {
        network.heal();
        line.heal();
        sandbox.training().clear();
    }

    private static void assertShown(Problem problem, Fault fault) {
        assertThat(problem).as("a problem is shown").isNotNull();
        assertThat(problem.title()).matches(fault.title);
        assertThat(problem.message()).isNotBlank();
        assertThat(problem.recovery()).isNotBlank();
        if (fault.traced) {
            assertThat(problem.traceId()).as("a trace id to copy").isNotBlank();
        } else {
            assertThat(problem.traceId()).isNull();
        }
    }

    private SovxClient signedIn() {
        SovxClient c = SovxClient.builder(sandbox.baseUrl()).build();
        c.credentials().useSession(c.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute());
        return c;
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void duringTheCustomerStep(Fault fault) throws Exception {
        open(fault);
        Wizard wizard = new Wizard(client, data, new SameThreadTaskRunner());
        wizard.signedIn();
        assertThat(wizard.step()).isEqualTo(Step.CUSTOMER);
        String id = "fault-" + fault.ordinal();
        String email = "ops@" + id + ".example";
        if (fault == Fault.CONFLICT_409) {
            try (SovxClient other = signedIn()) {
                other.api().createCustomer(new NewCustomer("someone@else.example", id, "Someone Else"), null)
                        .execute();
            }
        }
        wizard.customer(id);

        inject(fault, "POST", "/sovx/v1/customers", "POST /customers");
        wizard.model.act();
        switch (fault) {
            case SESSION_EXPIRED_401 -> {
                assertThat(wizard.model.needsSignInProperty().get()).isTrue();
                assertShown(wizard.model.problemProperty().get(), fault);
                assertKept(wizard, email, id);
                wizard.model.reloginPassword.set(DemoAccount.PASSWORD);
                wizard.model.signInAgain();
            }
            case RATE_LIMITED_429_BURST -> {
                assertThat(wizard.model.statusProperty().get()).startsWith("Rate limited by the server: retrying in ");
                assertKept(wizard, email, id);
                wizard.scheduler.advance(Duration.ofSeconds(10)); // the console retries by itself once the wait is over
            }
            case CONFLICT_409 -> {
                assertShown(wizard.model.problemProperty().get(), fault);
                assertThat(wizard.model.serverFieldErrors()).containsKey(Field.CUSTOMER_ID);
                assertKept(wizard, email, id);
                id = id + "-b";
                wizard.set(Field.CUSTOMER_ID, id);
                wizard.model.act();
            }
            default -> {
                assertShown(wizard.model.problemProperty().get(), fault);
                assertKept(wizard, email, id);
                assertThat(wizard.step()).isEqualTo(Step.CUSTOMER);
                heal();
                wizard.model.act();
            }
        }
        assertThat(wizard.step()).as("finished once the fault ended: " + wizard.model.problemProperty().get())
                .isEqualTo(Step.CREDENTIALS);
        assertThat(wizard.model.summary(Step.CUSTOMER).get()).startsWith("Customer " + id + " (");
        try (SovxClient check = signedIn()) {
            String created = id;
            List<Customer> all = check.api().listCustomers(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(all).filteredOn(c -> c.email().equals(email)).as("created once, under the id shown")
                    .singleElement().satisfies(c -> assertThat(c.customerId()).isEqualTo(created));
        }
        wizard.close();
    }

    private static void assertKept(Wizard wizard, String email, String id) {
        assertThat(wizard.model.input(Field.CUSTOMER_EMAIL).get()).isEqualTo(email);
        assertThat(wizard.model.input(Field.CUSTOMER_ID).get()).isEqualTo(id);
        assertThat(wizard.model.input(Field.ENTITY_NAME).get()).isEqualTo("Acme Payments Ltd");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "CONFLICT_409", mode = EnumSource.Mode.EXCLUDE) // no conflict on a read
    void duringATablePageLoad(Fault fault) throws Exception {
        open(fault);
        client.credentials().useOwnerKey(sandbox.demo().ownerKey());
        UsersViewModel users = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
        users.emailContains.set("demo.sovx");
        users.reload();
        assertThat(users.list().messageProperty().get()).isEqualTo("1–20 of 60");
        List<String> before = users.list().rows().stream().map(User::userId).toList();

        inject(fault, "GET", "/sovx/v1/users", "GET /users");
        users.list().load(); // F5
        Problem shown = users.list().problemProperty().get();
        if (fault == Fault.SESSION_EXPIRED_401) { // read with the owner key: a 401 refuses the key, signing in won't help
            assertThat(shown.title()).isEqualTo("Key refused");
            assertThat(shown.code()).isEqualTo("TOKEN_EXPIRED");
            assertThat(shown.message()).startsWith("This key was refused: ").contains(shown.traceId());
        } else {
            assertShown(shown, fault);
        }
        assertThat(users.emailContains.get()).as("the filter typed").isEqualTo("demo.sovx");
        assertThat(users.list().rows()).extracting(User::userId).as("the rows already shown stay").isEqualTo(before);
        assertThat(users.list().messageProperty().get()).isEqualTo("1–20 of 60 (not refreshed)");

        heal();
        users.list().load(); // Retry
        assertThat(users.list().problemProperty().get()).isNull();
        assertThat(users.list().rows()).extracting(User::userId).isEqualTo(before);
        assertThat(users.list().messageProperty().get()).isEqualTo("1–20 of 60");
    }
}
