package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.api.model.Page;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Owner keys listed and revoked (issue 14 part 2): the list never shows a secret, a revoked key is refused on
 * every owner-key endpoint at once, creates and idempotent replays included, and only the key's own customer
 * can revoke it.
 */
class OwnerKeyRevocationTest {

    private static final String JSON = "application/json";

    @Test
    void aRevokedKeyIsRefusedEverywhereAtOnceAndOnlyItsOwnerCanRevokeIt() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0); SovxClient admin = sandbox.signedIn()) {
            String session = "Bearer " + admin.credentials().session().orElseThrow().token();
            String customerId = Sandbox.uniqueId();
            admin.api().createCustomer(new NewCustomer("ops@keys.example", customerId, "Keys Ltd"), null).execute();
            CustomerCredentials doomed = admin.api().createCredentials(customerId, null).execute();
            CustomerCredentials kept = admin.api().createCredentials(customerId, null).execute();
            assertThat(doomed.keyId()).isNotBlank().isNotEqualTo(kept.keyId());

            // objects made with the key before it is revoked, and an idempotent create to replay afterwards
            String body = "{\"user_type\":\"individual\",\"email\":\"before@keys.example\",\"first_name\":\"B\","
                    + "\"last_name\":\"K\",\"phone\":\"+15551234567\",\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}";
            HttpResponse<String> first = sandbox.send("POST", "/users", body, "x-api-key", doomed.customerSecret(),
                    "Content-Type", JSON, "Idempotency-Key", "replay-after-revoke");
            assertThat(first.statusCode()).isEqualTo(201);
            String userId = first.body().replaceFirst(".*\"user_id\":\"([^\"]+)\".*", "$1");
            String walletId = sandbox.send("POST", "/users/" + userId + "/wallets", "{\"name\":\"W\",\"currency\":\"BTC\"}",
                    "x-api-key", doomed.customerSecret(), "Content-Type", JSON).body()
                    .replaceFirst(".*\"wallet_id\":\"([^\"]+)\".*", "$1");

            Page<OwnerKey> listed = admin.api().listCredentials(customerId, Filter.none().asQuery()).execute();
            assertThat(listed.total()).isEqualTo(2L);
            OwnerKey record = listed.rows().stream().filter(k -> k.keyId().equals(doomed.keyId())).findFirst().orElseThrow();
            String secret = doomed.customerSecret();
            assertThat(record.lastFour()).isEqualTo(secret.substring(28));
            assertThat(record.lastUsedAt()).as("used for the creates above").isNotNull();
            assertThat(record.revokedAt()).isNull();
            String raw = sandbox.send("GET", "/customers/" + customerId + "/credentials", null, "Authorization", session).body();
            assertThat(raw).doesNotContain(secret).doesNotContain(kept.customerSecret());
            assertThat(sandbox.send("GET", "/customers/" + customerId + "/credentials", null, "x-api-key",
                    kept.customerSecret()).statusCode()).as("an owner key on the list").isEqualTo(403);

            OwnerKey revoked = admin.api().revokeCredential(customerId, doomed.keyId()).execute();
            assertThat(revoked.revokedAt()).isNotNull();
            OwnerKey again = admin.api().revokeCredential(customerId, doomed.keyId()).execute();
            assertThat(again).as("revoking again changes nothing").isEqualTo(revoked);

            List<String[]> endpoints = List.of(
                    new String[] {"GET", "/users", null},
                    new String[] {"GET", "/users/" + userId, null},
                    new String[] {"GET", "/users/" + userId + "/wallets", null},
                    new String[] {"GET", "/wallets", null},
                    new String[] {"GET", "/wallets/" + walletId, null},
                    new String[] {"GET", "/wallets/" + walletId + "/addresses", null},
                    new String[] {"GET", "/addresses", null},
                    new String[] {"POST", "/users", body.replace("before@", "after@")},
                    new String[] {"POST", "/users/" + userId + "/wallets", "{\"name\":\"X\",\"currency\":\"ETH\"}"},
                    new String[] {"POST", "/wallets/" + walletId + "/address", "{\"currency\":\"BTC\",\"network\":\"bitcoin-testnet\"}"});
            List<String> answered = new ArrayList<>();
            for (String[] e : endpoints) {
                HttpResponse<String> r = e[2] == null
                        ? sandbox.send(e[0], e[1], null, "x-api-key", secret)
                        : sandbox.send(e[0], e[1], e[2], "x-api-key", secret, "Content-Type", JSON);
                if (r.statusCode() != 401 || !r.body().contains("\"code\":\"UNAUTHORIZED\"")) {
                    answered.add(e[0] + " " + e[1] + " -> " + r.statusCode());
                }
            }
            assertThat(answered).as("endpoints that did not refuse the revoked key").isEmpty();
            HttpResponse<String> replay = sandbox.send("POST", "/users", body, "x-api-key", secret, "Content-Type", JSON,
                    "Idempotency-Key", "replay-after-revoke");
            assertThat(replay.statusCode()).as("an idempotent replay with the revoked key").isEqualTo(401);
            HttpResponse<String> sameKeyOtherCredential = sandbox.send("POST", "/users", body, "x-api-key",
                    kept.customerSecret(), "Content-Type", JSON, "Idempotency-Key", "replay-after-revoke");
            assertThat(sameKeyOtherCredential.statusCode()).as("the customer's other key replays it").isEqualTo(201);
            assertThat(sameKeyOtherCredential.headers().firstValue("Idempotent-Replayed")).hasValue("true");

            // only the key's customer, under its own account, can reach the key
            String otherId = Sandbox.uniqueId();
            admin.api().createCustomer(new NewCustomer("ops@other.example", otherId, "Other"), null).execute();
            ApiException wrongCustomer = catchThrowableOfType(ApiException.class,
                    () -> admin.api().revokeCredential(otherId, kept.keyId()).execute());
            assertThat(wrongCustomer.httpStatus()).isEqualTo(404);
            assertThat(catchThrowableOfType(ApiException.class, () -> admin.api().revokeCredential(customerId,
                    "no-such-key").execute()).httpStatus()).isEqualTo(404);
            sandbox.server.addAccount("rival@sandbox.sovx.test", "rival-password");
            String rival = "Bearer " + sandbox.send("POST", "/auth/login", "{\"email\":\"rival@sandbox.sovx.test\","
                    + "\"password\":\"rival-password\"}", "Content-Type", JSON).body()
                    .replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");
            assertThat(sandbox.send("DELETE", "/customers/" + customerId + "/credentials/" + kept.keyId(), null,
                    "Authorization", rival).statusCode()).isEqualTo(404);
            assertThat(sandbox.send("GET", "/users", null, "x-api-key", kept.customerSecret()).statusCode())
                    .as("the other key still works").isEqualTo(200);
            assertThat(admin.api().listCredentials(customerId, Filter.none().asQuery()).execute().rows())
                    .filteredOn(OwnerKey::isRevoked).extracting(OwnerKey::keyId).containsExactly(doomed.keyId());
        }
    }
}
