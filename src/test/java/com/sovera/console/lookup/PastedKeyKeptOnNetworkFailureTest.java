package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Session;
import com.sovera.console.policy.Policy;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class PastedKeyKeptOnNetworkFailureTest {
    @Test
    void aKeyWhoseCheckFailsForTheNetworkIsKeptForTheRetry() throws Exception {
        String error = "{\"success\":false,\"errors\":[{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"Try later\"}]}";
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            mock.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
                    .body(error).build());
            try (SovxClient session = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                session.credentials().useSession(new Session("session-token-000000000000", null));
                LookupContextViewModel context = new LookupContextViewModel(Sessions.calls(session,
                        session.derive(), new SameThreadTaskRunner()),
                        new KeyRing("embedded", () -> {
                            throw new IllegalStateException("no keychain in this test");
                        }, new SameThreadTaskRunner(), Policy.NONE));
                context.typedCustomer.set("acme");
                context.typedKey.set("sk_live_pasted_key_0123456789abcdef");
                context.useTyped();
                assertThat(context.messageProperty().get()).contains("could not be checked").contains("Try again");
                assertThat(context.typedKey.get()).as("the pasted key, to try again").isNotEmpty();
            }
        }
    }
}
