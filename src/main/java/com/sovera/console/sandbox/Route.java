package com.sovera.console.sandbox;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint: method, path pattern ({@code {name}} segments bind parameters), realm, and how its body and
 * idempotency are treated.
 */
record Route(String method, List<String> pattern, Realm realm, boolean takesBody, Idempotency idempotency,
             Handler handler) {

    /** What an {@code Idempotency-Key} does on this route. */
    enum Idempotency {
        /** Ignored: reads, login, logout. */
        NONE,
        /** Remembered in the database for 24 hours. */
        STORED,
        /** The answer holds a secret: remembered in memory only, never written to disk. */
        IN_MEMORY
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(SandboxRequest request) throws SQLException;
    }

    static Route of(String method, String path, Realm realm, boolean takesBody, Idempotency idempotency,
                    Handler handler) {
        return new Route(method, List.of(path.substring(1).split("/")), realm, takesBody, idempotency, handler);
    }

    /** {@code METHOD /path/{param}}, as operators and training faults name an endpoint. */
    String name() {
        return method + " /" + String.join("/", pattern);
    }

    /** The bound parameters when the segments fit this pattern, else null. */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != pattern.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith("{")) {
                params.put(p.substring(1, p.length() - 1), segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
