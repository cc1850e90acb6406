package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two companies (accounts), each with a customer, a user, a wallet, an address and a user token. Every endpoint
 * is called with the other company's ids under every credential that is not the owner's own of the right
 * audience, and every list is read by the other side: no answer may succeed or carry the victim's data.
 */
class CrossTenantProbeTest {

    /** One tenant's objects and credentials, as raw strings taken from the wire. */
    record Tenant(String customerId, String session, String ownerKey, String keyId, String userId,
                  String userEmail, String walletId, String address, String userToken, String transactionId,
                  String txHash) {
        List<String> data() {
            return List.of(userId, userEmail, walletId, address, transactionId, txHash);
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    private static Map<String, String> fields(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    private static Tenant tenant(Sandbox sandbox, String email, String password, String name) throws Exception {
        String session = fields(sandbox.send("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}", "Content-Type", "application/json").body()).get("token");
        String bearer = "Bearer " + session;
        String customerId = "probe-" + name;
        HttpResponse<String> customer = sandbox.send("POST", "/customers", "{\"email\":\"ops@" + name
                + ".example\",\"customer_id\":\"" + customerId + "\",\"entity_name\":\"" + name + " Ltd\"}",
                "Content-Type", "application/json", "Authorization", bearer);
        assertThat(customer.statusCode()).isEqualTo(201);
        Map<String, String> minted = fields(sandbox.send("POST", "/customers/" + customerId + "/credentials", null,
                "Authorization", bearer).body());
        String key = minted.get("customer_secret");
        String userEmail = "person@" + name + ".example";
        String userId = fields(sandbox.send("POST", "/users", "{\"user_type\":\"individual\",\"email\":\""
                + userEmail + "\",\"first_name\":\"Pat\",\"last_name\":\"Doe\",\"phone\":\"+15551234567\","
                + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}", "Content-Type", "application/json",
                "x-api-key", key).body()).get("user_id");
        String walletId = fields(sandbox.send("POST", "/users/" + userId + "/wallets", "{\"name\":\"W\","
                + "\"currency\":\"BTC\"}", "Content-Type", "application/json", "x-api-key", key).body())
                .get("wallet_id");
        String address = fields(sandbox.send("POST", "/wallets/" + walletId + "/address",
                "{\"currency\":\"BTC\",\"network\":\"bitcoin-testnet\"}", "Content-Type", "application/json", "x-api-key", key).body())
                .get("address");
        String token = fields(sandbox.send("POST", "/customers/" + customerId + "/users/" + userId + "/token", null,
                "Authorization", bearer).body()).get("token");
        Map<String, String> deposit = fields(sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + address
                + "\",\"amount\":\"0.5\"}", "Content-Type", "application/json", "x-api-key", key).body());
        Tenant t = new Tenant(customerId, session, key, minted.get("key_id"), userId, userEmail, walletId, address,
                token, deposit.get("transaction_id"), deposit.get("tx_hash"));
        assertThat(List.of(session, key, t.keyId(), userId, walletId, address, token, t.transactionId(), t.txHash()))
                .doesNotContainNull();
        return t;
    }

    @Test
    void noEndpointAnswersWithAnotherTenantsDataUnderAnyWrongCredential() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0)) {
            sandbox.server.addAccount("rival@sandbox.sovx.test", "rival-password");
            Tenant victim = tenant(sandbox, DemoAccount.EMAIL, DemoAccount.PASSWORD, "victim");
            Tenant rival = tenant(sandbox, "rival@sandbox.sovx.test", "rival-password", "rival");

            Map<String, String[]> credentials = new LinkedHashMap<>();
            credentials.put("none", new String[0]);
            credentials.put("rival session", new String[] {"Authorization", "Bearer " + rival.session()});
            credentials.put("rival owner key", new String[] {"x-api-key", rival.ownerKey()});
            credentials.put("rival user token", new String[] {"Authorization", "Bearer " + rival.userToken()});
            credentials.put("victim session", new String[] {"Authorization", "Bearer " + victim.session()});
            credentials.put("victim owner key", new String[] {"x-api-key", victim.ownerKey()});
            credentials.put("victim user token", new String[] {"Authorization", "Bearer " + victim.userToken()});

            // every endpoint with the victim's ids; which victim credential is the right one for it
            record Probe(String method, String path, String body, String rightCredential) { }
            String json = "{\"name\":\"Probe\",\"currency\":\"BTC\",\"network\":\"bitcoin-testnet\"}";
            List<Probe> probes = List.of(
                    new Probe("GET", "/customers/" + victim.customerId(), null, "victim session"),
                    new Probe("POST", "/customers/" + victim.customerId() + "/credentials", null, "victim session"),
                    new Probe("GET", "/customers/" + victim.customerId() + "/credentials", null, "victim session"),
                    new Probe("DELETE", "/customers/" + victim.customerId() + "/credentials/" + victim.keyId(), null,
                            "victim session"),
                    new Probe("POST", "/customers/" + victim.customerId() + "/users/" + victim.userId() + "/token",
                            null, "victim session"),
                    new Probe("GET", "/users/" + victim.userId(), null, "victim owner key"),
                    new Probe("GET", "/users/" + victim.userId() + "/wallets", null, "victim owner key"),
                    new Probe("POST", "/users/" + victim.userId() + "/wallets", json, "victim owner key"),
                    new Probe("GET", "/wallets/" + victim.walletId(), null, "victim owner key"),
                    new Probe("GET", "/wallets/" + victim.walletId() + "/addresses", null, "victim owner key"),
                    new Probe("POST", "/wallets/" + victim.walletId() + "/address", json, "victim owner key"),
                    new Probe("GET", "/customers", null, "victim session"),
                    new Probe("GET", "/users", null, "victim owner key"),
                    new Probe("GET", "/wallets", null, "victim owner key"),
                    new Probe("GET", "/addresses", null, "victim owner key"),
                    new Probe("GET", "/users?filter%5Bwhere%5D%5Bemail%5D=" + victim.userEmail(), null, "victim owner key"),
                    new Probe("GET", "/addresses?filter%5Bwhere%5D%5Baddress%5D=" + victim.address(), null, "victim owner key"),
                    new Probe("GET", "/transactions/" + victim.transactionId(), null, "victim owner key"),
                    new Probe("GET", "/wallets/" + victim.walletId() + "/transactions", null, "victim owner key"),
                    new Probe("GET", "/transactions", null, "victim owner key"),
                    new Probe("GET", "/transactions?filter%5Bwhere%5D%5Btx_hash%5D=" + victim.txHash(), null,
                            "victim owner key"),
                    new Probe("POST", "/sandbox/deposits", "{\"address\":\"" + victim.address()
                            + "\",\"amount\":\"1\"}", "victim owner key"),
                    // POST /sandbox/blocks is left out: the simulated chain is every tenant's, as a real one is
                    new Probe("GET", "/me", null, "victim user token"),
                    new Probe("GET", "/me/wallets", null, "victim user token"));

            List<String> leaks = new ArrayList<>();
            int tried = 0;
            for (Probe probe : probes) {
                for (var credential : credentials.entrySet()) {
                    if (credential.getKey().equals(probe.rightCredential())) {
                        continue;
                    }
                    List<String> headers = new ArrayList<>(List.of(credential.getValue()));
                    if (probe.body() != null) {
                        headers.addAll(List.of("Content-Type", "application/json"));
                    }
                    HttpResponse<String> answer = sandbox.send(probe.method(), probe.path(), probe.body(),
                            headers.toArray(String[]::new));
                    tried++;
                    String body = answer.body();
                    boolean list = probe.method().equals("GET") && victim.data().stream()
                            .noneMatch(probe.path().split("\\?")[0]::contains)
                            && !probe.path().contains(victim.customerId());
                    boolean refused = answer.statusCode() == 401 || answer.statusCode() == 403
                            || answer.statusCode() == 404;
                    // the rival may list its own rows (200), as long as none of the victim's is among them
                    boolean ownList = list && answer.statusCode() == 200 && credential.getKey().startsWith("rival");
                    if (!refused && !ownList) {
                        leaks.add(probe.method() + " " + probe.path() + " as " + credential.getKey() + " -> "
                                + answer.statusCode());
                    }
                    for (String secret : victim.data()) {
                        if (body.contains(secret) && !probe.path().contains(secret)) {
                            leaks.add(probe.method() + " " + probe.path() + " as " + credential.getKey()
                                    + " shows the victim's " + secret);
                        }
                    }
                }
            }
            assertThat(tried).isEqualTo(probes.size() * (credentials.size() - 1));
            assertThat(leaks).as("answers that succeeded or showed the other tenant's data").isEmpty();

            // and the victim's key was revoked by no one
            assertThat(sandbox.send("GET", "/users", null, "x-api-key", victim.ownerKey()).statusCode()).isEqualTo(200);
            // and nothing was made for the victim by anyone else
            assertThat(sandbox.send("GET", "/users/" + victim.userId() + "/wallets", null, "x-api-key",
                    victim.ownerKey()).body()).contains("\"total\":1");
            assertThat(sandbox.send("GET", "/wallets/" + victim.walletId() + "/addresses", null, "x-api-key",
                    victim.ownerKey()).body()).contains("\"total\":1");
            assertThat(sandbox.send("GET", "/wallets/" + victim.walletId() + "/transactions", null, "x-api-key",
                    victim.ownerKey()).body()).contains("\"total\":1");
            assertThat(sandbox.send("GET", "/wallets/" + victim.walletId(), null, "x-api-key", victim.ownerKey())
                    .body()).contains("\"pending_balance\":\"0.5\"");
        }
    }
}
