package com.sovera.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An X display of our own (Xvfb), for starting the installed console as it starts on a desktop: the image has no
 * headless glass platform, and a real display is what its users have. Xvfb picks a free display number itself.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb, or says how to get it (Debian: {@code apt-get install xvfb libgtk-3-0}). */
    static VirtualDisplay start() throws IOException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("Xvfb is needed to start the installed console here (on Debian: apt-get install -y"
                    + " --no-install-recommends xvfb xauth libgtk-3-0): " + e.getMessage(), e);
        }
        // -displayfd 1: Xvfb writes the display number it took once it accepts connections
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        if (number == null || !number.trim().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not start (said: " + number + ")");
        }
        return new VirtualDisplay(xvfb, ":" + number.trim());
    }

    /** The value for {@code DISPLAY}. */
    String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
