package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import com.sovera.console.deposit.QrImages;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.MutableClock;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** An operator drives the real console, headless, against the real embedded sandbox, from health to QR code. */
class OnboardingWizardTest extends ConsoleWindowFixture {

    private ConsoleHarness start(SandboxConfig config) throws Exception {
        console = new ConsoleHarness(SandboxServer.start(config), home, RetryPolicy.DEFAULT).open();
        return console;
    }

    private Step step() {
        return console.window.onboarding().stepProperty().get();
    }

    private void act() {
        clickOn("#wizard-action");
    }

    private void type(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        clickOn(id).write(value);
    }

    private void waitForStep(Step expected) throws Exception {
        waitUntil(() -> step() == expected);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Connectivity and login with the pre-filled demo account. */
    private void connectAndSignIn() throws Exception {
        assertThat(text("#environment-badge")).isEqualTo("LOCAL SANDBOX");
        act();
        waitForStep(Step.LOGIN);
        assertThat(text("#summary-connectivity")).startsWith("Status ok · up ").contains("ms round trip");
        assertThat(text("#login-note")).contains("Local sandbox");
        act();
        waitForStep(Step.CUSTOMER);
        assertThat(text("#header-account")).isEqualTo(DemoAccount.EMAIL);
        assertThat(text("#header-remaining")).matches("session \\d+:\\d{2} left|");
    }

    private void customer(String id) throws Exception {
        type("#customer_email", "ops@" + id + ".example");
        type("#customer_id", id);
        type("#entity_name", "Acme Payments Ltd");
        act();
        waitForStep(Step.CREDENTIALS);
        assertThat(text("#summary-customer")).isEqualTo("Customer " + id);
        assertThat(text("#header-customer")).isEqualTo("Customer: " + id);
    }

    private String credentials() throws Exception {
        act();
        waitUntil(() -> console.window.onboarding().secret.get() != null);
        String secret = console.window.onboarding().secret.get();
        assertThat(text("#secret-value")).as("masked").doesNotContain(secret.substring(0, 8)).contains("•");
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).as("not stored yet").isTrue();
        type("#secret-confirm", "xxxx");
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).isTrue();
        interact(() -> lookup("#secret-confirm").queryAs(javafx.scene.control.TextField.class).clear());
        type("#secret-confirm", secret.substring(secret.length() - 4));
        try {
            waitUntil(() -> !lookup("#wizard-action").queryButton().isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("typed '" + lookup("#secret-confirm").queryAs(javafx.scene.control.TextField.class)
                    .getText() + "' for a key ending '" + secret.substring(secret.length() - 4) + "'");
        }
        act();
        waitForStep(Step.USER);
        return secret;
    }

    private void user(String email) throws Exception {
        type("#email", email);
        type("#first_name", "Ada");
        type("#last_name", "Lovelace");
        type("#phone", "+442071234567");
        type("#date_of_birth", "1985-12-10");
        interact(() -> console.window.onboarding().country.set("GB"));
        act();
        waitForStep(Step.WALLET);
    }

    private void wallet() throws Exception {
        type("#name", "Ada's BTC");
        act();
        waitForStep(Step.ADDRESS);
    }

    private String address() throws Exception {
        act();
        waitUntil(() -> lookup("#address-qr").queryAs(ImageView.class).getImage() != null);
        return console.window.onboarding().depositProperty().get().address().address();
    }

    @Test
    void anOperatorOnboardsACustomerToAVerifiedQrCode() throws Exception {
        start(SandboxConfig.inMemory().withDemoUsers(0));
        connectAndSignIn();
        customer("acme-payments");
        String secret = credentials();
        user("ada@acme.example");
        wallet();
        String address = address();

        // what the operator sees: the address grouped, named, warned, checked, and a QR that says exactly it
        assertThat(text("#address-heading")).isEqualTo("BTC on Bitcoin testnet. Send only BTC on this network.");
        assertThat(text("#address-text").replace(" ", "")).isEqualTo(address);
        assertThat(text("#address-text")).matches("(\\S{4} )+\\S{1,4}");
        assertThat(text("#testnet-warning")).contains("Test network");
        assertThat(lookup("#address-checks").queryAs(javafx.scene.layout.VBox.class).getChildren()).hasSize(3);
        String decoded = QrImages.decode(lookup("#address-qr").queryAs(ImageView.class).getImage());
        assertThat(decoded).isEqualTo("BITCOIN:" + address.toUpperCase(Locale.ROOT));
        assertThat(Addresses.isValid(address, Network.BITCOIN_TESTNET)).isTrue();
        assertThat(text("#summary-address")).isEqualTo("bitcoin-testnet address verified");

        // click to enlarge; the enlarged view goes when the address does (a new onboarding)
        clickOn("#address-qr");
        waitUntil(() -> listTargetWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage st
                && "BTC deposit address".equals(st.getTitle()) && st.isShowing()));
        // the enlarged view covers the window here (headless screens stack windows): press the button itself
        interact(() -> lookup("#wizard-action").queryButton().fire());
        waitUntil(() -> listTargetWindows().stream().noneMatch(w -> w instanceof javafx.stage.Stage st
                && "BTC deposit address".equals(st.getTitle()) && st.isShowing()));
        assertThat(step()).isEqualTo(Step.CUSTOMER);
        assertThat(text("#header-customer")).isEmpty();

        // what the sandbox holds: exactly one of each
        try (SovxClient check = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            check.credentials().useOwnerKey(secret);
            assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listAddresses(Filter.none().asQuery()).execute().rows())
                    .singleElement().satisfies(a -> assertThat(a.address()).isEqualTo(address));
        }

        // the secret and the password are in no file the console wrote
        List<Path> files = new java.util.ArrayList<>();
        for (Path dir : List.of(home, Path.of(System.getProperty("sovx.logs")))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertThat(files).anyMatch(p -> p.getFileName().toString().equals("console.log"));
        assertThat(files).anyMatch(p -> p.getFileName().toString().equals("onboarding-journal.json"));
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(secret).doesNotContain(DemoAccount.PASSWORD);
        }
        // and the Activity list has every call with its trace id
        assertThat(console.activity.entries()).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(r -> assertThat(r.traceId()).isNotBlank());
    }

    @Test
    void badInputShowsItsRuleAndKeepsTheActionDisabledAndAServerFieldErrorMarksTheField() throws Exception {
        start(SandboxConfig.inMemory().withDemoUsers(0));
        try (SovxClient other = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            other.credentials().useSession(other.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            other.api().createCustomer(new com.sovera.console.api.model.NewCustomer("x@taken.example", "taken-id",
                    "Someone else"), null).execute();
        }
        connectAndSignIn();
        type("#customer_email", "not-an-email");
        type("#customer_id", "Bad_ID");
        type("#entity_name", "Acme");
        assertThat(text("#customer_email-message")).contains("e-mail address");
        assertThat(text("#customer_id-message")).isEqualTo("Lowercase only.");
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).isTrue();

        interact(() -> {
            lookup("#customer_email").queryAs(javafx.scene.control.TextField.class).clear();
            lookup("#customer_id").queryAs(javafx.scene.control.TextField.class).clear();
        });
        type("#customer_email", "ops@acme.example");
        type("#customer_id", "taken-id");
        assertThat(text("#customer_id-message")).isEmpty();
        waitUntil(() -> !lookup("#wizard-action").queryButton().isDisabled());
        act();
        waitUntil(() -> lookup("#error-banner").query().isVisible());
        assertThat(text("#error-code")).isEqualTo("CONFLICT");
        assertThat(text("#error-trace")).startsWith("Trace id: ");
        assertThat(text("#customer_id-message")).contains("already taken");
        assertThat(lookup("#customer_id").query().getStyleClass()).contains("field-error");
        assertThat(step()).isEqualTo(Step.CUSTOMER);
        Node entity = lookup("#entity_name").query();
        assertThat(((javafx.scene.control.TextField) entity).getText()).as("nothing typed is lost").isEqualTo("Acme");
    }

    @Test
    void aSessionThatExpiresMidWizardAsksForThePasswordAndKeepsTheInput() throws Exception {
        MutableClock clock = new MutableClock();
        start(SandboxConfig.inMemory().withDemoUsers(0).withClock(clock).withSessionTtl(java.time.Duration.ofMinutes(5)));
        connectAndSignIn();
        clock.advance(java.time.Duration.ofMinutes(6));
        type("#customer_email", "ops@late.example");
        type("#customer_id", "late-corp");
        type("#entity_name", "Late Corp");
        act();
        waitUntil(() -> lookup("#relogin-bar").query().isVisible());
        assertThat(text("#error-code")).isEqualTo("TOKEN_EXPIRED");
        type("#relogin-password", DemoAccount.PASSWORD);
        clickOn("#relogin");
        waitForStep(Step.CREDENTIALS);
        assertThat(text("#summary-customer")).isEqualTo("Customer late-corp");
        assertThat(lookup("#relogin-bar").query().isVisible()).isFalse();
    }

    @Test
    void aBurstOf429sCountsDownAndFinishesByItself() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)
                .withRateLimit(1, java.time.Duration.ofSeconds(2))), home, RetryPolicy.NONE).open();
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        interact(() -> console.window.onboarding().statusProperty().addListener((o, was, now) -> statuses.add(now)));
        connectAndSignIn();
        customer("busy-corp");
        credentials();
        user("burst@busy.example");
        wallet();
        String address = address();
        assertThat(statuses).anyMatch(s -> s.startsWith("Rate limited by the server: retrying in"));
        assertThat(console.activity.entries()).anyMatch(r -> r.status() == 429);
        assertThat(console.window.onboarding().depositProperty().get().ok()).isTrue();
        assertThat(Addresses.isValid(address, Network.BITCOIN_TESTNET)).isTrue();
    }

    @Test
    void aResumedOnboardingCreatesNothingTwice() throws Exception {
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        ConsoleHarness first = new ConsoleHarness(sandbox, home, RetryPolicy.DEFAULT).open();
        console = first;
        connectAndSignIn();
        customer("resume-corp");
        credentials();
        user("grace@resume.example");
        // the console goes away after the user step: a new one opens over the same data directory
        interact(() -> first.window.stop());
        first.client.close();
        console = new ConsoleHarness(sandbox, home, RetryPolicy.DEFAULT).open();
        waitUntil(() -> lookup("#resume").tryQuery().isPresent());
        clickOn("#resume");
        connectAndSignIn();
        act(); // the customer exists: Next
        waitForStep(Step.CREDENTIALS);
        assertThat(lookup("#key-lost").query().isVisible()).isTrue();
        String secret = credentials();
        assertThat(text("#summary-user")).startsWith("User ");
        act(); // the user exists: Next
        waitForStep(Step.WALLET);
        wallet();
        address();
        try (SovxClient check = SovxClient.builder(sandbox.baseUrl()).build()) {
            check.credentials().useSession(check.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            assertThat(check.api().listCustomers(Filter.none().where("customer_id", "resume-corp").asQuery())
                    .execute().total()).isOne();
            check.credentials().useOwnerKey(secret);
            assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
        }
    }
}
