package com.sovera.console.bulkscreen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk screen's owner keys: a key leaves its client at sign-out or when another key replaces it; a run keeps
 * its own key through a sign-out (from the moment it starts) and lets it go when it ends.
 */
class PacedClientsTest {

    private static final String KEY = "sxs_owner-key-of-the-run-000000000";
    private static final String OTHER = "sxs_the-key-given-after-sign-in-0000";

    private final SovxClient base = SovxClient.builder("http://127.0.0.1:9/sovx/v1").build();
    private final PacedClients clients = new PacedClients(base);

    @AfterEach
    void close() {
        base.close();
    }

    @Test
    void aKeyIsDroppedAtSignOutAndWhenAnotherReplacesIt() {
        SovxClient first = clients.forKey(KEY).client();
        SovxClient second = clients.forKey(OTHER).client();
        assertThat(first.credentials().hasOwnerKey()).as("replaced by another key").isFalse();
        clients.forget();
        assertThat(second.credentials().hasOwnerKey()).isFalse();
    }

    @Test
    void aRunKeepsItsKeyThroughSignOutsAndOtherKeysAndDropsItWhenItEnds() {
        PacedClients.Paced run = clients.forKey(KEY);
        clients.runStarting(run); // a sign-out may come before the run's first request
        clients.forget();
        SovxClient between = clients.forKey(OTHER).client(); // signed in again, another customer's key typed
        clients.forget(); // and an idle sign-out again
        assertThat(run.client().credentials().hasOwnerKey()).as("the run still sends with it").isTrue();
        assertThat(between.credentials().hasOwnerKey()).isFalse();
        SovxClient now = clients.forKey(OTHER).client();
        clients.runEnded();
        assertThat(run.client().credentials().hasOwnerKey()).isFalse();
        assertThat(now.credentials().hasOwnerKey()).as("the key given since stays").isTrue();
    }

    @Test
    void aRunThatEndsWithoutASignOutLeavesTheKeyForTheNextRun() {
        PacedClients.Paced run = clients.forKey(KEY);
        clients.runStarting(run);
        clients.runEnded();
        assertThat(clients.forKey(KEY)).isSameAs(run);
        assertThat(run.client().credentials().hasOwnerKey()).isTrue();
    }
}
