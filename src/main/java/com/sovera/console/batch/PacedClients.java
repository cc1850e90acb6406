package com.sovera.console.batch;

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
    private Paced carriedPastSignOut;

    PacedClients(SovxClient base) {
        this.base = base;
    }

    /** The client for this key (the same one as long as the key is). */
    synchronized Paced forKey(String ownerKey) {
        String k = ownerKey.strip();
        if (paced == null || !k.equals(key)) {
            RateLimitPacer pacer = new RateLimitPacer();
            SovxClient client = base.derive(pacer);
            client.credentials().useOwnerKey(k);
            key = k;
            paced = new Paced(client, pacer);
        }
        return paced;
    }

    /**
     * Sign-out: the next run asks for the key again. The key leaves the client too, unless a run under way still
     * sends with it (that run keeps the client it started with until it ends).
     */
    synchronized void forget(boolean runUnderWay) {
        if (paced != null && !runUnderWay) {
            paced.client().credentials().useOwnerKey(null);
        } else if (paced != null) {
            carriedPastSignOut = paced;
        }
        key = null;
        paced = null;
    }

    /** A run ended: a key it carried past a sign-out leaves its client now. */
    synchronized void runEnded() {
        if (carriedPastSignOut != null) {
            carriedPastSignOut.client().credentials().useOwnerKey(null);
            carriedPastSignOut = null;
        }
    }
}
