package com.sovera.console.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user directories as each operating system expects them: XDG on Linux, ~/Library on macOS,
 * %APPDATA%/%LOCALAPPDATA% on Windows. {@code -Dsovx.home=DIR} puts all of them under one directory (tests).
 */
public record AppDirs(Path data, Path config, Path logs) {

    private static final String APP = "SovX Console";
    private static final String APP_UNIX = "sovx-console";

    /** The directories of this user on this system. */
    public static AppDirs forCurrentUser() {
        String override = System.getProperty("sovx.home");
        if (override != null && !override.isBlank()) {
            return under(Path.of(override));
        }
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** Everything below one directory. */
    public static AppDirs under(Path root) {
        return new AppDirs(root.resolve("data"), root.resolve("config"), root.resolve("logs"));
    }

    static AppDirs of(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = path(env.get("APPDATA"), home.resolve("AppData/Roaming"));
            Path local = path(env.get("LOCALAPPDATA"), home.resolve("AppData/Local"));
            return new AppDirs(local.resolve(APP).resolve("Data"), roaming.resolve(APP),
                    local.resolve(APP).resolve("Logs"));
        }
        if (os.contains("mac")) {
            Path library = home.resolve("Library");
            return new AppDirs(library.resolve("Application Support").resolve(APP),
                    library.resolve("Preferences").resolve(APP), library.resolve("Logs").resolve(APP));
        }
        return new AppDirs(path(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve(APP_UNIX),
                path(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP_UNIX),
                path(env.get("XDG_STATE_HOME"), home.resolve(".local/state")).resolve(APP_UNIX).resolve("logs"));
    }

    private static Path path(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
