package com.sovera.console.sandbox;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.contract.ContractTap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * A real sandbox on a free loopback port, and helpers to talk to it as the console or as curl would. Every
 * answer it gives through them is held to docs/openapi.yaml: closing it fails the test if one was not as the
 * document describes (unless made {@link #unchecked}, for training faults, which answer outside the contract
 * on purpose).
 */
final class Sandbox implements AutoCloseable {

    final SandboxServer server;
    final ContractTap tap = new ContractTap(false);
    private final boolean checked;
    private final HttpClient http = HttpClient.newHttpClient();

    Sandbox(SandboxConfig config) {
        this(config, true);
    }

    private Sandbox(SandboxConfig config, boolean checked) {
        this.server = SandboxServer.start(config);
        this.checked = checked;
    }

    /** A sandbox whose answers are not held to the document: training faults break it on purpose. */
    static Sandbox unchecked(SandboxConfig config) {
        return new Sandbox(config, false);
    }

    static Sandbox inMemory(int demoUsers) {
        return new Sandbox(SandboxConfig.inMemory().withDemoUsers(demoUsers));
    }

    /** A console client with no retries, so that each test sees the server's first answer. */
    SovxClient client() {
        return SovxClient.builder(server.baseUrl()).retryPolicy(RetryPolicy.NONE).networkInterceptor(tap).build();
    }

    /** A client signed in to the demo account. */
    SovxClient signedIn() {
        SovxClient client = client();
        client.credentials().useSession(client.api().login(new LoginRequest(DemoAccount.EMAIL,
                DemoAccount.PASSWORD)).execute());
        return client;
    }

    /** A client signed in, with the owner key of a new customer. */
    SovxClient newCustomer(String customerId) {
        SovxClient client = signedIn();
        client.api().createCustomer(new NewCustomer("ops@" + customerId + ".example", customerId, "Entity "
                + customerId), null).execute();
        client.credentials().useOwnerKey(client.api().createCredentials(customerId, null).execute().customerSecret());
        return client;
    }

    static NewUser user(String email) {
        return new NewUser("individual", email, "John", "Doe", "+1234567890", "1990-01-01", "US");
    }

    static String uniqueId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A raw request, as curl would send it: path below the base URL, headers as name/value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = b.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        tap.check(request, body, response);
        return response;
    }

    /**
     * A request written by hand on a socket, for targets no HTTP client will send (bad escapes, raw brackets);
     * headers as name/value pairs.
     */
    String raw(String method, String target, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " /sovx/v1" + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The status of a raw GET-like request, for checks where only the status matters. */
    int sendQuietly(String method, String path, String... headers) {
        try {
            return send(method, path, null, headers).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (checked) {
            tap.assertClean();
        }
    }
}
