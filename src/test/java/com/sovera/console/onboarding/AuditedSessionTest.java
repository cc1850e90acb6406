package com.sovera.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.AuditVerifier;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's session with its trail, as the window wires it (the clients' interceptor, the session service's
 * sign-outs), driven through the wizard's view model over the real sandbox: each kind of event is one entry, read
 * back from the file, by the operator signed in, with its outcome; the chain verifies; no secret is in it.
 */
class AuditedSessionTest {

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private Wizard wizard;

    @AfterEach
    void close() {
        if (wizard != null) {
            wizard.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void signInsWritesAndBothKindsOfSignOutAreRecordedByTheOperatorWithTheirOutcome() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", Clock.systemUTC());
        ConsoleAudit audit = new ConsoleAudit(trail, "embedded", sandbox.baseUrl());
        SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .audit(audit.interceptor()).build();
        wizard = new Wizard(client, dir.resolve("data"), new SameThreadTaskRunner());
        wizard.sessions.audit(audit);
        Wizard w = wizard;

        w.set(Field.PASSWORD, "not-the-password");
        w.model.act(); // connectivity
        w.model.act(); // refused
        assertThat(w.step()).isEqualTo(Step.LOGIN);
        w.set(Field.PASSWORD, DemoAccount.PASSWORD);
        w.model.act();
        assertThat(w.step()).isEqualTo(Step.CUSTOMER);
        w.customer("audited-co").model.act();
        String secret = w.credentials();
        w.user("ada@audited.example").model.act();
        w.wallet("Main").model.act();
        w.model.act(); // the deposit address
        assertThat(w.model.depositProperty().get().ok()).as(String.valueOf(w.model.problemProperty().get())).isTrue();
        assertThat(w.sessions.signOut(Ask.NOBODY)).isTrue();
        w.signedInAgain();
        assertThat(w.session.accountProperty().get()).isEqualTo(DemoAccount.EMAIL);
        w.sessions.signOutIdle();

        List<String> lines = Files.readAllLines(trail.currentFile(), StandardCharsets.UTF_8);
        String by = " by " + DemoAccount.EMAIL;
        assertThat(lines).extracting(AuditedSessionTest::summary).containsExactly(
                "session.sign_in refused INVALID_CREDENTIALS {}" + by,
                "session.sign_in succeeded {}" + by,
                "customer.create created {customer_id=audited-co}" + by,
                "owner_key.mint created {customer_id=audited-co, key_id=*, last_four="
                        + secret.substring(secret.length() - 4) + "}" + by,
                "user.create created {user_id=*}" + by,
                "wallet.create created {user_id=*, wallet_id=*}" + by,
                "address.create created {wallet_id=*, address_id=*, address=*}" + by,
                "session.sign_out succeeded {reason=operator}" + by,
                "session.sign_in succeeded {}" + by,
                "session.sign_out succeeded {reason=idle}" + by);
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"environment\":\"embedded\",\"base_url\":\""
                + sandbox.baseUrl() + "\""));
        AuditVerifier.Verdict verdict = AuditVerifier.verify(trail.currentFile());
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(10);
        assertThat(trail.head().count()).isEqualTo(10);
        String everything = Files.readString(trail.currentFile(), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(secret).doesNotContain(DemoAccount.PASSWORD)
                .doesNotContain("not-the-password");
    }

    @Test
    void aCustomerAdoptedAfterAConflictIsRecordedAsReused() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        try (SovxClient earlier = SovxClient.builder(sandbox.baseUrl()).build()) {
            // the wizard's own earlier attempt, whose answer never came back: same e-mail and name
            earlier.credentials().useSession(earlier.api().login(new com.sovera.console.api.model.LoginRequest(
                    DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute());
            earlier.api().createCustomer(new com.sovera.console.api.model.NewCustomer("ops@adopted-co.example",
                    "adopted-co", "Acme Payments Ltd"), null).execute();
        }
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", Clock.systemUTC());
        ConsoleAudit audit = new ConsoleAudit(trail, "embedded", sandbox.baseUrl());
        SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .audit(audit.interceptor()).build();
        wizard = new Wizard(client, dir.resolve("data"), new SameThreadTaskRunner(),
                com.sovera.console.config.Environment.EMBEDDED_SANDBOX, audit::adopted);
        wizard.sessions.audit(audit);
        wizard.signedIn().customer("adopted-co").model.act();
        assertThat(wizard.step()).as(String.valueOf(wizard.model.problemProperty().get()))
                .isEqualTo(Step.CREDENTIALS);

        String by = " by " + DemoAccount.EMAIL;
        assertThat(Files.readAllLines(trail.currentFile(), StandardCharsets.UTF_8))
                .extracting(AuditedSessionTest::summary).containsExactly(
                        "session.sign_in succeeded {}" + by,
                        "customer.create refused CONFLICT {customer_id=adopted-co}" + by,
                        "customer.create reused {customer_id=adopted-co}" + by);
        assertThat(AuditVerifier.verify(trail.currentFile()).intact()).isTrue();
    }

    /** "action outcome [code] {objects, ids as *} by operator", read as an auditor would, with a JSON reader. */
    @SuppressWarnings("unchecked")
    private static String summary(String line) {
        try {
            Map<String, Object> entry = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class)
                    .fromJson(line);
            Map<String, Object> objects = new java.util.LinkedHashMap<>((Map<String, Object>) entry
                    .getOrDefault("objects", Map.of()));
            objects.replaceAll((k, v) -> k.equals("customer_id") || k.equals("last_four") || k.equals("reason")
                    ? v : "*");
            return entry.get("action") + " " + entry.get("outcome") + (entry.get("code") == null ? ""
                    : " " + entry.get("code")) + " " + objects + " by " + entry.get("operator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
