package com.sovera.console.api;

import static com.sovera.console.api.MockSovx.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.TransportException.Kind;
import com.sovera.console.api.model.Session;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error of the contract, and every way an answer can fail to arrive, as the typed error an operator sees. */
class ErrorMappingTest {

    private MockWebServer server;
    private com.sovera.console.contract.ContractTap contract;
    private SovxClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        contract = MockSovx.checkRequests(server);
        server.start();
        client = MockSovx.client(server, RetryPolicy.NONE);
        client.credentials().useSession(new Session("session-token-value", Instant.now().plusSeconds(3600)));
        client.credentials().useOwnerKey("owner-key-value-000000000000000");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        contract.assertClean();
    }

    @ParameterizedTest
    @CsvSource({
        "400, VALIDATION_ERROR, email",
        "400, INVALID_JSON,",
        "400, CURRENCY_MISMATCH, currency",
        "400, UNSUPPORTED_NETWORK, network",
        "400, NETWORK_NOT_AVAILABLE, network",
        "401, UNAUTHORIZED,",
        "401, TOKEN_EXPIRED,",
        "401, INVALID_CREDENTIALS,",
        "403, FORBIDDEN,",
        "404, NOT_FOUND,",
        "405, METHOD_NOT_ALLOWED,",
        "409, CONFLICT, customer_id",
        "413, PAYLOAD_TOO_LARGE,",
        "415, UNSUPPORTED_MEDIA_TYPE,",
        "422, IDEMPOTENCY_KEY_REUSED,",
        "429, RATE_LIMITED,",
        "500, INTERNAL_ERROR,"})
    void everyContractErrorBecomesAnApiException(int status, String code, String field) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .setHeader("X-RateLimit-Limit", "1200").setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Reset", "1773277260").setHeader("Retry-After", "17")
                .body(MockSovx.error(code, "what failed", field)).build());

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.api().getUser("u").execute());

        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.serverMessage()).isEqualTo("what failed");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.traceId()).isEqualTo(MockSovx.TRACE);
        assertThat(e.getMessage()).isEqualTo(code + ": what failed (HTTP " + status + ", trace " + MockSovx.TRACE + ")");
        assertThat(e.rateLimit()).isEqualTo(new RateLimit(1200, 0, Instant.ofEpochSecond(1773277260),
                Duration.ofSeconds(17)));
    }

    @Test
    void anErrorWithoutAnEnvelopeStillSaysItsStatus() {
        server.enqueue(json(503, "{\"error\":\"down\"}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.api().health().execute());
        assertThat(e.code()).isEqualTo("HTTP_503");
        assertThat(e.isTransient()).isTrue();
        assertThat(e.traceId()).isNull();
    }

    @Test
    void anHtmlPageFromAProxyIsNotJson() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.api().health().execute());
        assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.getMessage()).contains("HTTP 502").contains("proxy");
    }

    @Test
    void anHtmlPageWithA200IsNotJsonEither() {
        server.enqueue(new MockResponse.Builder().code(200).body("<!doctype html><title>Login</title>").build());
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.api().health().execute());
        assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
    }

    @Test
    void aJsonBodyCutOffBeforeItsEndIsTruncated() {
        server.enqueue(json(200, "{\"success\":true,\"data\":{\"status\":\"o"));
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.api().health().execute());
        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED_BODY);
        assertThat(e.getMessage()).contains("cut off");
    }

    @Test
    void aConnectionThatEndsBeforeContentLengthIsTruncated() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(MockSovx.envelope("{\"status\":\"ok\",\"uptime\":1}"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.api().health().execute());
        assertThat(e.kind()).isIn(Kind.TRUNCATED_BODY, Kind.CONNECTION_LOST);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void malformedJson() {
        server.enqueue(json(200, "{\"success\": tru, }"));
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.api().health().execute());
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_BODY);
    }

    @Test
    void a200OfTheWrongShape() {
        server.enqueue(json(200, MockSovx.envelope("{\"foo\":1}")));
        server.enqueue(json(200, MockSovx.envelope("[1,2]")));
        server.enqueue(json(200, MockSovx.envelope("{\"user_id\":\"u\",\"created_at\":\"yesterday\"}")));

        TransportException missing = catchThrowableOfType(TransportException.class,
                () -> client.api().health().execute());
        TransportException array = catchThrowableOfType(TransportException.class,
                () -> client.api().getUser("u").execute());
        TransportException date = catchThrowableOfType(TransportException.class,
                () -> client.api().getUser("u").execute());

        assertThat(missing.kind()).isEqualTo(Kind.UNEXPECTED_SHAPE);
        assertThat(missing.getMessage()).contains("no status");
        assertThat(array.kind()).isEqualTo(Kind.UNEXPECTED_SHAPE);
        assertThat(date.kind()).isEqualTo(Kind.UNEXPECTED_SHAPE);
    }

    @Test
    void aReadTimeout() {
        SovxClient slow = SovxClient.builder(server.url("/sovx/v1").toString()).retryPolicy(RetryPolicy.NONE)
                .readTimeout(Duration.ofMillis(300)).build();
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        try {
            TransportException e = catchThrowableOfType(TransportException.class, () -> slow.api().health().execute());
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("did not answer in time");
        } finally {
            slow.close();
        }
    }

    @Test
    void aConnectTimeoutAgainstAListenerThatNeverAccepts() throws Exception {
        // A loopback listener with a full backlog drops further connection attempts: a connect that hangs.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(listener.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.io.IOException full) {
                        s.close();
                        break;
                    }
                }
                SovxClient c = SovxClient.builder("http://127.0.0.1:" + listener.getLocalPort() + "/sovx/v1")
                        .retryPolicy(RetryPolicy.NONE).connectTimeout(Duration.ofMillis(300))
                        .readTimeout(Duration.ofMillis(300)).build();
                try {
                    TransportException e = catchThrowableOfType(TransportException.class,
                            () -> c.api().health().execute());
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                } finally {
                    c.close();
                }
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SovxClient c = SovxClient.builder("http://127.0.0.1:" + port + "/sovx/v1").retryPolicy(RetryPolicy.NONE).build();
        try {
            TransportException e = catchThrowableOfType(TransportException.class, () -> c.api().health().execute());
            assertThat(e.kind()).isEqualTo(Kind.CONNECTION_REFUSED);
            assertThat(e.getMessage()).startsWith("127.0.0.1:" + port + " refused the connection");
        } finally {
            c.close();
        }
    }

    @Test
    void unreachableHost() {
        SovxClient c = SovxClient.builder("https://sovx.does-not-exist.invalid/sovx/v1")
                .retryPolicy(RetryPolicy.NONE).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            TransportException e = catchThrowableOfType(TransportException.class, () -> c.api().health().execute());
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE_HOST);
            assertThat(e.getMessage()).contains("sovx.does-not-exist.invalid");
        } finally {
            c.close();
        }
    }

    @Test
    void tlsFailureAgainstAServerThatDoesNotSpeakTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                    out.flush();
                } catch (java.io.IOException ignored) {
                    // the client hangs up first
                }
            });
            answer.start();
            SovxClient c = SovxClient.builder("https://127.0.0.1:" + plain.getLocalPort() + "/sovx/v1")
                    .retryPolicy(RetryPolicy.NONE).build();
            try {
                TransportException e = catchThrowableOfType(TransportException.class,
                        () -> c.api().health().execute());
                assertThat(e.kind()).isEqualTo(Kind.TLS);
                assertThat(e.getMessage()).contains("secure connection").contains("never skips certificate checks");
            } finally {
                c.close();
                answer.join(2000);
            }
        }
    }

    @Test
    void aServerWithAnUntrustedCertificateIsRefusedWithAClearMessage() throws Exception {
        okhttp3.tls.HeldCertificate selfSigned = new okhttp3.tls.HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost").build();
        okhttp3.tls.HandshakeCertificates serverCerts = new okhttp3.tls.HandshakeCertificates.Builder()
                .heldCertificate(selfSigned).build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(serverCerts.sslSocketFactory());
            tls.start();
            tls.enqueue(json(200, "{\"status\":\"ok\"}"));
            SovxClient c = SovxClient.builder(tls.url("/sovx/v1").toString()).retryPolicy(RetryPolicy.NONE).build();
            try {
                TransportException e = catchThrowableOfType(TransportException.class, () -> c.api().health().execute());
                assertThat(e.kind()).isEqualTo(Kind.TLS);
                assertThat(e.getMessage()).contains("certificate is not trusted")
                        .contains("never skips certificate checks");
                assertThat(e.isTransient()).isFalse();
            } finally {
                c.close();
            }
        }
    }

    @Test
    void aMissingCredentialFailsBeforeAnythingIsSent() {
        client.credentials().clear();
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> client.api().listUsers(Filter.none().asQuery()).execute());
        assertThat(e.kind()).isEqualTo(Kind.NO_CREDENTIAL);
        assertThat(e.getMessage()).contains("owner key");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCancelledCallSaysSo() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(5, TimeUnit.SECONDS).build());
        ApiCall<?> call = client.api().health();
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            call.cancel();
        }).start();
        TransportException e = catchThrowableOfType(TransportException.class, call::execute);
        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(call.isCanceled()).isTrue();
    }

    @Test
    void baseUrlPolicyRefusesPlainHttpToANetworkHost() {
        assertThatThrownBy(() -> SovxClient.builder("http://api.sandbox.sovera.io/sovx/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// is refused for api.sandbox.sovera.io");
    }
}
