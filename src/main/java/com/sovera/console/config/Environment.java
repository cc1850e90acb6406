package com.sovera.console.config;

import java.net.URI;

/** A SovX environment the console can connect to. The embedded sandbox's URL is known only once it runs. */
public record Environment(String id, String name, String baseUrl, Kind kind) {

    /** How dangerous it is to write there, and so how the header shows it. */
    public enum Kind {
        /** The sandbox inside this console: nothing real. */
        EMBEDDED,
        /** Sovera's hosted sandbox: test networks, shared. */
        SOVERA_SANDBOX,
        /** Any other URL: treated as production. */
        CUSTOM
    }

    public static final String EMBEDDED_ID = com.sovera.console.policy.EnvironmentRefs.EMBEDDED;
    public static final String SOVERA_SANDBOX_ID = com.sovera.console.policy.EnvironmentRefs.SOVERA_SANDBOX;

    public static final Environment EMBEDDED_SANDBOX =
            new Environment(EMBEDDED_ID, "Local sandbox (embedded)", null, Kind.EMBEDDED);
    public static final Environment SOVERA_SANDBOX = new Environment(SOVERA_SANDBOX_ID, "Sovera sandbox",
            "https://api.sandbox.sovera.io/sovx/v1", Kind.SOVERA_SANDBOX);

    /** A custom environment named after its host. */
    public static Environment custom(String baseUrl) {
        String host = URI.create(baseUrl.trim()).getHost();
        return new Environment("custom:" + baseUrl.trim(), host == null ? baseUrl : host, baseUrl.trim(), Kind.CUSTOM);
    }

    public boolean isProductionLike() {
        return kind == Kind.CUSTOM;
    }
}
