package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import com.sovera.console.audit.AuditTrail;
import com.sovera.console.audit.AuditVerifier;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every session that closes leaves its one {@code session.sign_out} entry in the trail, by the operator whose
 * session it was: also when another operator signs in over a session that expired (or was simply left open), and
 * never a second one for a session an idle sign-out already closed.
 */
class SessionAuditTest {

    private static final String ADA = "ada@desk.example";
    private static final String BOB = "bob@desk.example";

    @TempDir
    Path dir;

    private final SovxClient client = SovxClient.builder("http://127.0.0.1:9/sovx/v1").build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anotherOperatorSigningInClosesTheSessionBeforeWithItsOwnSignOutEntry() throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", Clock.systemUTC());
        SessionService sessions = sessions(trail);
        SessionState state = sessions.state();

        // Ada's session expires with her away; Bob signs in at the same desk
        state.signedIn(ADA, Instant.now().minus(Duration.ofMinutes(1)));
        state.signedIn(BOB, Instant.now().plus(Duration.ofHours(1)));
        // Bob signs out himself; Ada signs in, goes idle, and Bob signs in after the idle sign-out
        assertThat(sessions.signOut(Ask.NOBODY)).isTrue();
        state.signedIn(ADA, Instant.now().plus(Duration.ofHours(1)));
        sessions.signOutIdle();
        state.signedIn(BOB, Instant.now().plus(Duration.ofHours(1)));
        // and Ada signs in over Bob's session still running (the wizard's sign-in step again)
        state.signedIn(ADA, Instant.now().plus(Duration.ofHours(1)));

        assertThat(signOuts(trail)).containsExactly(
                ADA + " expired",
                BOB + " operator",
                ADA + " idle",
                BOB + " another_sign_in");
        AuditVerifier.Verdict verdict = AuditVerifier.verify(trail.currentFile());
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(4);
    }

    @Test
    void theSameOperatorSigningInAgainAfterExpiryKeepsTheSessionAndWritesNothing() throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", Clock.systemUTC());
        SessionService sessions = sessions(trail);
        sessions.state().signedIn(ADA, Instant.now().minus(Duration.ofMinutes(1)));
        AccountSession before = sessions.state().current();
        sessions.state().signedIn(ADA, Instant.now().plus(Duration.ofHours(1)));

        assertThat(sessions.state().current()).as("the same session goes on").isSameAs(before);
        assertThat(Files.exists(trail.currentFile()) ? signOuts(trail) : List.of()).isEmpty();
    }

    @Test
    void anotherOperatorSigningInEndsTheSessionBeforeEverywhereNotOnlyInTheTrail() throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("logs"), "desk-7", Clock.systemUTC());
        SessionService sessions = sessions(trail);
        SessionState state = sessions.state();
        int[] screensTold = {0};
        sessions.onSignOut(() -> screensTold[0]++);
        // Ada works on her customer, in the wizard and the lookups; her session expires while she is away
        sessions.calls().account().credentials().useSession(new com.sovera.console.api.model.Session(
                "sess_ada", Instant.now().minus(Duration.ofMinutes(1))));
        state.signedIn(ADA, Instant.now().minus(Duration.ofMinutes(1)));
        state.customerIdProperty().set("cust-of-ada");
        sessions.calls().lookups().credentials().useOwnerKey("ada-customers-owner-key-0000000000");

        // Bob signs in at the same desk, as the wizard's sign-in step does it
        state.signingIn(BOB);
        assertThat(sessions.calls().lookups().credentials().hasOwnerKey()).as("Ada's key left the lookups").isFalse();
        assertThat(sessions.calls().account().credentials().session()).as("Ada's session left the client").isEmpty();
        assertThat(state.customerIdProperty().get()).as("Ada's customer is no longer shown").isNull();
        assertThat(screensTold[0]).as("the screens were told, once").isEqualTo(1);
        sessions.calls().account().credentials().useSession(new com.sovera.console.api.model.Session(
                "sess_bob", Instant.now().plus(Duration.ofHours(1))));
        state.signedIn(BOB, Instant.now().plus(Duration.ofHours(1)));

        assertThat(screensTold[0]).as("and not again when Bob's session begins").isEqualTo(1);
        assertThat(sessions.calls().account().credentials().session()).isPresent();
        assertThat(signOuts(trail)).containsExactly(ADA + " expired");
    }

    private SessionService sessions(AuditTrail trail) {
        SessionService sessions = new SessionService(client, client.derive(), new SessionState(),
                new SameThreadTaskRunner());
        sessions.audit(new ConsoleAudit(trail, "embedded", "http://127.0.0.1:9/sovx/v1"));
        return sessions;
    }

    /** "operator reason" of each sign-out entry, read from the file. */
    private static List<String> signOuts(AuditTrail trail) throws Exception {
        return Files.readAllLines(trail.currentFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"action\":\"session.sign_out\""))
                .map(l -> field(l, "operator") + " " + field(l, "reason")).toList();
    }

    private static String field(String line, String name) {
        String key = "\"" + name + "\":\"";
        int from = line.indexOf(key) + key.length();
        return line.substring(from, line.indexOf('"', from));
    }
}
