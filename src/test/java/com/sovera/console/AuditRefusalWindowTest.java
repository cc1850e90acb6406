package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The console over the real embedded sandbox on a desk whose audit directory cannot be written: signing in and
 * looking up work, a write is not made, and the failure names the audit trail and its directory.
 */
class AuditRefusalWindowTest extends ConsoleWindowFixture {

    @Test
    void whereTheTrailCannotBeWrittenNoCustomerIsCreatedAndTheOperatorIsToldWhy() throws Exception {
        // a file where the logs directory should be: no account can write the trail there, root included
        Path blocked = Files.writeString(home.resolve("logs"), "a file in the audit directory's place");
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.NONE).open();
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.CUSTOMER);
        assertThat(text("#header-account")).as("signing in still works").isEqualTo(DemoAccount.EMAIL);
        for (String[] field : new String[][] {{"#customer_email", "ops@never-created.example"},
                {"#customer_id", "never-created"}, {"#entity_name", "Never Created Ltd"}}) {
            waitUntil(() -> lookup(field[0]).tryQuery().map(Node::isVisible).orElse(false));
            clickOn(field[0]).write(field[1]);
        }
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("#error-message").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(console.window.onboarding().stepProperty().get()).isEqualTo(Step.CUSTOMER);
        assertThat(text("#error-code")).isEqualTo("Not sent");
        assertThat(text("#error-message")).contains("The audit trail cannot be written in " + blocked)
                .contains("no change is made");
        assertThat(console.window.onboarding().input(com.sovera.console.onboarding.Field.CUSTOMER_ID).get())
                .as("what was typed is kept").isEqualTo("never-created");
        try (SovxClient server = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            server.credentials().useSession(server.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            ApiException absent = catchThrowableOfType(() -> server.api().getCustomer("never-created").execute(),
                    ApiException.class);
            assertThat(absent.httpStatus()).as("the write never reached the server").isEqualTo(404);
        }
        assertThat(console.lookups.api().listCustomers(Filter.page(10, 0).asQuery()).execute().rows())
                .as("lookups keep working with the console's session").isNotEmpty();
    }
}
