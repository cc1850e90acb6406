package com.sovera.console.shell;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Where the window was and which view it showed, kept in the config directory across restarts. */
public record WindowState(Double x, Double y, Double width, Double height, String view) {

    private static Path file(Path configDir) {
        return configDir.resolve("window.json");
    }

    public static Optional<WindowState> load(Path configDir) {
        return JsonFiles.read(file(configDir), WindowState.class).value();
    }

    public void save(Path configDir) throws IOException {
        JsonFiles.write(file(configDir), WindowState.class, this);
    }

    public static WindowState of(Stage stage, String view) {
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), view);
    }

    /** Puts the stage where it was, if that place is still on a screen (a monitor may have gone). */
    public void applyTo(Stage stage) {
        if (width == null || height == null || width < 400 || height < 300) {
            return;
        }
        stage.setWidth(width);
        stage.setHeight(height);
        if (x != null && y != null && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }
}
