package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract's rules where the sandbox once broke them (issue 15): text of 4-byte characters, e-mail
 * addresses, passwords as typed, big numbers in JSON, broken percent-escapes, and the limits it had but did not
 * say. Raw HTTP, as an integrator's tool would send it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractRulesTest {

    /** Mathematical bold letters: one character, two UTF-16 units each. */
    private static final String BOLD = "\uD835\uDC2D\uD835\uDC21\uD835\uDC1E \uD835\uDC2A\uD835\uDC2E\uD835\uDC22";
    private static final String BOLD_A = "\uD835\uDC1A";

    private Sandbox sandbox;
    private String key;
    private String session;
    private String userId;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.inMemory(0);
        key = sandbox.server.demo().ownerKey();
        session = (String) json(login("{\"email\":\"" + DemoAccount.EMAIL + "\",\"password\":\"" + DemoAccount.PASSWORD
                + "\"}").body()).get("token");
        userId = id(post("/users", user("owner@x.example", "Pat")), "user_id");
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return (Map<String, Object>) Json.moshi().adapter(Object.class).fromJson(body);
    }

    @SuppressWarnings("unchecked")
    private static String id(HttpResponse<String> r, String name) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return (String) ((Map<String, Object>) json(r.body()).get("data")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(HttpResponse<String> r) throws Exception {
        return ((java.util.List<Map<String, Object>>) json(r.body()).get("errors")).get(0);
    }

    private HttpResponse<String> login(String body) throws Exception {
        return sandbox.send("POST", "/auth/login", body, "Content-Type", "application/json");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return sandbox.send("POST", path, body, "x-api-key", key, "Content-Type", "application/json");
    }

    private HttpResponse<String> postAsSession(String path, String body) throws Exception {
        return sandbox.send("POST", path, body, "Authorization", "Bearer " + session, "Content-Type",
                "application/json");
    }

    private static String user(String email, String firstName) {
        return "{\"user_type\":\"individual\",\"email\":\"" + email + "\",\"first_name\":\"" + firstName
                + "\",\"last_name\":\"Doe\",\"phone\":\"+15551234567\",\"date_of_birth\":\"1990-01-01\","
                + "\"country\":\"US\"}";
    }

    @Test
    void textOfFourByteCharactersUpToTheLimitIsStoredAndReadBack() throws Exception {
        String walletName = BOLD_A.repeat(64);
        String walletId = id(post("/users/" + userId + "/wallets", "{\"name\":\"" + walletName
                + "\",\"currency\":\"BTC\"}"), "wallet_id");
        assertThat(sandbox.send("GET", "/wallets/" + walletId, null, "x-api-key", key).body())
                .contains("\"name\":\"" + walletName + "\"");
        assertThat(post("/users/" + userId + "/wallets", "{\"name\":\"" + BOLD_A.repeat(65)
                + "\",\"currency\":\"BTC\"}").statusCode()).isEqualTo(400);

        String firstName = BOLD_A.repeat(100);
        String created = id(post("/users", user("bold@x.example", firstName)), "user_id");
        assertThat(sandbox.send("GET", "/users/" + created, null, "x-api-key", key).body())
                .contains("\"first_name\":\"" + firstName + "\"");

        String entity = BOLD + " " + BOLD_A.repeat(190) + " \uD83D\uDE80"; // 200 characters with the rocket
        assertThat(entity.codePointCount(0, entity.length())).isEqualTo(200);
        HttpResponse<String> customer = postAsSession("/customers", "{\"email\":\"ops@bold.example\","
                + "\"customer_id\":\"bold-letters\",\"entity_name\":\"" + entity + "\"}");
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        assertThat(customer.body()).contains(entity);
    }

    @Test
    void eMailAddressesFollowWhatAMailSystemAccepts() throws Exception {
        HttpResponse<String> control = post("/users", user("l@&;\\u008a\\u00b8F\\u00c2.x", "Ctl"));
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(error(control)).containsEntry("field", "email");
        HttpResponse<String> star = postAsSession("/customers", "{\"email\":\"x@y.z*\",\"customer_id\":\"star-tld\","
                + "\"entity_name\":\"Star\"}");
        assertThat(star.statusCode()).isEqualTo(400);
        assertThat(error(star)).containsEntry("field", "email");
        for (String ok : new String[] {"\\\"john doe\\\"@example.com", "ops@[192.0.2.1]", "\u00fcser@b\u00fccher.de"}) {
            assertThat(post("/users", user(ok, "Ok")).statusCode()).as(ok).isEqualTo(201);
        }
    }

    @Test
    void aPasswordIsComparedExactlyAsTyped() throws Exception {
        for (String typed : new String[] {" " + DemoAccount.PASSWORD + " ", DemoAccount.PASSWORD + "\\t",
            DemoAccount.PASSWORD.toUpperCase()}) {
            HttpResponse<String> r = login("{\"email\":\"" + DemoAccount.EMAIL + "\",\"password\":\"" + typed + "\"}");
            assertThat(r.statusCode()).as(typed).isEqualTo(401);
            assertThat(error(r)).as(typed).containsEntry("code", "INVALID_CREDENTIALS");
        }
        assertThat(login("{\"email\":\"" + DemoAccount.EMAIL + "\",\"password\":\"" + DemoAccount.PASSWORD + "\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anyValidJsonIsReadAsJsonBigNumbersIncluded() throws Exception {
        assertThat(post("/users/" + userId + "/wallets", "{\"name\":\"W\",\"currency\":\"BTC\","
                + "\"n\":679233104252187124525440175722987520}").statusCode()).isEqualTo(201);
        HttpResponse<String> nested = post("/users/" + userId + "/wallets", "{\"name\":\"W\",\"currency\":\"BTC\","
                + "\"n\":-1.5e-999999,\"m\":[1e400,{\"deep\":[null,true]}]}");
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(201);
        assertThat(login("{\"email\":\"" + DemoAccount.EMAIL + "\",\"password\":\"" + DemoAccount.PASSWORD
                + "\",\"attempt\":123456789012345678901234567890}").statusCode()).isEqualTo(200);
        HttpResponse<String> number = post("/users/" + userId + "/wallets", "{\"name\":12345678901234567890123,"
                + "\"currency\":\"BTC\"}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(error(number)).containsEntry("code", "VALIDATION_ERROR").containsEntry("field", "name");
    }

    @Test
    void aBrokenPercentEscapeIsAnsweredInTheEnvelope() throws Exception {
        for (String target : new String[] {"/users?filter%5Bwhere%5D%5Bemail%5D=%ZZ", "/users/%zz",
            "/users?filter%5Blimit%5D=%G1", "/users?x=%", "/health?a=%E"}) {
            String answer = sandbox.raw("GET", target);
            assertThat(answer).as(target).startsWith("HTTP/1.1 400");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body).as(target).startsWith("{\"success\":false,\"errors\":[{\"code\":\"VALIDATION_ERROR\"");
            assertThat(answer).as(target).containsIgnoringCase("X-RateLimit-Limit").containsIgnoringCase("X-Trace-Id");
        }
    }

    @Test
    void bracketsAndLettersSentRawAreReadAsTheClientMeantThem() throws Exception {
        post("/users", user("zo\u00eb@raw.example", "Zo\u00eb"));
        String answer = sandbox.raw("GET", "/users?filter[limit]=1&filter[where][first_name]=Zo\u00eb", "x-api-key", key);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("\"total\":1").contains("\"limit\":1").contains("zo\u00eb@raw.example");
        assertThat(answer).doesNotContainIgnoringCase(FrontDoor.REPAIRED);
        String spoofed = sandbox.raw("GET", "/users?filter%5Blimit%5D=1", "x-api-key", key, FrontDoor.REPAIRED, "true");
        assertThat(spoofed).as("a client cannot mark its own request").startsWith("HTTP/1.1 200");
    }

    @Test
    void theLimitsTheSandboxKeepsAreTheContractsAndTheRestAreGone() throws Exception {
        HttpResponse<String> far = sandbox.send("GET", "/users?filter%5Bskip%5D=" + (1L << 62), null, "x-api-key", key);
        assertThat(far.statusCode()).as(far.body()).isEqualTo(200);
        assertThat(far.body()).contains("\"data\":[]").contains("\"skip\":" + (1L << 62));
        assertThat(sandbox.send("GET", "/users?filter%5Bskip%5D=" + Long.MAX_VALUE, null, "x-api-key", key)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> beyond = sandbox.send("GET", "/users?filter%5Bskip%5D=9223372036854775808", null,
                "x-api-key", key);
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat((String) error(beyond).get("message")).doesNotContain("whole number").contains("9223372036854775807");

        HttpResponse<String> twice = sandbox.send("GET", "/users?filter%5Bsort%5D=email%20DESC,email%20ASC", null,
                "x-api-key", key);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);

        HttpResponse<String> old = post("/users", user("old@x.example", "Old").replace("1990-01-01", "1899-12-31"));
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat((String) error(old).get("message")).contains("1900");

        assertThat(post("/users", user("zwnj@x.example", "\u0645\u06cc\u200c\u0631")).statusCode())
                .as("a joiner is part of a name").isEqualTo(201);
        for (String bad : new String[] {"a\\u0085b", "a\\u202eb"}) {
            HttpResponse<String> r = post("/users", user("c" + bad.length() + bad.hashCode() + "@x.example", bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(error(r)).containsEntry("field", "first_name");
        }
    }
}
