package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.Json;
import com.sovera.console.contract.ContractTap;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seven Quick Start requests of the vendor guide, replayed verbatim from the guide's own curl commands
 * (copied into {@code guide/quick-start-curl.txt}): same methods, headers and bodies. Only the base URL, the
 * guide's placeholders and its e-mail artefacts change, and each step's ids feed the next.
 */
class GuideReplayTest {

    private static final String GUIDE_BASE = "https://api.sandbox.sovera.io/sovx/v1";
    private static final String EMAIL_ARTEFACT = "[email protected]";

    /** One curl command: -X method, the URL, -H headers, -d body. */
    record Curl(String method, String url, List<String[]> headers, String body) {
    }

    @Test
    void theGuidesQuickStartWorksAgainstTheSandbox() throws Exception {
        List<String> commands = commands();
        assertThat(commands).hasSize(7);
        HttpClient http = HttpClient.newHttpClient();
        try (Sandbox sandbox = Sandbox.inMemory(0)) {
            String base = sandbox.server.baseUrl();

            Map<String, Object> health = send(http, sandbox.tap, parse(commands.get(0)), base, 200);
            assertThat(health).containsOnlyKeys("status", "timestamp", "uptime");
            assertThat(health.get("status")).isEqualTo("ok");
            assertThat(health.get("uptime")).isInstanceOf(Number.class);
            assertIsoTimestamp(health.get("timestamp"));

            Map<String, Object> login = send(http, sandbox.tap, parse(commands.get(1)
                    .replace(EMAIL_ARTEFACT, DemoAccount.EMAIL).replace("your-password", DemoAccount.PASSWORD)),
                    base, 200);
            assertThat(login).containsOnlyKeys("token", "expires");
            assertIsoTimestamp(login.get("expires"));
            String token = (String) login.get("token");

            Map<String, Object> customer = data(send(http, sandbox.tap, parse(commands.get(2)
                    .replace(EMAIL_ARTEFACT, "ops@corp.example").replace("YOUR_SESSION_TOKEN", token)), base, 201));
            assertThat(customer).containsEntry("email", "ops@corp.example")
                    .containsEntry("customer_id", "corp-redundant-firewall")
                    .containsEntry("entity_name", "Hedge Fund e-commerce");

            Map<String, Object> credentials = data(send(http, sandbox.tap, parse(commands.get(3)
                    .replace("YOUR_SESSION_TOKEN", token)), base, 201));
            assertThat(credentials).containsEntry("customer_id", "corp-redundant-firewall");
            String secret = (String) credentials.get("customer_secret");
            assertThat(secret).matches("[A-Za-z0-9]{32}");

            Map<String, Object> user = data(send(http, sandbox.tap, parse(commands.get(4)
                    .replace(EMAIL_ARTEFACT, "john.doe@example.com").replace("your-api-key-here", secret)), base, 201));
            assertThat(user).containsKeys("user_id", "email", "user_type", "status", "created_at");
            assertThat((String) user.get("user_id")).matches("[0-9a-f-]{36}");
            assertThat(user).containsEntry("email", "john.doe@example.com").containsEntry("user_type", "individual");
            assertThat(((String) user.get("status"))).isEqualToIgnoringCase("active");
            String userId = (String) user.get("user_id");

            Map<String, Object> wallet = data(send(http, sandbox.tap, parse(commands.get(5)
                    .replace("f4057807-52cf-4083-9ecb-283ef354fb2b", userId)
                    .replace("your-api-key-here", secret)), base, 201));
            assertThat(wallet).containsEntry("user_id", userId).containsEntry("name", "My BTC Wallet")
                    .containsEntry("currency", "BTC").containsEntry("status", "ACTIVE").containsEntry("balance", "0");
            String walletId = (String) wallet.get("wallet_id");

            Map<String, Object> address = data(send(http, sandbox.tap, parse(commands.get(6)
                    .replace("{wallet_id}", walletId).replace("your-api-key-here", secret)), base, 201));
            assertThat(address).containsEntry("wallet_id", walletId).containsEntry("currency", "BTC")
                    .containsEntry("network", "bitcoin-testnet");
            String onChain = (String) address.get("address");
            assertThat(onChain).startsWith("tb1q");
            assertThat(Addresses.isValid(onChain, Network.BITCOIN_TESTNET)).isTrue();
        }
    }

    private static void assertIsoTimestamp(Object value) {
        assertThat(value).isInstanceOf(String.class);
        assertThat((String) value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> envelope) {
        assertThat(envelope).containsOnlyKeys("success", "data", "meta");
        assertThat(envelope.get("success")).isEqualTo(true);
        Map<String, Object> meta = (Map<String, Object>) envelope.get("meta");
        assertThat(meta).containsKeys("timestamp", "version", "trace_id").containsEntry("version", "v1");
        return (Map<String, Object>) envelope.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> send(HttpClient http, ContractTap tap, Curl curl, String base, int expectedStatus)
            throws IOException, InterruptedException {
        assertThat(curl.url()).startsWith(GUIDE_BASE);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + curl.url().substring(GUIDE_BASE.length())))
                .method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(curl.body()));
        for (String[] header : curl.headers()) {
            request.header(header[0], header[1]);
        }
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        tap.check(built, curl.body(), response);
        assertThat(response.statusCode()).as(curl.method() + " " + curl.url() + ": " + response.body())
                .isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return (Map<String, Object>) Json.moshi().adapter(Object.class).fromJson(response.body());
    }

    private static List<String> commands() throws IOException {
        try (InputStream in = GuideReplayTest.class.getResourceAsStream("/guide/quick-start-curl.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.strip().split("\n\n"));
        }
    }

    /** Reads a curl command as a shell would: backslash-newlines joined, quotes removed. */
    static Curl parse(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        String text = command.replace("\\\n", " ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        String method = null;
        String url = null;
        String body = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String h = words.get(++i);
                    int colon = h.indexOf(':');
                    headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
                }
                case "-d" -> body = words.get(++i);
                default -> url = words.get(i);
            }
        }
        return new Curl(method, url, headers, body);
    }
}
