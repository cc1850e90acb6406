package com.sovera.console.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import org.junit.jupiter.api.Test;

/** The bulk screen's owner keys: gone at sign-out, or, for a run under way, as soon as that run ends. */
class PacedClientsTest {

    private static final String KEY = "sxs_owner-key-of-the-run-000000000";

    @Test
    void aKeyIsDroppedAtSignOutWhenNoRunUsesIt() {
        try (SovxClient base = SovxClient.builder("http://127.0.0.1:9/sovx/v1").build()) {
            PacedClients clients = new PacedClients(base);
            SovxClient client = clients.forKey(KEY).client();
            clients.forget(false);
            assertThat(client.credentials().hasOwnerKey()).isFalse();
        }
    }

    @Test
    void aRunUnderWayKeepsItsKeyPastASignOutAndDropsItWhenItEnds() {
        try (SovxClient base = SovxClient.builder("http://127.0.0.1:9/sovx/v1").build()) {
            PacedClients clients = new PacedClients(base);
            SovxClient running = clients.forKey(KEY).client();
            clients.forget(true);
            assertThat(running.credentials().hasOwnerKey()).as("the run still sends with it").isTrue();
            SovxClient next = clients.forKey("sxs_the-key-given-after-sign-in-0000").client();
            clients.runEnded();
            assertThat(running.credentials().hasOwnerKey()).isFalse();
            assertThat(next.credentials().hasOwnerKey()).as("the key given since stays").isTrue();
        }
    }
}
