package com.sovera.console.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.Rules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge itself: it refuses what the document does not describe, and reads the rules as the code does. */
class OpenApiContractTest {

    private static final OpenApiContract DOC = OpenApiContract.get();
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> OWNER = Map.of("x-api-key", List.of("k"),
            "Content-Type", List.of("application/json"));
    private static final String META = "\"meta\":{\"timestamp\":\"2026-03-12T00:00:00.000Z\",\"version\":\"v1\","
            + "\"trace_id\":\"t\"}";
    private static final Map<String, List<String>> RATE = Map.of("Content-Type", List.of("application/json"),
            "X-RateLimit-Limit", List.of("10"), "X-RateLimit-Remaining", List.of("9"),
            "X-RateLimit-Reset", List.of("1800000000"), "X-Trace-Id", List.of("t"));

    private static OpenApiContract.Request post(String path, String body) {
        return new OpenApiContract.Request("POST", "/sovx/v1" + path, OWNER, body.getBytes(StandardCharsets.UTF_8));
    }

    private static OpenApiContract.Request get(String target) {
        return new OpenApiContract.Request("GET", "/sovx/v1" + target, OWNER, new byte[0]);
    }

    private static OpenApiContract.Response answer(int status, String body) {
        return new OpenApiContract.Response(status, RATE, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String user(String firstName) {
        return "{\"user_type\":\"individual\",\"email\":\"a@b.co\",\"first_name\":\"" + firstName + "\",\"last_name\":"
                + "\"D\",\"phone\":\"+12345678901\",\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}";
    }

    @Test
    void answersOutsideTheDocumentAreNamed() {
        var create = post("/users", user("J"));
        String created = "{\"success\":true,\"data\":{\"user_id\":\"f4057807-52cf-4083-9ecb-283ef354fb2b\","
                + "\"email\":\"a@b.co\",\"user_type\":\"individual\",\"status\":\"ACTIVE\",\"created_at\":"
                + "\"2026-03-12T00:00:00.000Z\"}," + META + "}";
        assertThat(DOC.checkResponse(create, answer(201, created))).isEmpty();
        assertThat(DOC.checkResponse(create, answer(201, created.replace("\"status\"", "\"password\":\"x\",\"status\""))))
                .as("a field the document does not have").isNotEmpty();
        assertThat(DOC.checkResponse(create, answer(202, created))).as("a status it does not name").isNotEmpty();
        assertThat(DOC.checkResponse(create, answer(500, "<html>oops</html>"))).as("outside the envelope").isNotEmpty();
        assertThat(DOC.checkResponse(create, new OpenApiContract.Response(201, JSON, created.getBytes(StandardCharsets.UTF_8))))
                .as("no rate-limit headers").isNotEmpty();
        String error = "{\"success\":false,\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"m\"}]," + META + "}";
        assertThat(DOC.checkResponse(get("/nowhere"), answer(404, error))).isEmpty();
        assertThat(DOC.checkResponse(get("/nowhere"), answer(200, error))).isNotEmpty();
        assertThat(DOC.checkResponse(create, answer(409, error))).as("409 must say CONFLICT").isNotEmpty();
    }

    @Test
    void requestsAreReadAsTheServerReadsThem() {
        assertThat(DOC.checkRequest(post("/users", user("J")))).isEmpty();
        assertThat(DOC.checkRequest(post("/users", user("J\\u0085")))).as("a C1 control").isNotEmpty();
        assertThat(DOC.checkRequest(post("/users", user("J\\u200dK")))).as("a joiner").isEmpty();
        assertThat(DOC.checkRequest(post("/users", user("\\ud835\\udc1a".repeat(100))))).as("100 characters").isEmpty();
        assertThat(DOC.checkRequest(post("/users", user("\\ud835\\udc1a".repeat(101))))).as("101 characters").isNotEmpty();
        assertThat(DOC.checkRequest(post("/users", user(" ")))).as("white space only").isNotEmpty();
        assertThat(DOC.checkRequest(get("/users?filter%5Blimit%5D=100&filter%5Bsort%5D=email%20desc,created_at"))).isEmpty();
        assertThat(DOC.checkRequest(get("/users?filter%5Blimit%5D=101"))).isNotEmpty();
        assertThat(DOC.checkRequest(get("/users?filter%5Blimit%5D=%2B5"))).as("+5 is no integer here").isNotEmpty();
        assertThat(DOC.checkRequest(get("/users?filter%5Bwhere%5D%5Bphone%5D=1"))).as("not a filter of it").isNotEmpty();
        assertThat(DOC.checkRequest(get("/users?filter%5Blimit%5D=1&filter%5Blimit%5D=2"))).as("twice").isNotEmpty();
        assertThat(DOC.checkRequest(get("/users?other=1"))).as("other parameters are ignored").isEmpty();
        assertThat(DOC.checkRequest(new OpenApiContract.Request("GET", "/sovx/v1/users", JSON, new byte[0])))
                .as("no owner key").isNotEmpty();
    }

    @Test
    void theDocumentsEmailPatternReadsAddressesAsRulesDoes() {
        for (String address : List.of("a@b.co", "\\\"john doe\\\"@example.com", "x@[192.0.2.1]", "x@[IPv6:2001:db8::1]",
                "\\u00fcser@b\\u00fccher.de", "x@y.z*", "a@b.c", "l@&;x.y", "a..b@c.co", "a@1.2.3.4", "\\ud835\\udc1a@b.co")) {
            String decoded = com.fasterxml.jackson.databind.node.TextNode.valueOf(address).asText();
            String json = "{\"email\":\"" + address + "\",\"customer_id\":\"abc\",\"entity_name\":\"E\"}";
            boolean documented = DOC.checkRequest(new OpenApiContract.Request("POST", "/sovx/v1/customers",
                    Map.of("Authorization", List.of("Bearer t"), "Content-Type", List.of("application/json")),
                    json.getBytes(StandardCharsets.UTF_8))).isEmpty();
            String unescaped = unescape(decoded);
            assertThat(documented).as(unescaped).isEqualTo(Rules.isEmail(unescaped));
        }
    }

    private static String unescape(String jsonEscaped) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue("\"" + jsonEscaped + "\"", String.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
