package com.sovera.console.shell;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the window was (its bounds before any maximising), whether it was maximised and which view it showed, kept
 * in the config directory across restarts. {@link WindowGeometry} decides what of it still applies.
 */
public record WindowState(Double x, Double y, Double width, Double height, String view, Boolean maximized) {

    private static Path file(Path configDir) {
        return configDir.resolve("window.json");
    }

    public static Optional<WindowState> load(Path configDir) {
        return JsonFiles.read(file(configDir), WindowState.class).value();
    }

    public void save(Path configDir) throws IOException {
        JsonFiles.write(file(configDir), WindowState.class, this);
    }

    /** The remembered bounds, if all four were written. */
    public Optional<WindowGeometry.Box> bounds() {
        return x == null || y == null || width == null || height == null ? Optional.empty()
                : Optional.of(new WindowGeometry.Box(x, y, width, height));
    }

    public boolean maximised() {
        return Boolean.TRUE.equals(maximized);
    }
}
