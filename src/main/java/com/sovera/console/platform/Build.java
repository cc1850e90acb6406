package com.sovera.console.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/** What this build is (its version, from the Maven build) and where it writes its log. */
public final class Build {

    private static final String VERSION = load();

    private Build() {
    }

    public static String version() {
        return VERSION;
    }

    /** The directory of console.log (set by the launcher before the first log line). */
    public static Path logDirectory() {
        String logs = System.getProperty("sovx.logs");
        return logs == null ? AppDirs.forCurrentUser().logs() : Path.of(logs);
    }

    private static String load() {
        try (InputStream in = Build.class.getResourceAsStream("/com/sovera/console/build.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development build" : v;
        } catch (IOException e) {
            return "development build";
        }
    }
}
