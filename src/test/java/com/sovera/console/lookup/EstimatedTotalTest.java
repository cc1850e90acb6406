package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A server may estimate the total of a "contains" search ({@code total_estimated}, in the contract): the list says
 * "about", so nobody reads it as a count. Our sandbox counts exactly, hence a scripted server here.
 */
class EstimatedTotalTest {

    private static MockResponse users(String pagination) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(
                "{\"success\":true,\"data\":[{\"user_id\":\"usr_1\",\"email\":\"ada@example.com\"}],\"meta\":{"
                        + "\"timestamp\":\"2026-03-12T00:00:00.000Z\",\"version\":\"v1\",\"trace_id\":\"t-1\","
                        + "\"pagination\":" + pagination + "}}").build();
    }

    @Test
    void anEstimatedTotalReadsAboutAndAnExactOneDoesNot() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(users("{\"total\":1234,\"limit\":20,\"skip\":0,\"total_estimated\":true}"));
            server.enqueue(users("{\"total\":1234,\"limit\":20,\"skip\":0}"));
            try (SovxClient client = SovxClient.builder(server.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useOwnerKey("sk_test_estimated_total");
                UsersViewModel model = new UsersViewModel(client, new SameThreadTaskRunner());

                model.list().load();
                assertThat(model.list().messageProperty().get()).isEqualTo("1–1 of about 1234");
                model.list().load();
                assertThat(model.list().messageProperty().get()).isEqualTo("1–1 of 1234");
            }
        }
    }
}
