package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.AuditVerifier;
import com.sovera.console.audit.Head;
import com.sovera.console.onboarding.Step;
import com.sovera.console.policy.PolicyFile;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.settings.SettingsViewModel;
import com.sovera.console.shell.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console as it starts on a managed desk whose policy names the audit directory, over its embedded sandbox: an
 * operator signs in and creates a customer, and the trail there holds both, the head is in the log and in
 * Help → About ({@link AuditRefusalWindowTest}: where the trail cannot be written).
 */
class AuditWindowTest extends FxRobot {

    @TempDir
    static Path home;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Application app;

    @BeforeAll
    static void isolateUserDirectories() {
        System.setProperty("sovx.home", home.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("sovx.home");
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        ((Logger) LoggerFactory.getLogger(Startup.class)).detachAppender(log);
        javafx.stage.Stage primary = FxToolkit.toolkitContext().getRegisteredStage();
        FxToolkit.setupFixture(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != primary).forEach(javafx.stage.Window::hide));
    }

    /** Starts the console under a policy naming {@code auditDirectory} and waits for its main window. */
    private void start(Path auditDirectory) throws Exception {
        log.start();
        ((Logger) LoggerFactory.getLogger(Startup.class)).addAppender(log);
        Path policy = home.resolve("policy.json");
        Files.writeString(policy, "{\"audit_directory\": \"" + auditDirectory.toString().replace("\\", "\\\\")
                + "\"}");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane())));
        Startup.begin(() -> PolicyFile.load(policy));
        app = FxToolkit.setupApplication(ConsoleApp.class);
        ConsoleWindowFixture.waitUntil(60, () -> stage.getScene() != null
                && stage.getScene().getRoot() instanceof MainWindow);
    }

    private MainWindow window() {
        return (MainWindow) FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot();
    }

    private String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }

    private void signInAndCreateCustomer(String customerId) throws Exception {
        clickOn("#wizard-action");
        ConsoleWindowFixture.waitUntil(30, () -> window().onboarding().stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action");
        ConsoleWindowFixture.waitUntil(30, () -> window().onboarding().stepProperty().get() == Step.CUSTOMER);
        for (String[] field : new String[][] {{"#customer_email", "ops@" + customerId + ".example"},
                {"#customer_id", customerId}, {"#entity_name", "Audited Payments Ltd"}}) {
            ConsoleWindowFixture.waitUntil(10, () -> lookup(field[0]).tryQuery().map(Node::isVisible).orElse(false));
            clickOn(field[0]).write(field[1]);
        }
        type(KeyCode.ENTER);
    }

    private static List<String> lines(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSignInAndTheCustomerCreatedAreInTheTrailWhoseHeadAboutShows() throws Exception {
        Path share = home.resolve("audit-share");
        start(share);
        signInAndCreateCustomer("audited-payments");
        ConsoleWindowFixture.waitUntil(30, () -> window().onboarding().stepProperty().get() == Step.CREDENTIALS);

        List<String> lines = lines(share);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"operator\":\"" + DemoAccount.EMAIL + "\"")
                .contains("\"action\":\"session.sign_in\"").contains("\"outcome\":\"succeeded\"");
        assertThat(lines.get(1)).contains("\"operator\":\"" + DemoAccount.EMAIL + "\"")
                .contains("\"environment\":\"embedded\"").contains("\"action\":\"customer.create\"")
                .contains("\"objects\":{\"customer_id\":\"audited-payments\"}").contains("\"outcome\":\"created\"");
        Path file = AuditTrail.forThisDesk(share).currentFile();
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        Head head = AuditTrail.forThisDesk(share).head();
        assertThat(head.count()).isEqualTo(2);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).as("the head at start, in the log")
                .contains("Audit trail " + file + ": " + Head.EMPTY.shortForm());

        interact(() -> lookup("#help").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> "help-about".equals(i.getId())).findFirst().orElseThrow().fire());
        ConsoleWindowFixture.waitUntil(10, () -> lookup("#about-audit-head").tryQuery()
                .map(n -> ((Labeled) n).getText().contains("entries")).orElse(false));
        assertThat(text("#about-audit-head")).isEqualTo("Audit trail: 2 entries, last hash "
                + head.lastHash().substring(0, 16) + " (in " + share + ")");
        interact(() -> lookup("#about-audit-head").query().getScene().getWindow().hide());

        clickOn("#nav-settings");
        ConsoleWindowFixture.waitUntil(10, () -> lookup("#pinned-audit_directory").tryQuery().isPresent());
        assertThat(text("#pinned-audit_directory")).isEqualTo(SettingsViewModel.PINNED
                + ": the audit trail is kept in " + share + ".");

        // the shift ends by closing the window: the session ends with it, in the trail too
        FxToolkit.cleanupApplication(app);
        app = null;
        List<String> after = lines(share);
        assertThat(after).hasSize(3);
        assertThat(after.get(2)).contains("\"operator\":\"" + DemoAccount.EMAIL + "\"")
                .contains("\"action\":\"session.sign_out\"").contains("\"reason\":\"window_closed\"");
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
    }
}
