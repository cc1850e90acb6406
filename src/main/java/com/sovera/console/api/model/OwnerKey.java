package com.sovera.console.api.model;

import com.squareup.moshi.Json;
import java.time.Instant;

/**
 * (assumed) An owner key as listed: its id, the last four characters of its secret, and when it was made, last
 * used and revoked (null until then). Never the secret.
 */
public record OwnerKey(@Required @Json(name = "key_id") String keyId,
                       @Json(name = "last_four") String lastFour,
                       @Json(name = "created_at") Instant createdAt,
                       @Json(name = "last_used_at") Instant lastUsedAt,
                       @Json(name = "revoked_at") Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
