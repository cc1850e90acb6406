package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.SessionState;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RotationAcrossSignOutTest {
    @Test
    void aRotationCutOffBySignOutLeavesRotateUsableAfterSigningInAgain() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient session = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            session.api().createCustomer(new NewCustomer("ops@keys.example", "keys-corp", "Keys Corp"), null)
                    .execute();
            session.api().createCredentials("keys-corp", null).execute();
            ManualTaskRunner base = new ManualTaskRunner();
            SessionState state = new SessionState();
            state.signedIn("ops@example.com", Instant.parse("2099-01-01T00:00:00Z"));
            OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, session, state, base));
            model.show("keys-corp");
            base.runAll();
            model.selected.set(model.list().rows().get(0));
            assertThat(model.canRotate().get()).isTrue();
            model.rotate(); // the mint is out
            state.signedOut(); // idle sign-out: the session's calls are cancelled (MainWindow then shows none)
            model.show(null);
            base.runAll();

            state.signedIn("ops@example.com", Instant.parse("2099-01-01T00:00:00Z"));
            model.show("keys-corp");
            base.runAll();
            model.selected.set(model.list().rows().get(0));
            assertThat(model.canRotate().get()).as("Rotate, in the next session").isTrue();
        }
    }
}
