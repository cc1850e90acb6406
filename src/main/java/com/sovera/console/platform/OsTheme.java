package com.sovera.console.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system prefers dark windows (JavaFX 21 cannot say; 22 adds Platform.Preferences).
 * Asks the desktop's own tool: GNOME's gsettings, macOS's defaults, Windows' registry. Runs a process: call it
 * off the FX thread. Unknown answers mean light.
 */
public final class OsTheme {

    private OsTheme() {
    }

    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return ask("defaults", "read", "-g", "AppleInterfaceStyle").trim().equalsIgnoreCase("dark");
        }
        if (os.contains("win")) {
            return ask("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        String scheme = ask("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        String gtk = scheme.isBlank() ? ask("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme") : "";
        return scheme.contains("prefer-dark") || gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String ask(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // no such tool on this desktop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
