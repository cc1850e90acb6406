package com.sovera.console.config;

import com.squareup.moshi.Json;
import java.util.List;

/** What the operator chose, kept in the config directory. Never a credential. */
public record Settings(@Json(name = "environment") String environmentId,
                       @Json(name = "custom_environments") List<String> customBaseUrls,
                       @Json(name = "connect_timeout_seconds") Integer connectTimeoutSeconds,
                       @Json(name = "read_timeout_seconds") Integer readTimeoutSeconds,
                       @Json(name = "log_level") String logLevel,
                       @Json(name = "theme") String theme) {

    /** Themes on offer: follow the operating system, or always light or dark. */
    public static final List<String> THEMES = List.of("system", "light", "dark");

    public static final Settings DEFAULTS = new Settings(Environment.EMBEDDED_ID, List.of(), 10, 30, "INFO",
            "system");

    public Settings {
        environmentId = environmentId == null ? Environment.EMBEDDED_ID : environmentId;
        customBaseUrls = customBaseUrls == null ? List.of() : List.copyOf(customBaseUrls);
        connectTimeoutSeconds = clamp(connectTimeoutSeconds, 10, 1, 120);
        readTimeoutSeconds = clamp(readTimeoutSeconds, 30, 1, 600);
        logLevel = logLevel == null ? "INFO" : logLevel;
        theme = theme != null && THEMES.contains(theme) ? theme : "system"; // List.of refuses contains(null)
    }

    private static int clamp(Integer value, int fallback, int min, int max) {
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }

    /** Every environment the operator can pick: the two known ones and the custom URLs added. */
    public List<Environment> environments() {
        List<Environment> all = new java.util.ArrayList<>(List.of(Environment.EMBEDDED_SANDBOX,
                Environment.SOVERA_SANDBOX));
        customBaseUrls.forEach(url -> all.add(Environment.custom(url)));
        return all;
    }

    public Environment environment() {
        return environments().stream().filter(e -> e.id().equals(environmentId)).findFirst()
                .orElse(Environment.EMBEDDED_SANDBOX);
    }

    public Settings withEnvironment(String id) {
        return new Settings(id, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme);
    }

    public Settings withCustom(String baseUrl) {
        List<String> urls = new java.util.ArrayList<>(customBaseUrls);
        if (!urls.contains(baseUrl.trim())) {
            urls.add(baseUrl.trim());
        }
        return new Settings(environmentId, urls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme);
    }

    public Settings withTimeouts(int connect, int read) {
        return new Settings(environmentId, customBaseUrls, connect, read, logLevel, theme);
    }

    public Settings withLogLevel(String level) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, level, theme);
    }

    public Settings withTheme(String value) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, value);
    }
}
