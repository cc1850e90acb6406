package com.sovera.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.TransportException;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Session;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API client with the audit interceptor against the real embedded sandbox over HTTP: each write becomes one
 * entry with the outcome an auditor needs, no secret reaches the file, and a write the trail cannot record is
 * never sent.
 */
class AuditInterceptorTest {

    @TempDir
    Path dir;

    @Test
    void eachWriteIsRecordedWithItsOutcomeAndNoSecret() throws Exception {
        AuditTrail trail = new AuditTrail(dir, "desk-1", Clock.systemUTC());
        AtomicReference<String> operator = new AtomicReference<>();
        String customerId = "audit-" + System.nanoTime();
        String secret;
        String sessionToken;
        String keyId;
        SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        boolean closed = false;
        try {
            String url = sandbox.baseUrl();
            try (SovxClient client = SovxClient.builder(url).retryPolicy(RetryPolicy.NONE)
                    .audit(AuditInterceptor.forConsole(trail, "embedded", url, operator::get)).build()) {
                var api = client.api();
                ApiException wrong = catchThrowableOfType(() -> api.login(new LoginRequest(DemoAccount.EMAIL,
                        "not-the-password")).execute(), ApiException.class);
                assertThat(wrong.httpStatus()).isEqualTo(401);
                Session session = api.login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute();
                sessionToken = session.token();
                client.credentials().useSession(session);
                operator.set(DemoAccount.EMAIL);

                NewCustomer customer = new NewCustomer("ops@audit.example", customerId, "Audit Ltd");
                api.createCustomer(customer, "idem-customer").execute();
                api.createCustomer(customer, "idem-customer").execute(); // a replay: nothing new is made
                ApiException taken = catchThrowableOfType(() -> api.createCustomer(customer, null).execute(),
                        ApiException.class);
                assertThat(taken.code()).isEqualTo("CONFLICT");

                CustomerCredentials key = api.createCredentials(customerId, null).execute();
                secret = key.customerSecret();
                keyId = key.keyId();
                client.credentials().useOwnerKey(secret);
                String userId = api.createUser(new NewUser("individual", "ada@audit.example", "Ada", "Lovelace",
                        "+442071234567", "1985-12-10", "GB"), null).execute().userId();
                String walletId = api.createWallet(userId, new NewWallet("Main", "BTC"), null).execute().walletId();
                String address = api.createAddress(walletId, new NewAddress("btc", "bitcoin-testnet"), null)
                        .execute().address();
                api.revokeCredential(customerId, keyId).execute();
                api.health().execute(); // a read: not recorded
                assertThat(address).startsWith("tb1");
            }
            // the server gone: the write's answer never comes
            try (SovxClient client = SovxClient.builder(url).retryPolicy(RetryPolicy.NONE)
                    .audit(AuditInterceptor.forConsole(trail, "embedded", url, operator::get)).build()) {
                client.credentials().useOwnerKey(secret);
                sandbox.close();
                closed = true;
                TransportException lost = catchThrowableOfType(() -> client.api().createUser(new NewUser("individual",
                        "late@audit.example", "L", "Ate", "+442071234567", "1985-12-10", "GB"), null).execute(),
                        TransportException.class);
                assertThat(lost).isNotNull();
            }
        } finally {
            if (!closed) {
                sandbox.close();
            }
        }

        List<String> lines = Files.readAllLines(trail.currentFile());
        assertThat(lines).extracting(AuditInterceptorTest::summary).containsExactly(
                "session.sign_in refused INVALID_CREDENTIALS by " + DemoAccount.EMAIL,
                "session.sign_in succeeded by " + DemoAccount.EMAIL,
                "customer.create created by " + DemoAccount.EMAIL,
                "customer.create reused by " + DemoAccount.EMAIL,
                "customer.create refused CONFLICT by " + DemoAccount.EMAIL,
                "owner_key.mint created by " + DemoAccount.EMAIL,
                "user.create created by " + DemoAccount.EMAIL,
                "wallet.create created by " + DemoAccount.EMAIL,
                "address.create created by " + DemoAccount.EMAIL,
                "owner_key.revoke succeeded by " + DemoAccount.EMAIL,
                "user.create unknown by " + DemoAccount.EMAIL);
        assertThat(lines.get(2)).contains("\"objects\":{\"customer_id\":\"" + customerId + "\"}");
        assertThat(lines.get(5)).contains("\"objects\":{\"customer_id\":\"" + customerId + "\",\"key_id\":\"" + keyId
                + "\",\"last_four\":\"" + secret.substring(secret.length() - 4) + "\"}");
        assertThat(lines.get(8)).containsPattern("\"wallet_id\":\"[^\"]+\",\"address_id\":\"[^\"]+\",\"address\":\"tb1");
        assertThat(lines.get(9)).contains("\"key_id\":\"" + keyId + "\"");
        assertThat(lines.subList(0, 10)).allSatisfy(l -> assertThat(l).containsPattern("\"trace_id\":\"[^\"]+\""));
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"environment\":\"embedded\",\"base_url\":\"http"));
        AuditVerifier.Verdict verdict = AuditVerifier.verify(trail.currentFile());
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(11);

        String everything = Files.readString(trail.currentFile(), StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain(secret).doesNotContain(sessionToken)
                .doesNotContain(DemoAccount.PASSWORD).doesNotContain("not-the-password");
    }

    @Test
    void aWriteTheTrailCannotRecordIsNeverSentButSignInStillWorks() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("audit-share"), "a file where the trail should go");
        AuditTrail broken = new AuditTrail(notADirectory, "desk-1", Clock.systemUTC());
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                     .audit(AuditInterceptor.forConsole(broken, "embedded", sandbox.baseUrl(), () -> DemoAccount.EMAIL))
                     .build()) {
            client.credentials().useSession(client.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            TransportException refused = catchThrowableOfType(() -> client.api().createCustomer(new NewCustomer(
                    "ops@unsent.example", "unsent-co", "Unsent Ltd"), null).execute(), TransportException.class);
            assertThat(refused.kind()).isEqualTo(TransportException.Kind.NOT_SENT);
            assertThat(refused.getMessage()).contains("audit trail cannot be written").contains(notADirectory.toString());
            ApiException absent = catchThrowableOfType(() -> client.api().getCustomer("unsent-co").execute(),
                    ApiException.class);
            assertThat(absent.httpStatus()).as("the customer was never made").isEqualTo(404);
        }
    }

    /** "action outcome [code] by operator", from a line, read as an auditor would with a JSON reader. */
    @SuppressWarnings("unchecked")
    private static String summary(String line) {
        try {
            var map = (java.util.Map<String, Object>) new com.squareup.moshi.Moshi.Builder().build()
                    .adapter(Object.class).fromJson(line);
            return map.get("action") + " " + map.get("outcome") + (map.get("code") == null ? "" : " " + map.get("code"))
                    + " by " + map.get("operator");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
