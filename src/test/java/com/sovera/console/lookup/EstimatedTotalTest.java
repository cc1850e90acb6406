package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A server may estimate the total of a "contains" search ({@code total_estimated}, in the contract): the list says
 * "about", so nobody reads it as a count. Our sandbox counts exactly, hence a scripted server here.
 */
class EstimatedTotalTest {

    private static String rows(int from, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < from + count; i++) {
            json.append(i == from ? "" : ",").append("{\"user_id\":\"usr_").append(i).append("\"}");
        }
        return json.append("]").toString();
    }

    private static MockResponse page(String rows, long estimate, int limit, long skip) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(
                "{\"success\":true,\"data\":" + rows + ",\"meta\":{\"timestamp\":\"2026-03-12T00:00:00.000Z\","
                        + "\"version\":\"v1\",\"trace_id\":\"t-1\",\"pagination\":{\"total\":" + estimate
                        + ",\"limit\":" + limit + ",\"skip\":" + skip + ",\"total_estimated\":true}}}").build();
    }

    @Test
    void anEstimateBelowTheRowsStillOffersTheNextPageAndTheExportTakesThemAll() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            try (SovxClient client = SovxClient.builder(server.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useOwnerKey("sk_test_estimated_total");
                UsersViewModel model = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
                int size = model.list().pageSizeProperty().get();
                server.enqueue(page(rows(0, size), size, size, 0)); // "about one page": the page is full
                model.list().load();
                assertThat(model.list().pageCount()).as("a full page of an estimate: one more offered").isEqualTo(2);

                // the export goes on until a page comes empty, whatever the estimate said, and from a server that
                // caps its pages below the export's (50 of 100 asked)
                server.enqueue(page(rows(0, 50), 10, 50, 0));
                server.enqueue(page(rows(50, CsvExport.PAGE - 43), 10, 50, 50));
                server.enqueue(page("[]", 10, 50, CsvExport.PAGE + 7));
                CsvExport<com.sovera.console.api.model.User> export = new CsvExport<>(
                        f -> client.api().listUsers(f.asQuery()), new PagedViewModel.Query(
                        com.sovera.console.api.Filter.none(), java.util.List.of(), "created_at"),
                        java.util.List.of("user_id"), u -> java.util.List.of(u.userId()), CsvExport.Opener.FILES);
                java.nio.file.Path file = java.nio.file.Files.createTempDirectory("estimated").resolve("u.csv");
                CsvExport.Outcome outcome = export.run(file, n -> { });
                assertThat(outcome.complete()).isTrue();
                assertThat(outcome.rows()).isEqualTo(CsvExport.PAGE + 7L);
                assertThat(java.nio.file.Files.readAllLines(file)).hasSize(CsvExport.PAGE + 8);
                assertThat(java.nio.file.Files.readAllLines(file)).last().isEqualTo("usr_" + (CsvExport.PAGE + 6));
            }
        }
    }

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
                UsersViewModel model = new UsersViewModel(Sessions.calls(client, new SameThreadTaskRunner()));

                model.list().load();
                assertThat(model.list().messageProperty().get()).isEqualTo("1–1 of about 1234");
                model.list().load();
                assertThat(model.list().messageProperty().get()).isEqualTo("1–1 of 1234");
            }
        }
    }
}
