package com.sovera.console.shell;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the main window where {@link WindowGeometry} says, before it is first shown (left to itself, a window
 * manager may open it at its native default, 200x200), and follows its bounds while it is neither maximised nor
 * minimised, so that a window closed maximised is restored to where it was before.
 */
public final class WindowKeeper {

    private final Stage stage;
    private final boolean maximised;
    private WindowGeometry.Box normal;
    /** False until the bounds were applied to the shown window: what the window manager did before is not ours. */
    private boolean placed;

    public WindowKeeper(Stage stage, Optional<WindowState> saved) {
        this.stage = stage;
        WindowGeometry.Placement placement = WindowGeometry.place(saved,
                Screen.getScreens().stream().map(s -> box(s.getVisualBounds())).toList(),
                box(Screen.getPrimary().getVisualBounds()));
        normal = placement.bounds();
        maximised = placement.maximised();
        apply();
        placed = stage.isShowing(); // a window already shown (a test's) was placed just now
        // GTK under a window manager (measured: openbox) maps the window at 200x200 whatever was asked before it
        // showed: the bounds are asked again once it shows
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (!placed) {
                apply();
                placed = true;
            }
        });
        stage.xProperty().addListener(o -> follow());
        stage.yProperty().addListener(o -> follow());
        stage.widthProperty().addListener(o -> follow());
        stage.heightProperty().addListener(o -> follow());
    }

    private void apply() {
        stage.setX(normal.x());
        stage.setY(normal.y());
        stage.setWidth(normal.width());
        stage.setHeight(normal.height());
        stage.setMaximized(maximised);
    }

    private void follow() {
        if (placed && stage.isShowing() && !stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normal = new WindowGeometry.Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    /** What to remember of the window now, with the view it shows. */
    public WindowState state(String view) {
        return new WindowState(normal.x(), normal.y(), normal.width(), normal.height(), view, stage.isMaximized());
    }

    private static WindowGeometry.Box box(Rectangle2D r) {
        return new WindowGeometry.Box(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
