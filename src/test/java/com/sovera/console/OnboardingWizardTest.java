package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import com.sovera.console.deposit.QrImages;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator drives the real console, headless, against the real embedded sandbox, from health to QR code, typing
 * as a person does; the wizard's rules and recovery are tested on its view model (onboarding package).
 */
class OnboardingWizardTest extends ConsoleWindowFixture {

    private ConsoleHarness start() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        return console;
    }

    private Step step() {
        return console.window.onboarding().stepProperty().get();
    }

    private void type(String id, String value) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        clickOn(id).write(value);
    }

    private void waitForStep(Step expected) throws Exception {
        waitUntil(() -> step() == expected);
    }

    /** Enter runs the step's action wherever the focus is: the action is the default button. */
    private void enter() {
        type(KeyCode.ENTER);
    }

    private void connectAndSignIn() throws Exception {
        assertThat(text("#environment-badge")).isEqualTo("LOCAL SANDBOX");
        clickOn("#wizard-action");
        waitForStep(Step.LOGIN);
        assertThat(text("#summary-connectivity")).startsWith("Status ok · up ").contains("ms round trip");
        assertThat(text("#login-note")).contains("Local sandbox");
        clickOn("#wizard-action");
        waitForStep(Step.CUSTOMER);
        assertThat(text("#header-account")).isEqualTo(DemoAccount.EMAIL);
        waitUntil(() -> !text("#header-remaining").isEmpty());
        assertThat(text("#header-remaining")).matches("session \\d+:\\d{2} left");
    }

    private static boolean showing(Window w, String title) {
        return w instanceof Stage st && title.equals(st.getTitle()) && st.isShowing();
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anOperatorOnboardsACustomerToAVerifiedQrCode() throws Exception {
        start();
        connectAndSignIn();
        type("#customer_email", "ops@acme-payments.example");
        type("#customer_id", "acme-payments");
        type("#entity_name", "Acme Payments Ltd");
        enter();
        waitForStep(Step.CREDENTIALS);
        assertThat(text("#summary-customer")).isEqualTo("Customer acme-payments (created)");
        assertThat(text("#header-customer")).isEqualTo("Customer: acme-payments");

        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().secret.get() != null);
        String secret = console.window.onboarding().secret.get();
        assertThat(text("#secret-value")).as("masked").doesNotContain(secret.substring(0, 8)).contains("•");
        clickOn("#secret-copy");
        assertThat(clipboard()).isEqualTo(secret);
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).as("not stored yet").isTrue();
        type("#secret-confirm", "xxxx");
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).isTrue();
        interact(() -> lookup("#secret-confirm").queryAs(TextField.class).clear());
        type("#secret-confirm", secret.substring(secret.length() - 4));
        waitUntil(() -> !lookup("#wizard-action").queryButton().isDisabled());
        enter();
        waitForStep(Step.USER);

        type("#email", "ada@acme.example");
        type("#first_name", "Ada");
        type("#last_name", "Lovelace");
        type("#phone", "+442071234567");
        type("#date_of_birth", "1985-12-10");
        interact(() -> console.window.onboarding().input(Field.COUNTRY).set("GB"));
        enter();
        waitForStep(Step.WALLET);
        type("#name", "Ada's BTC");
        enter();
        waitForStep(Step.ADDRESS);
        enter();
        try {
            waitUntil(() -> lookup("#address-qr").tryQuery().map(n -> ((ImageView) n).getImage() != null)
                    .orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("step " + step() + ", deposit " + console.window.onboarding().depositProperty()
                    .get() + ", problem " + console.window.onboarding().problemProperty().get() + ", state "
                    + console.window.onboarding().stateProperty().get());
        }
        String address = console.window.onboarding().depositProperty().get().address().address();
        // the network field locked with the address made: the focus went to the action, not to the header's Sign out
        assertThat(console.window.getScene().getFocusOwner()).as("focus after the address")
                .isSameAs(lookup("#wizard-action").query());

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

        // on the phone: Alt+V opens the read-back with the focus in its field; Enter there is no step's action
        // (the step's default button would start a new customer), and Alt+V closes it again
        press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        TextField heard = lookup("#read-back-heard").queryAs(TextField.class);
        waitUntil(heard::isFocused);
        write(address.substring(0, 4) + " " + address.substring(4, 8).toUpperCase(Locale.ROOT));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(step()).as("Enter in the read-back").isEqualTo(Step.ADDRESS);
        assertThat(heard.isFocused()).isTrue();
        assertThat(text("#read-back-verdict")).isEqualTo("2 of " + (address.length() + 3) / 4
                + " groups match so far.");
        press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        waitUntil(() -> !lookup("#read-back").query().isVisible());
        assertThat(console.window.getScene().getFocusOwner()).isSameAs(lookup("#read-back-toggle").query());

        // click to enlarge: the enlarged code belongs to the console's window
        clickOn("#address-qr");
        waitUntil(() -> listTargetWindows().stream().anyMatch(w -> showing(w, "BTC deposit address")));
        Stage enlarged = (Stage) listTargetWindows().stream().filter(w -> showing(w, "BTC deposit address"))
                .findFirst().orElseThrow();
        assertThat(enlarged.getOwner()).isSameAs(console.window.getScene().getWindow());

        // what the sandbox holds: exactly one of each
        try (SovxClient check = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            check.credentials().useOwnerKey(secret);
            assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listAddresses(Filter.none().asQuery()).execute().rows())
                    .singleElement().satisfies(a -> assertThat(a.address()).isEqualTo(address));
        }
        // every HTTP exchange has its trace id; the address panel's one WATCH line is no exchange
        assertThat(console.activity.entries()).filteredOn(r -> !r.method().equals("WATCH"))
                .hasSizeGreaterThanOrEqualTo(7).allSatisfy(r -> assertThat(r.traceId()).isNotBlank());

        // the console closes well within the key's 60 s on the clipboard: the key leaves with it, as does the
        // enlarged code (which would otherwise keep the JVM running)
        assertThat(clipboard()).isEqualTo(secret);
        interact(() -> {
            console.window.stop();
            console.window.getScene().getWindow().hide();
        });
        assertThat(clipboard()).isNull();
        assertThat(enlarged.isShowing()).isFalse();

        // the secret and the password are in no file the console wrote
        List<Path> files = new java.util.ArrayList<>();
        for (Path dir : List.of(home, Path.of(System.getProperty("sovx.logs")))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertThat(files).anyMatch(p -> p.getFileName().toString().equals("onboarding-journal.json"));
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(secret).doesNotContain(DemoAccount.PASSWORD);
        }
    }

    @Test
    void badInputShowsItsRuleAndAServerFieldErrorMarksTheFieldInTheBanner() throws Exception {
        start();
        try (SovxClient other = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            other.credentials().useSession(other.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            other.api().createCustomer(new NewCustomer("x@taken.example", "taken-id", "Someone else"), null).execute();
        }
        connectAndSignIn();
        type("#customer_email", "not-an-email");
        type("#customer_id", "Bad_ID");
        type("#entity_name", "Acme");
        assertThat(text("#customer_email-message")).contains("e-mail address");
        assertThat(text("#customer_id-message")).isEqualTo("Lowercase only.");
        assertThat(lookup("#customer_id").query().getStyleClass()).contains("field-error");
        assertThat(lookup("#wizard-action").queryButton().isDisabled()).isTrue();

        interact(() -> {
            lookup("#customer_email").queryAs(TextField.class).clear();
            lookup("#customer_id").queryAs(TextField.class).clear();
        });
        type("#customer_email", "ops@acme.example");
        type("#customer_id", "taken-id");
        assertThat(text("#customer_id-message")).isEmpty();
        waitUntil(() -> !lookup("#wizard-action").queryButton().isDisabled());
        enter();
        waitUntil(() -> lookup("#error-banner").query().isVisible());
        assertThat(text("#error-code")).isEqualTo("CONFLICT");
        assertThat(text("#error-trace")).matches("Trace id: \\S+");
        clickOn("#copy-trace");
        assertThat(clipboard()).isEqualTo(console.window.onboarding().problemProperty().get().traceId());
        assertThat(text("#customer_id-message")).contains("already taken");
        assertThat(lookup("#customer_id").query().getStyleClass()).contains("field-error");
        assertThat(step()).isEqualTo(Step.CUSTOMER);
        assertThat(lookup("#entity_name").queryAs(TextField.class).getText()).as("nothing typed is lost")
                .isEqualTo("Acme");
    }
}
