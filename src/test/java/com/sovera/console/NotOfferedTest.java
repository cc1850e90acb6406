package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.lookup.UsersView;
import com.sovera.console.ui.Background;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A real server may lack the contract's (assumed) list endpoints: the view says so instead of failing. */
class NotOfferedTest extends FxRobot {

    @Test
    void aMissingListEndpointIsExplained() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (MockWebServer server = new MockWebServer(); Background background = new Background()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"success\":false,\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"Cannot GET /users\"}]}")
                    .build());
            SovxClient client = SovxClient.builder(server.url("/sovx/v1").toString()).retryPolicy(RetryPolicy.NONE)
                    .build();
            client.credentials().useOwnerKey("owner-key-value-000000000000000");
            UsersView[] view = new UsersView[1];
            FxToolkit.setupStage(stage -> {
                view[0] = new UsersView(client, background);
                stage.setScene(new Scene(view[0], 900, 600));
                stage.show();
                view[0].reload();
            });
            TableView<?> table = view[0].table().table();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> ((Label) table.getPlaceholder()).getText().startsWith("This server does not offer"));
            assertThat(((Label) table.getPlaceholder()).getText())
                    .isEqualTo("This server does not offer this lookup (HTTP 404).");
            assertThat(lookup("#error-banner").query().isVisible()).as("not shown as a failure").isFalse();
            client.close();
        }
    }
}
