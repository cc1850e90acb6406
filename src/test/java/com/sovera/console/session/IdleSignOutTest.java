package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.Session;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.ui.task.ManualScheduler;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idle sign-out against the real sandbox, with time moved by hand: after the minutes without input the session
 * ends on the server and here, every key is dropped, and the notice says why; input starts the time again.
 */
class IdleSignOutTest {

    private static SandboxServer sandbox;

    private final ManualScheduler time = new ManualScheduler();
    private SovxClient client;
    private SovxClient lookups;
    private SessionService session;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void connect() {
        client = SovxClient.builder(sandbox.baseUrl()).build();
        lookups = client.derive();
        session = new SessionService(client, lookups, new SessionState(), new SameThreadTaskRunner());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Session signIn() {
        Session s = client.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute();
        client.credentials().useSession(s);
        session.state().signedIn(DemoAccount.EMAIL, s.expires());
        lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
        return s;
    }

    private IdleSignOut idle(int minutes) {
        return new IdleSignOut(session, time, time.clock(Instant.parse("2025-01-06T09:00:00Z")), minutes);
    }

    private boolean signedIn() {
        return session.state().accountProperty().get() != null && client.credentials().session().isPresent()
                && lookups.credentials().hasOwnerKey();
    }

    /** Whether the server still takes this session token. */
    private static boolean serverAccepts(Session token) {
        try (SovxClient other = SovxClient.builder(sandbox.baseUrl()).build()) {
            other.credentials().useSession(token);
            other.api().listCustomers(Map.of()).execute();
            return true;
        } catch (ApiException e) {
            assertThat(e.httpStatus()).isEqualTo(401);
            return false;
        }
    }

    @Test
    void theMinutesWithoutInputSignOutOnTheServerAndHereAndSayWhy() {
        Session token = signIn();
        IdleSignOut idle = idle(10);
        time.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(signedIn()).isTrue();
        assertThat(idle.noticeProperty().get()).isEmpty();

        time.advance(Duration.ofSeconds(1));
        assertThat(session.state().accountProperty().get()).isNull();
        assertThat(client.credentials().session()).isEmpty();
        assertThat(lookups.credentials().hasOwnerKey()).as("the lookups' owner key is dropped too").isFalse();
        assertThat(idle.noticeProperty().get()).startsWith("Signed out after 10 minutes without input")
                .contains("sign in again");
        assertThat(serverAccepts(token)).as("the session ended on the server").isFalse();
    }

    @Test
    void inputStartsTheIdleTimeAgain() {
        signIn();
        IdleSignOut idle = idle(10);
        time.advance(Duration.ofMinutes(9));
        idle.input();
        time.advance(Duration.ofMinutes(9));
        assertThat(signedIn()).as("9 minutes since the last input").isTrue();
        idle.input();
        time.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(signedIn()).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(signedIn()).isFalse();
    }

    @Test
    void zeroNeverSignsOut() {
        signIn();
        IdleSignOut idle = idle(0);
        assertThat(time.waiting()).as("no timer at all").isZero();
        time.advance(Duration.ofDays(2));
        assertThat(signedIn()).isTrue();
        assertThat(idle.minutes()).isZero();
    }

    @Test
    void aNewLimitCountsFromNowAndZeroTurnsItOff() {
        signIn();
        IdleSignOut idle = idle(30);
        time.advance(Duration.ofMinutes(20));
        idle.setMinutes(15); // Settings saved: 15 minutes from now, not from the last input
        time.advance(Duration.ofMinutes(14));
        assertThat(signedIn()).isTrue();
        idle.setMinutes(0);
        time.advance(Duration.ofHours(5));
        assertThat(signedIn()).isTrue();
        assertThat(time.waiting()).isZero();
    }

    @Test
    void withNothingToDropItSaysNothingAndSigningInAgainStartsOver() {
        IdleSignOut idle = idle(5);
        time.advance(Duration.ofMinutes(30));
        assertThat(idle.noticeProperty().get()).as("no credentials held: nothing to sign out of").isEmpty();

        signIn();
        idle.input();
        time.advance(Duration.ofMinutes(5));
        assertThat(signedIn()).isFalse();
        assertThat(idle.noticeProperty().get()).isNotEmpty();
        signIn();
        assertThat(idle.noticeProperty().get()).as("signed in again: the reason is old news").isEmpty();
        idle.input();
        time.advance(Duration.ofMinutes(5));
        assertThat(signedIn()).as("the timer runs on for the new session").isFalse();
    }

    @Test
    void aStoppedWatchSignsNobodyOut() {
        signIn();
        IdleSignOut idle = idle(5);
        idle.stop();
        time.advance(Duration.ofHours(1));
        assertThat(signedIn()).isTrue();
        assertThat(time.waiting()).isZero();
    }
}
