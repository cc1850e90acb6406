package com.sovera.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The keyboard of a real desk: xdotool sends key events through the X server, so they reach the console as an
 * operator's do, through the window manager's focus and GTK (no event is fired into the scene graph). The desktop
 * profile's tests run on a display with a window manager ({@code .ci/run} starts Xvfb and openbox).
 */
final class Desk {

    private Desk() {
    }

    /** Fails (never skips) where there is no display: the desktop profile is run only where there is one. */
    static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("The desktop profile needs an X display with a window manager:"
                    + " run it through .ci/run, or start Xvfb and openbox and set DISPLAY");
        }
    }

    /** Key combinations in xdotool's names, one after another: "Return", "Tab", "alt+u", "shift+Tab". */
    static void keys(String... combos) {
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--clearmodifiers", "--delay", "60"));
        command.addAll(List.of(combos));
        run(command);
    }

    /** Types text as keystrokes into whatever has the keyboard focus. */
    static void type(String text) {
        run(List.of("xdotool", "type", "--clearmodifiers", "--delay", "25", "--", text));
    }

    /** The name of the window the window manager says is active. */
    static String activeWindowName() {
        return run(List.of("xdotool", "getactivewindow", "getwindowname")).strip();
    }

    /** The active window's size as X has it (its client area, without the window manager's frame). */
    static int[] activeWindowSize() {
        String shell = run(List.of("xdotool", "getactivewindow", "getwindowgeometry", "--shell"));
        int width = 0;
        int height = 0;
        for (String line : shell.split("\n")) {
            if (line.startsWith("WIDTH=")) {
                width = Integer.parseInt(line.substring(6).strip());
            } else if (line.startsWith("HEIGHT=")) {
                height = Integer.parseInt(line.substring(7).strip());
            }
        }
        return new int[] {width, height};
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("xdotool is needed for the desktop profile (Debian: apt-get install"
                    + " xdotool): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
