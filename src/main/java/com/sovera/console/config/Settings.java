package com.sovera.console.config;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Optional;

/** What the operator chose, kept in the config directory. Never a credential. */
public record Settings(@Json(name = "environment") String environmentId,
                       @Json(name = "custom_environments") List<String> customBaseUrls,
                       @Json(name = "connect_timeout_seconds") Integer connectTimeoutSeconds,
                       @Json(name = "read_timeout_seconds") Integer readTimeoutSeconds,
                       @Json(name = "log_level") String logLevel,
                       @Json(name = "theme") String theme,
                       @Json(name = "idle_sign_out_minutes") Integer idleSignOutMinutes,
                       @Json(name = "text_size_percent") Integer textSizePercent,
                       @Json(name = "sandbox_block_seconds") Integer sandboxBlockSeconds) {

    /** Themes on offer: follow the operating system, or always light or dark. */
    public static final List<String> THEMES = List.of("system", "light", "dark");

    /** Longest idle sign-out on offer: a working day (the policy file's limit too). */
    public static final int MAX_IDLE_MINUTES = com.sovera.console.policy.Policy.MAX_IDLE_MINUTES;

    /** Text sizes on offer, in percent of the theme's: larger type for those who need it. */
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150);

    /** How often the embedded sandbox mines a simulated block, unless the operator chose otherwise. */
    public static final int DEFAULT_BLOCK_SECONDS = 10;

    public static final Settings DEFAULTS = new Settings(Environment.EMBEDDED_ID, List.of(), 10, 30, "INFO",
            "system", 0, 100, DEFAULT_BLOCK_SECONDS);

    public Settings {
        environmentId = environmentId == null ? Environment.EMBEDDED_ID : environmentId;
        customBaseUrls = customBaseUrls == null ? List.of() : List.copyOf(customBaseUrls);
        connectTimeoutSeconds = clamp(connectTimeoutSeconds, 10, 1, 120);
        readTimeoutSeconds = clamp(readTimeoutSeconds, 30, 1, 600);
        logLevel = logLevel == null ? "INFO" : logLevel;
        theme = theme != null && THEMES.contains(theme) ? theme : "system"; // List.of refuses contains(null)
        idleSignOutMinutes = clamp(idleSignOutMinutes, 0, 0, MAX_IDLE_MINUTES); // 0: never
        textSizePercent = textSizePercent != null && TEXT_SIZES.contains(textSizePercent) ? textSizePercent : 100;
        // a file edited by hand to 0 or less would mine without pause: the default instead
        sandboxBlockSeconds = sandboxBlockSeconds == null || sandboxBlockSeconds < 1 ? DEFAULT_BLOCK_SECONDS
                : sandboxBlockSeconds;
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

    /**
     * The environment chosen: a known one, an added one, or a URL an administrator's policy offers (which is not
     * the operator's to keep in the list of added ones); the embedded sandbox when the id names nothing usable.
     * Whether the choice is allowed is the policy's to say ({@link AdministeredSettings}).
     */
    public Environment environment() {
        return environments().stream().filter(e -> e.id().equals(environmentId)).findFirst()
                .or(this::customById).orElse(Environment.EMBEDDED_SANDBOX);
    }

    private Optional<Environment> customById() {
        if (!environmentId.startsWith("custom:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Environment.custom(environmentId.substring("custom:".length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Settings withEnvironment(String id) {
        return new Settings(id, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme,
                idleSignOutMinutes, textSizePercent, sandboxBlockSeconds);
    }

    public Settings withCustom(String baseUrl) {
        List<String> urls = new java.util.ArrayList<>(customBaseUrls);
        if (!urls.contains(baseUrl.trim())) {
            urls.add(baseUrl.trim());
        }
        return new Settings(environmentId, urls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme,
                idleSignOutMinutes, textSizePercent, sandboxBlockSeconds);
    }

    public Settings withTimeouts(int connect, int read) {
        return new Settings(environmentId, customBaseUrls, connect, read, logLevel, theme, idleSignOutMinutes,
                textSizePercent, sandboxBlockSeconds);
    }

    public Settings withLogLevel(String level) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, level, theme,
                idleSignOutMinutes, textSizePercent, sandboxBlockSeconds);
    }

    public Settings withTheme(String value) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, value,
                idleSignOutMinutes, textSizePercent, sandboxBlockSeconds);
    }

    public Settings withIdleSignOutMinutes(int minutes) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme,
                minutes, textSizePercent, sandboxBlockSeconds);
    }

    /** A text size of {@link #TEXT_SIZES}; another is read as 100. */
    public Settings withTextSizePercent(int percent) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme,
                idleSignOutMinutes, percent, sandboxBlockSeconds);
    }

    /** How often the embedded sandbox mines a block, applied at its next start. */
    public Settings withSandboxBlockSeconds(int seconds) {
        return new Settings(environmentId, customBaseUrls, connectTimeoutSeconds, readTimeoutSeconds, logLevel, theme,
                idleSignOutMinutes, textSizePercent, seconds);
    }
}
