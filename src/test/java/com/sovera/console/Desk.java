package com.sovera.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        return run(command, Duration.ofSeconds(20));
    }

    /**
     * Runs a command and returns what it printed; one that has not ended within {@code limit} is stopped and fails
     * the test (its output goes to a file, so a hung xdotool cannot hold the reading thread).
     */
    static String run(List<String> command, Duration limit) {
        Path out = null;
        try {
            out = Files.createTempFile("desk", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not answer within " + limit.toSeconds()
                        + " s (is the X display and its window manager up?): " + command);
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("xdotool is needed for the desktop profile (Debian: apt-get install"
                    + " xdotool): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file of a test
                }
            }
        }
    }
}
