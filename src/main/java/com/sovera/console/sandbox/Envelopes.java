package com.sovera.console.sandbox;

import com.sovera.console.api.model.Json;
import com.squareup.moshi.JsonAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's envelopes around an answer: {@code data} and {@code meta}, or {@code errors} and {@code meta}. */
final class Envelopes {

    private static final JsonAdapter<Object> JSON = Json.moshi().adapter(Object.class);

    private final Clock clock;

    Envelopes(Clock clock) {
        this.clock = clock;
    }

    /** A handler's reply as sent: a document as it is, a bare reply without an envelope, any other in one. */
    byte[] success(Reply reply, String traceId) {
        if (reply.data() instanceof Reply.Document document) {
            return document.bytes();
        }
        if (reply.bare()) {
            return JSON.toJson(reply.data()).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> meta = meta(traceId);
        if (reply.pagination() != null) {
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("total", reply.pagination().total());
            pagination.put("limit", reply.pagination().limit());
            pagination.put("skip", reply.pagination().skip());
            meta.put("pagination", pagination);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", true);
        envelope.put("data", reply.data());
        envelope.put("meta", meta);
        return JSON.toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /** The error envelope: one error, the field only when the error names one. */
    byte[] error(SandboxError e, String traceId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code);
        error.put("message", e.getMessage());
        if (e.field != null) {
            error.put("field", e.field);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", false);
        envelope.put("errors", List.of(error));
        envelope.put("meta", meta(traceId));
        return JSON.toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> meta(String traceId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("timestamp", Json.TIMESTAMP.format(clock.instant()));
        meta.put("version", "v1");
        meta.put("trace_id", traceId);
        return meta;
    }
}
