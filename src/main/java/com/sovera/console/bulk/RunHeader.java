package com.sovera.console.bulk;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * The first line of a run's journal: where the run writes (the environment's origin and the customer), which
 * file it came from (name and SHA-256, so the same command finds its own unfinished run), when it began, and
 * its plan. Never a key, token or password.
 */
public record RunHeader(@Json(name = "run_id") String runId,
                        String origin,
                        @Json(name = "customer_id") String customerId,
                        String source,
                        @Json(name = "source_sha256") String sourceSha256,
                        boolean sandbox,
                        @Json(name = "started_at") long startedAt,
                        List<PlannedRow> rows,
                        List<Plan.Refused> refused) {
}
