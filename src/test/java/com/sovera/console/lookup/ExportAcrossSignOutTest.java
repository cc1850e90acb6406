package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.SessionState;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAcrossSignOutTest {
    @TempDir
    Path dir;

    @Test
    void anExportStoppedBySignOutSaysSoAndTheNextSessionCanExport() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(50));
             SovxClient lookups = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            lookups.credentials().useOwnerKey(sandbox.demo().ownerKey());
            ManualTaskRunner base = new ManualTaskRunner();
            SessionState state = new SessionState();
            state.signedIn("ops@example.com", Instant.parse("2099-01-01T00:00:00Z"));
            UsersViewModel model = new UsersViewModel(Sessions.calls(lookups, lookups, state, base));
            model.reload();
            base.runAll();
            model.export().start(dir.resolve("users.csv"));
            // MainWindow's sign-out order: the session closes, then the screens are told
            state.signedOut();
            model.signedOut();
            base.runAll();
            assertThat(model.export().runningProperty().get()).as("an export still 'running'").isFalse();
            assertThat(model.export().messageProperty().get()).as("what the operator reads").contains("PARTIAL")
                    .contains("sign-out");
        }
    }
}
