package com.sovera.console.api;

import static com.sovera.console.api.MockSovx.envelope;
import static com.sovera.console.api.MockSovx.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.Session;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The most verbose wire log of a whole session holds no password, token or secret. */
class RedactionTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String SESSION_TOKEN = "sxs_SessionTokenValue1234567890";
    private static final String SECRET = "uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H";
    private static final String USER_TOKEN = "sxu_UserTokenValue0987654321";

    @Test
    void noSecretReachesAnyLogLine() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger wire = (Logger) LoggerFactory.getLogger("com.sovera.console.api");
        Level before = wire.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        wire.setLevel(Level.TRACE);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            SovxClient client = SovxClient.builder(server.url("/sovx/v1").toString()).wireLog(WireLog.BODY).build();
            server.enqueue(json(200, "{\"token\":\"" + SESSION_TOKEN + "\",\"expires\":\"2030-01-01T00:00:00.000Z\"}"));
            server.enqueue(json(201, envelope("{\"customer_id\":\"c-1\",\"email\":\"a@b.co\",\"entity_name\":\"E\"}")));
            server.enqueue(json(201, envelope("{\"customer_id\":\"c-1\",\"customer_secret\":\"" + SECRET + "\"}")));
            server.enqueue(json(201, envelope("{\"user_id\":\"u-1\"}")));
            server.enqueue(json(201, envelope("{\"token\":\"" + USER_TOKEN + "\",\"expires\":\"2030-01-01T00:00:00.000Z\"}")));
            server.enqueue(json(200, envelope("{\"user_id\":\"u-1\"}")));
            server.enqueue(json(401, MockSovx.error("TOKEN_EXPIRED", "expired", null)));

            Session session = client.api().login(new LoginRequest("ops@example.com", PASSWORD)).execute();
            client.credentials().useSession(session);
            client.api().createCustomer(new NewCustomer("a@b.co", "c-1", "E"), null).execute();
            String secret = client.api().createCredentials("c-1", null).execute().customerSecret();
            client.credentials().useOwnerKey(secret);
            client.api().createUser(new NewUser("individual", "a@b.co", "A", "B", "+12345678901", "1990-01-01", "US"),
                    null).execute();
            client.credentials().useUserToken(client.api().createUserToken("c-1", "u-1", null).execute());
            client.api().me().execute();
            try {
                client.api().logout().execute();
            } catch (ApiException expected) {
                assertThat(expected.getMessage()).doesNotContain(SESSION_TOKEN);
            }
            client.close();
        } finally {
            root.detachAppender(captured);
            wire.setLevel(before);
        }

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the wire log was on").anyMatch(l -> l.contains("/sovx/v1/customers/c-1/credentials"));
        assertThat(lines).as("bodies were logged").anyMatch(l -> l.contains("\"customer_secret\":\"" + Redactor.MASK));
        assertThat(lines).anyMatch(l -> l.startsWith("x-api-key: "));
        for (String secret : List.of(PASSWORD, SESSION_TOKEN, SECRET, USER_TOKEN)) {
            assertThat(lines).as("no line carries " + secret.substring(0, 4) + "...")
                    .noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void theRedactorMasksHeadersFieldsAndRememberedValues() {
        Redactor redactor = new Redactor();
        redactor.remember("hunter2hunter2");
        assertThat(redactor.redact("Authorization: Bearer abc.def")).isEqualTo("Authorization: " + Redactor.MASK);
        assertThat(redactor.redact("X-API-KEY: k")).isEqualTo("X-API-KEY: " + Redactor.MASK);
        assertThat(redactor.redact("{\"password\" : \"p\\\"w\", \"email\":\"a@b.co\"}"))
                .isEqualTo("{\"password\" : \"" + Redactor.MASK + "\", \"email\":\"a@b.co\"}");
        assertThat(redactor.redact("echoed hunter2hunter2 here")).isEqualTo("echoed " + Redactor.MASK + " here");
    }

    @Test
    void theRedactorKeepsNoSecretYetMasksItInALateLine() throws Exception {
        Redactor redactor = new Redactor();
        String key = "sk_live_9f8e7d6c5b4a39281706x4Dz";
        redactor.remember(key);
        redactor.remember("hunter2hunter2");

        StringBuilder held = new StringBuilder();
        for (java.lang.reflect.Field f : Redactor.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                Object value = f.get(redactor);
                held.append(value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                        : String.valueOf(value)).append('|');
            }
        }
        assertThat(held.toString()).as("what the redactor holds in memory").doesNotContain(key)
                .doesNotContain("hunter2hunter2");

        assertThat(redactor.redact("late: " + key + ", again " + key + "; pw=hunter2hunter2."))
                .isEqualTo("late: " + Redactor.MASK + ", again " + Redactor.MASK + "; pw=" + Redactor.MASK + ".");
        assertThat(redactor.redact(key)).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact("sk_live_9f8e7d6c5b4a39281706x4D")).as("a prefix is no secret")
                .isEqualTo("sk_live_9f8e7d6c5b4a39281706x4D");
    }
}
