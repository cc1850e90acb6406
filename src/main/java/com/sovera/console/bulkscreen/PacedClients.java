package com.sovera.console.bulkscreen;

import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.api.SovxClient;

/**
 * A client per owner key, paced by the server's rate-limit headers: limits count per credential, so the lookup of
 * existing users and the run that follows share one pacer, and another key gets its own. Derived from the
 * console's client (same connections, never closed on its own: closing would stop the shared dispatcher).
 */
final class PacedClients {

    /** A client holding one owner key, and its pacer. */
    record Paced(SovxClient client, RateLimitPacer pacer) {
    }

    private final SovxClient base;
    private String key;
    private Paced paced;
    private Paced running;

    PacedClients(SovxClient base) {
        this.base = base;
    }

    /** The client for this key (the same one as long as the key is); a client of another key lets its key go. */
    synchronized Paced forKey(String ownerKey) {
        String k = ownerKey.strip();
        if (paced == null || !k.equals(key)) {
            drop(paced);
            RateLimitPacer pacer = new RateLimitPacer();
            SovxClient client = base.derive(pacer);
            client.credentials().useOwnerKey(k);
            key = k;
            paced = new Paced(client, pacer);
        }
        return paced;
    }

    /** A run is starting with this client: it keeps its key, whatever is forgotten, until {@link #runEnded()}. */
    synchronized void runStarting(Paced client) {
        running = client;
    }

    /** The run ended (or never started): its key leaves its client unless that client is still the one in use. */
    synchronized void runEnded() {
        Paced ended = running;
        running = null;
        if (ended != paced) {
            drop(ended);
        }
    }

    /** Sign-out or a revoked key: the next run asks for the key again; a run under way keeps its own. */
    synchronized void forget() {
        drop(paced);
        key = null;
        paced = null;
    }

    private void drop(Paced client) {
        if (client != null && client != running) {
            client.client().credentials().useOwnerKey(null);
        }
    }
}
