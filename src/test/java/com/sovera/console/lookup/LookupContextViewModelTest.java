package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.Session;
import com.sovera.console.policy.Policy;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The lookups' customer list: filled from the server, and a failure to fill it is said, not left blank. */
class LookupContextModelTest {

    @Test
    void aCustomerListThatFailsToLoadSaysSoAndTheNextLoadFillsIt() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient session = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            LookupContextViewModel context = new LookupContextViewModel(Sessions.calls(session,
                    session.derive(), new SameThreadTaskRunner()),
                    new KeyRing("embedded", () -> {
                        throw new IllegalStateException("no keychain in this test");
                    }, new SameThreadTaskRunner(), Policy.NONE));
            sandbox.training().arm("GET /customers", Training.Fault.INTERNAL_ERROR, 1);
            context.loadCustomers();
            assertThat(context.customers()).isEmpty();
            assertThat(context.messageProperty().get()).startsWith("The customer list could not be loaded")
                    .contains("type the customer id");
            context.loadCustomers();
            assertThat(context.customers()).contains(DemoAccount.CUSTOMER_ID);
            assertThat(context.messageProperty().get()).isEmpty();
        }
    }

    @Test
    void aServerWithoutTheListLeavesNoFailureOnScreen() throws Exception {
        String error = "{\"success\":false,\"errors\":[{\"code\":\"%s\",\"message\":\"%s\"}]}";
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            mock.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
                    .body(String.format(error, "SERVICE_UNAVAILABLE", "Try later")).build());
            mock.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body(String.format(error, "NOT_FOUND", "Cannot GET /customers")).build());
            try (SovxClient session = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                session.credentials().useSession(new Session("session-token-000000000000", null));
                LookupContextViewModel context = new LookupContextViewModel(Sessions.calls(session,
                        session.derive(), new SameThreadTaskRunner()),
                        new KeyRing("embedded", () -> {
                            throw new IllegalStateException("no keychain in this test");
                        }, new SameThreadTaskRunner(), Policy.NONE));
                context.loadCustomers();
                assertThat(context.messageProperty().get()).startsWith("The customer list could not be loaded");
                context.loadCustomers(); // this server turns out not to offer the list: the id is typed, as documented
                assertThat(context.messageProperty().get()).isEmpty();
                assertThat(context.customers()).isEmpty();
            }
        }
    }

    @Test
    void aRefusedKeyIsDroppedAndSaysSoWithTheServersWordsAndTraceId() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient session = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            SovxClient lookups = session.derive();
            LookupContextViewModel context = new LookupContextViewModel(Sessions.calls(session,
                    lookups, new SameThreadTaskRunner()),
                    new KeyRing("embedded", () -> {
                        throw new IllegalStateException("no keychain in this test");
                    }, new SameThreadTaskRunner(), Policy.NONE));
            context.typedCustomer.set(DemoAccount.CUSTOMER_ID);
            context.typedKey.set("sk_revoked_or_wrong_0000000000000000");
            context.useTyped();

            assertThat(context.messageProperty().get()).startsWith("This key was refused: ")
                    .contains("(trace id ").doesNotContain("Sign in again");
            assertThat(context.customerIdProperty().get()).as("no customer looked up with it").isNull();
            assertThat(context.ownerKey()).isNull();
            assertThat(lookups.credentials().hasOwnerKey()).as("the key left the client").isFalse();
            assertThat(context.typedKey.get()).as("the key left the screen").isEmpty();

            context.use(DemoAccount.CUSTOMER_ID, sandbox.demo().ownerKey());
            assertThat(context.customerIdProperty().get()).isEqualTo(DemoAccount.CUSTOMER_ID);
            assertThat(lookups.credentials().hasOwnerKey()).isTrue();
        }
    }
}
