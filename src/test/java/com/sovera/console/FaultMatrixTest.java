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
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console against servers and networks that misbehave, during a wizard step (creating the customer) and
 * during a table page load: each fault shows a clear, specific message, the window stays responsive, what was
 * typed stays, and once the fault ends the work finishes with nothing created twice and no id lost.
 */
class FaultMatrixTest extends ConsoleWindowFixture {

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

    private final FaultySockets network = new FaultySockets();
    private FaultyLine line;

    private void open(int demoUsers) throws Exception {
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(demoUsers));
        sandbox.training().slowness(Duration.ofSeconds(3));
        line = new FaultyLine("http://127.0.0.1:" + sandbox.port());
        console = new ConsoleHarness(sandbox, home, line.baseUrl(), b -> b.retryPolicy(QUICK)
                .readTimeout(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1)).socketFactory(network))
                .open();
    }

    @AfterEach
    void closeLine() throws Exception {
        if (line != null) {
            line.close();
        }
    }

    /** Starts the fault on the calls of {@code method path} (and, for the sandbox's own faults, {@code endpoint}). */
    private void inject(Fault fault, String method, String path, String endpoint) {
        Training training = console.sandbox.training();
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
        console.sandbox.training().clear();
    }

    /** The FX thread answers at once while the call is out (or failing): the window is not frozen. */
    private static void assertResponsive() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Long> answered = new CompletableFuture<>();
        Platform.runLater(() -> answered.complete(System.nanoTime()));
        long at = answered.get(2, TimeUnit.SECONDS);
        assertThat((at - started) / 1_000_000).as("ms for the FX thread to answer").isLessThan(500);
    }

    private Node within(String view, String query) {
        return from(lookup(view).queryAll()).lookup(query).query();
    }

    private String field(String id) {
        return lookup(id).queryAs(TextField.class).getText();
    }

    private void act() {
        clickOn("#wizard-action");
    }

    private Step step() {
        return console.window.onboarding().stepProperty().get();
    }

    private void type(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        clickOn(id).write(value);
    }

    private void assertBanner(String view, Fault fault) {
        assertThat(((Labeled) within(view, "#error-code")).getText()).matches(fault.title);
        assertThat(((Labeled) within(view, "#error-message")).getText()).isNotBlank();
        String trace = ((Labeled) within(view, "#error-trace")).getText();
        if (fault.traced) {
            assertThat(trace).as("a trace id to copy").matches("Trace id: \\S+");
        } else {
            assertThat(trace).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void duringTheCustomerStep(Fault fault) throws Exception {
        open(0);
        act();
        waitUntil(() -> step() == Step.LOGIN);
        act();
        waitUntil(() -> step() == Step.CUSTOMER);
        String id = "fault-" + fault.ordinal();
        String email = "ops@" + id + ".example";
        if (fault == Fault.CONFLICT_409) {
            try (SovxClient other = signedIn()) {
                other.api().createCustomer(new NewCustomer("someone@else.example", id, "Someone Else"), null)
                        .execute();
            }
        }
        type("#customer_email", email);
        type("#customer_id", id);
        type("#entity_name", "Acme Payments Ltd");

        inject(fault, "POST", "/sovx/v1/customers", "POST /customers");
        act();
        assertResponsive();
        switch (fault) {
            case SESSION_EXPIRED_401 -> {
                waitUntil(() -> lookup("#relogin-bar").tryQuery().map(Node::isVisible).orElse(false));
                assertKept(email, id);
                type("#relogin-password", DemoAccount.PASSWORD);
                clickOn("#relogin");
            }
            case RATE_LIMITED_429_BURST -> {
                waitUntil(() -> lookup("#wizard-status").queryAs(Labeled.class).getText()
                        .startsWith("Rate limited by the server: retrying in "));
                assertKept(email, id);
                // the console retries by itself once the wait is over
            }
            case CONFLICT_409 -> {
                waitUntil(() -> within("#onboarding", "#error-banner").isVisible());
                assertBanner("#onboarding", fault);
                assertKept(email, id);
                interact(() -> lookup("#customer_id").queryAs(TextField.class).clear());
                type("#customer_id", id + "-b");
                id = id + "-b";
                act();
            }
            default -> {
                waitUntil(() -> within("#onboarding", "#error-banner").isVisible());
                assertBanner("#onboarding", fault);
                assertKept(email, id);
                assertThat(step()).isEqualTo(Step.CUSTOMER);
                heal();
                act();
            }
        }
        waitUntil(() -> step() == Step.CREDENTIALS);
        assertThat(text("#summary-customer")).isEqualTo("Customer " + id);
        try (SovxClient check = signedIn()) {
            String created = id;
            List<Customer> all = check.api().listCustomers(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(all).filteredOn(c -> c.email().equals(email)).as("created once, under the id shown")
                    .singleElement().satisfies(c -> assertThat(c.customerId()).isEqualTo(created));
        }
    }

    private void assertKept(String email, String id) {
        assertThat(field("#customer_email")).isEqualTo(email);
        assertThat(field("#customer_id")).isEqualTo(id);
        assertThat(field("#entity_name")).isEqualTo("Acme Payments Ltd");
    }

    private SovxClient signedIn() throws Exception {
        SovxClient client = SovxClient.builder(console.sandbox.baseUrl()).build();
        client.credentials().useSession(client.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD))
                .execute());
        return client;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "CONFLICT_409", mode = EnumSource.Mode.EXCLUDE) // no conflict on a read
    void duringATablePageLoad(Fault fault) throws Exception {
        open(60);
        clickOn("#nav-users");
        waitUntil(() -> rows().size() == 20);
        clickOn("#users-email").write("demo.sovx");
        clickOn("#users-apply");
        waitUntil(() -> lookup("#users-list-total").queryAs(Labeled.class).getText().endsWith(" of 60"));
        List<String> before = ids();

        inject(fault, "GET", "/sovx/v1/users", "GET /users");
        interact(() -> console.window.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F5, false, false,
                false, false)));
        assertResponsive();
        waitUntil(() -> within("#users-list", "#error-banner").isVisible());
        assertBanner("#users-list", fault);
        assertThat(field("#users-email")).as("the filter typed").isEqualTo("demo.sovx");
        assertThat(ids()).as("the rows already shown stay").isEqualTo(before);
        assertThat(lookup("#users-list-total").queryAs(Labeled.class).getText()).isEqualTo("1–20 of 60 (not refreshed)");

        heal();
        clickOn("#users-list-retry");
        waitUntil(() -> !within("#users-list", "#error-banner").isVisible());
        assertThat(ids()).isEqualTo(before);
        assertThat(lookup("#users-list-total").queryAs(Labeled.class).getText()).isEqualTo("1–20 of 60");
    }

    @SuppressWarnings("unchecked")
    private List<User> rows() {
        return lookup("#users-list-table").queryAs(TableView.class).getItems();
    }

    private List<String> ids() {
        return rows().stream().map(User::userId).toList();
    }
}
