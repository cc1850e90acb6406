package com.sovera.console.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to record, before the trail stamps it with its time, number and hashes. Never a secret: a key is
 * named by {@code key_id} and {@code last_four} in {@code objects}.
 *
 * @param operator    the account's e-mail; for {@code --import}, {@link AuditTrail#importOperator(String)}
 * @param environment the environment's id ({@code embedded}, {@code sovera-sandbox}, {@code custom:...})
 * @param baseUrl     the base URL the call went to
 * @param action      what was done, e.g. {@code customer.create} (see {@link AuditTrail})
 * @param objects     the ids of what it concerns, in a stable order ({@code customer_id}, {@code user_id}, ...)
 * @param outcome     how it ended
 * @param code        {@code errors[0].code} of a refusal (or of a 5xx), else null
 * @param traceId     the server's trace id, or null when no answer came
 */
public record AuditEvent(String operator, String environment, String baseUrl, String action,
                         Map<String, String> objects, Outcome outcome, String code, String traceId) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects == null ? Map.of() : objects));
    }
}
