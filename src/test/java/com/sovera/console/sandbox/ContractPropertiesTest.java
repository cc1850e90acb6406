package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sovera.console.contract.OpenApiContract;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Requests generated from docs/openapi.yaml, allowed and forbidden alike: for each operation of the document,
 * its path, query and header parameters and its body are made from the document's parameters and schemas (the
 * names, the required fields, the limits, the sortable fields), with values near and past each limit, of the
 * wrong type, missing, in hostile Unicode, under the right credential or another. Whatever is sent:
 *
 * <ul>
 *   <li>no 5xx, and every answer is one the document describes for that request;</li>
 *   <li>a request the document allows is never refused as malformed (VALIDATION_ERROR, INVALID_JSON, 413, 415),
 *       except on a field whose {@code x-server-rule} the schema cannot say;</li>
 *   <li>a request the document forbids is never accepted.</li>
 * </ul>
 *
 * {@code mvn verify} runs 250 tries (junit-platform.properties; {@code -Djqwik.tries.default=N} for more);
 * {@code mvn -Preliability verify} also runs 20,000. A failure prints the seed that replays it.
 */
class ContractPropertiesTest {

    private static final OpenApiContract DOC = OpenApiContract.get();
    private static Sandbox sandbox;
    private static Map<String, String> ids;
    private static Map<String, String[]> credentials;
    /** A deposit address the customer holds, so that simulated deposits to it can succeed. */
    private static String address;

    @BeforeContainer
    static void start() throws Exception {
        sandbox = new Sandbox(SandboxConfig.inMemory().withDemoUsers(0).withRateLimit(1_000_000));
        String session = token(sandbox.send("POST", "/auth/login", "{\"email\":\"" + DemoAccount.EMAIL
                + "\",\"password\":\"" + DemoAccount.PASSWORD + "\"}", "Content-Type", "application/json").body());
        String customerId = "props-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.send("POST", "/customers", "{\"email\":\"ops@props.example\",\"customer_id\":\"" + customerId
                + "\",\"entity_name\":\"Props\"}", "Content-Type", "application/json", "Authorization", "Bearer " + session);
        String minted = sandbox.send("POST", "/customers/" + customerId + "/credentials", null, "Authorization",
                "Bearer " + session).body();
        String key = field(minted, "customer_secret");
        String userId = field(sandbox.send("POST", "/users", "{\"user_type\":\"individual\",\"email\":\"p@props.example\","
                + "\"first_name\":\"P\",\"last_name\":\"Q\",\"phone\":\"+15551234567\",\"date_of_birth\":\"1990-01-01\","
                + "\"country\":\"US\"}", "Content-Type", "application/json", "x-api-key", key).body(), "user_id");
        String walletId = field(sandbox.send("POST", "/users/" + userId + "/wallets", "{\"name\":\"W\",\"currency\":\"BTC\"}",
                "Content-Type", "application/json", "x-api-key", key).body(), "wallet_id");
        address = field(sandbox.send("POST", "/wallets/" + walletId + "/address", "{\"currency\":\"BTC\","
                + "\"network\":\"bitcoin-testnet\"}", "Content-Type", "application/json", "x-api-key", key).body(),
                "address");
        String transactionId = field(sandbox.send("POST", "/sandbox/deposits", "{\"address\":\"" + address
                + "\",\"amount\":\"0.001\"}", "Content-Type", "application/json", "x-api-key", key).body(),
                "transaction_id");
        String userToken = token(sandbox.send("POST", "/customers/" + customerId + "/users/" + userId + "/token", null,
                "Authorization", "Bearer " + session).body());
        ids = Map.of("customer_id", customerId, "user_id", userId, "wallet_id", walletId,
                "transaction_id", transactionId,
                "key_id", field(sandbox.send("POST", "/customers/" + customerId + "/credentials", null,
                        "Authorization", "Bearer " + session).body(), "key_id"));
        credentials = new LinkedHashMap<>();
        credentials.put("session", new String[] {"Authorization", "Bearer " + session});
        credentials.put("ownerKey", new String[] {"x-api-key", key});
        credentials.put("userToken", new String[] {"Authorization", "Bearer " + userToken});
        credentials.put("garbage", new String[] {"x-api-key", "not-a-key"});
        credentials.put("none", new String[0]);
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    @Provide
    Arbitrary<OpenApiContract.Operation> operations() {
        return Arbitraries.of(DOC.operations());
    }

    @Property
    void anyRequestGetsAnAnswerTheDocumentDescribesAndNoServerError(
            @ForAll("operations") OpenApiContract.Operation operation, @ForAll Random random) throws Exception {
        Probe probe = new Probe(random).build(operation);
        HttpResponse<String> answer = sandbox.send(operation.method(), probe.target.substring(
                OpenApiContract.BASE_PATH.length()), probe.body, probe.headers.toArray(String[]::new));
        OpenApiContract.Request request = new OpenApiContract.Request(operation.method(), probe.target,
                headerMap(probe.headers), probe.body == null ? new byte[0] : probe.body.getBytes(StandardCharsets.UTF_8));
        String what = operation.method() + " " + probe.target + (probe.body == null ? "" : " " + probe.body)
                + " " + probe.headers + " -> " + answer.statusCode() + " " + answer.body();

        assertThat(answer.statusCode()).as(what).isLessThan(500);
        assertThat(DOC.checkServer(request, new OpenApiContract.Response(answer.statusCode(), answer.headers().map(),
                answer.body().getBytes(StandardCharsets.UTF_8)))).as(what).isEmpty();
    }

    /** The same for 20,000 requests: the reliability profile's long run. */
    @Property(tries = 20_000)
    @net.jqwik.api.Tag("long")
    void twentyThousandRequestsGetAnswersTheDocumentDescribes(
            @ForAll("operations") OpenApiContract.Operation operation, @ForAll Random random) throws Exception {
        anyRequestGetsAnAnswerTheDocumentDescribesAndNoServerError(operation, random);
    }

    /** One generated request: target, headers, body. */
    private static final class Probe {
        private static final String[] POOL = {"a", "Z", "7", " ", "-", "_", ".", "@", "%", "+", "'", "\"", "\\", "<",
            "&", ";", "*", "[", "]", "é", "ü", "李", "Ж", "ب", "\u200c", "\u200d", "\uD835\uDC1A", "\uD83D\uDE80",
            "\u00a0", "\u3000", "\u0000", "\u0007", "\t", "\n", "\u0085", "\u202e", "\u2066", "\u2028", "\ufeff", "\u00ad"};
        private static final String[] EMAILS = {"a@b.co", "john.doe@example.com", "\"john doe\"@example.com",
            "x@[192.0.2.1]", "x@[IPv6:2001:db8::1]", "üser@bücher.de", "o'brien+tag@mail.example.org", "x@y.z*",
            "a@b.c", "a@b", "@b.co", "a..b@c.co", ".a@b.co", "a@-b.co", "l@&;x.y", " a@b.co", "a@b.co ",
            "\uD835\uDC1A@b.co", "a\u0000@b.co"};
        private static final String[] WRONG_TYPES = {"1", "679233104252187124525440175722987520", "-1.5e-999", "true",
            "null", "[]", "{}", "[\"a\"]"};

        private final Random random;
        final List<String> headers = new ArrayList<>();
        String target;
        String body;

        Probe(Random random) {
            this.random = random;
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        Probe build(OpenApiContract.Operation op) {
            String path = op.template();
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                String value = chance(0.75) && ids.containsKey(m.group(1)) ? ids.get(m.group(1)) : text(40);
                m.appendReplacement(filled, Matcher.quoteReplacement(encodeSegment(value)));
            }
            m.appendTail(filled);
            target = OpenApiContract.BASE_PATH + filled + query(op);
            credentials(op);
            parameters(op).stream().filter(p -> p.path("in").asText().equals("header")).forEach(p -> {
                if (chance(0.4)) {
                    headers.add(p.path("name").asText());
                    headers.add(chance(0.9) ? UUID.randomUUID().toString() : pick(new String[] {"a b", "x".repeat(256), "{key}"}));
                }
            });
            JsonNode requestBody = op.node().path("requestBody");
            if (!requestBody.isMissingNode()) {
                String ref = requestBody.path("content").path("application/json").path("schema").path("$ref").asText();
                body(DOC.document().at(ref.substring(1)));
            }
            return this;
        }

        private List<JsonNode> parameters(OpenApiContract.Operation op) {
            List<JsonNode> all = new ArrayList<>();
            DOC.document().path("paths").path(op.template()).path("parameters").forEach(p -> all.add(resolve(p)));
            op.node().path("parameters").forEach(p -> all.add(resolve(p)));
            return all;
        }

        private void credentials(OpenApiContract.Operation op) {
            JsonNode security = op.node().path("security");
            String right = security.isEmpty() ? "none" : security.get(0).fieldNames().next();
            String chosen = chance(0.8) ? right : pick(credentials.keySet().toArray(String[]::new));
            for (String h : credentials.get(chosen)) {
                headers.add(h);
            }
        }

        private String query(OpenApiContract.Operation op) {
            List<String> pairs = new ArrayList<>();
            for (JsonNode p : parameters(op)) {
                if (!p.path("in").asText().equals("query") || !chance(0.35)) {
                    continue;
                }
                String name = p.path("name").asText();
                String value = queryValue(name, p.path("schema"));
                pairs.add(encode(name) + "=" + encode(value));
                if (chance(0.05)) {
                    pairs.add(encode(name) + "=" + encode(value));
                }
            }
            if (chance(0.08)) {
                pairs.add(encode("filter[where][" + pick(new String[] {"phone", "secret", "x"}) + "]") + "=1");
            }
            if (chance(0.08)) {
                pairs.add("other=" + encode(text(5)));
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private String queryValue(String name, JsonNode schema) {
            if (schema.path("type").asText().equals("integer")) {
                return pick(new String[] {"-1", "0", "1", "7", "20", "100", "101", "007", Long.toString(1L << 62),
                    Long.toString(Long.MAX_VALUE), "9223372036854775808", "abc", "+5", " 5", "1e3", ""});
            }
            if (name.equals("filter[sort]")) {
                Matcher fields = Pattern.compile("\\^ \\*\\(([a-z_|]+)\\)").matcher(schema.path("pattern").asText());
                String[] names = fields.find() ? fields.group(1).split("\\|") : new String[] {"created_at"};
                List<String> terms = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    String field = chance(0.85) ? pick(names) : pick(new String[] {"phone", "password_hash", ""});
                    String direction = pick(new String[] {"", " ASC", " desc", " DESC", "  Asc ", " up"});
                    terms.add(field + direction);
                }
                return String.join(pick(new String[] {",", ", ", ",,"}), terms);
            }
            return chance(0.3) ? pick(new String[] {"%", "a%", "%@%", "ACTIVE", "BTC", "bitcoin-testnet", ""})
                    : text(chance(0.1) ? 260 : 20);
        }

        private void body(JsonNode schema) {
            headers.add("Content-Type");
            headers.add(chance(0.95) ? "application/json" : pick(new String[] {"text/plain", "application/xml"}));
            if (chance(0.07)) {
                body = pick(new String[] {"{", "[]", "\"x\"", "\uFEFF{}", "{\"a\":1,\"a\":2}", "{} x", "", "nul"});
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            JsonNode required = schema.path("required");
            schema.path("properties").fields().forEachRemaining(p -> {
                boolean isRequired = false;
                for (JsonNode r : required) {
                    isRequired |= r.asText().equals(p.getKey());
                }
                if (isRequired ? chance(0.95) : chance(0.5)) {
                    fields.put(p.getKey(), chance(0.06) ? pick(WRONG_TYPES)
                            : p.getValue().path("type").asText().equals("integer") ? integer()
                            : quote(value(p.getKey(), p.getValue())));
                }
            });
            if (chance(0.1)) {
                fields.put("extra_" + random.nextInt(9), pick(WRONG_TYPES));
            }
            StringBuilder json = new StringBuilder("{");
            fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
            body = json.append('}').toString();
        }

        /** A JSON number for an integer field: in and out of its range, written in every way JSON allows. */
        private String integer() {
            return pick(new String[] {"1", "3", "1000", "0", "-1", "1001", "5.0", "5e0", "1e3", "1e4", "2.5",
                "99999999999999999999", Integer.toString(1 + random.nextInt(20))});
        }

        /** A value for a body field, by what the document says of it. */
        private String value(String name, JsonNode schema) {
            switch (name) {
                case "email":
                    return schema.has("pattern") && chance(0.8) ? pick(EMAILS).replace("a@", random.nextInt(99999) + "a@")
                            .replace("x@", random.nextInt(99999) + "x@") : text(30);
                case "customer_id":
                    return chance(0.8) ? "c" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 6)
                            : pick(new String[] {"ab", "-x-y", "Upper", "x".repeat(64), "ok-id-" + random.nextInt(999)});
                case "phone":
                    return pick(new String[] {"+", "", "0"}) + digits(5 + random.nextInt(13));
                case "date_of_birth":
                    return pick(new String[] {"1990-01-01", "1900-01-01", "1899-12-31", "2999-01-01", "1990-02-30",
                        "1990-1-1", "19900101", (1900 + random.nextInt(130)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(9)});
                case "country":
                    return pick(new String[] {"US", "de", "XX", "USA", "U", "jp", "zz", "é1"});
                case "user_type":
                    return pick(new String[] {"individual", "BUSINESS", "Individual", "person", "", "ındividual"});
                case "currency":
                    return pick(new String[] {"BTC", "eth", "usdc", "Btc", "DOGE", "", "b\u0000tc"});
                case "network":
                    return pick(new String[] {"bitcoin-testnet", "ethereum-sepolia", "bitcoin", "ethereum", "litecoin", ""});
                case "amount":
                    return pick(new String[] {"0.001", "1", "0.00000001", "12345678901234567890", "0.000000001", "0",
                        "0.0", ".5", "1.", "-1", "+1", "1e3", "1,5", "", " 1", "123456789012345678901", "007.5",
                        "1." + "0".repeat(18), "1." + digits(1 + random.nextInt(20)), digits(1 + random.nextInt(22))});
                case "address":
                    return chance(0.6) ? address : chance(0.5) ? address.toUpperCase(java.util.Locale.ROOT) : text(20);
                case "password":
                    return chance(0.5) ? DemoAccount.PASSWORD : text(20);
                default:
                    int max = schema.path("maxLength").asInt(50);
                    int length = pick(new Integer[] {0, 1, max - 1, max, max + 1, random.nextInt(max + 2)});
                    return text(Math.max(0, length));
            }
        }

        private String text(int length) {
            StringBuilder out = new StringBuilder();
            boolean hostile = chance(0.3);
            for (int i = 0; i < length; i++) {
                String c = hostile ? pick(POOL) : pick(new String[] {"a", "b", "Z", "é", "李", " ", "-", "\uD835\uDC1A"});
                out.append(c);
            }
            return out.toString();
        }

        private String digits(int n) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append(chance(0.97) ? (char) ('0' + random.nextInt(10)) : 'x');
            }
            return out.toString();
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        private static String encodeSegment(String text) {
            return encode(text).replace("+", "%20");
        }

        private static JsonNode resolve(JsonNode node) {
            while (node.has("$ref")) {
                node = DOC.document().at(node.get("$ref").asText().substring(1));
            }
            return node;
        }
    }

    private static Map<String, List<String>> headerMap(List<String> pairs) {
        Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.size(); i += 2) {
            map.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
        }
        return map;
    }

    private static String token(String body) {
        return field(body, "token");
    }

    private static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + body);
        }
        return m.group(1);
    }
}
