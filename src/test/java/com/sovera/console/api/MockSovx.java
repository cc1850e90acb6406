package com.sovera.console.api;

import com.sovera.console.contract.ContractTap;
import com.sovera.console.contract.OpenApiContract;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/** A MockWebServer with the contract's answer shapes, for wire-level client tests. */
final class MockSovx {

    static final String TRACE = "abc-123-def-456";

    private MockSovx() {
    }

    static String envelope(String dataJson) {
        return "{\"success\":true,\"data\":" + dataJson + ",\"meta\":{\"timestamp\":\"2026-03-12T00:00:00.000Z\","
                + "\"version\":\"v1\",\"trace_id\":\"" + TRACE + "\"}}";
    }

    static String page(String rowsJson, long total, int limit, long skip) {
        return "{\"success\":true,\"data\":" + rowsJson + ",\"meta\":{\"timestamp\":\"2026-03-12T00:00:00.000Z\","
                + "\"version\":\"v1\",\"trace_id\":\"" + TRACE + "\",\"pagination\":{\"total\":" + total
                + ",\"limit\":" + limit + ",\"skip\":" + skip + "}}}";
    }

    static String error(String code, String message, String field) {
        return "{\"success\":false,\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\""
                + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}],\"meta\":{\"timestamp\":"
                + "\"2026-03-12T00:00:00.000Z\",\"version\":\"v1\",\"trace_id\":\"" + TRACE + "\"}}";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /**
     * Holds every request the server receives to docs/openapi.yaml: the client's half of the contract. Set it
     * before enqueueing; {@link ContractTap#assertClean()} names what the document does not allow.
     */
    static ContractTap checkRequests(MockWebServer server) {
        ContractTap tap = new ContractTap(true);
        server.setDispatcher(new QueueDispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
                tap.checkRequest(new OpenApiContract.Request(request.getMethod(), request.getTarget(),
                        request.getHeaders().toMultimap(), body));
                return super.dispatch(request);
            }
        });
        return tap;
    }

    static SovxClient client(MockWebServer server, RetryPolicy retry) {
        return SovxClient.builder(server.url("/sovx/v1").toString()).retryPolicy(retry).build();
    }
}
