package com.sovera.console.shell;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window opens, without a toolkit: where it was closed when its title bar still lies inside a
 * screen's visual bounds (a monitor may have gone, or shrunk), else the larger of 90% of the primary screen's visual
 * bounds and 1024x700, capped at those bounds, centred on it. A window left maximised opens maximised, over the
 * place it will be restored to.
 */
public final class WindowGeometry {

    /** The smallest window every screen of the console is laid out for. */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;
    /** The strip at a window's top that must be on a screen for the operator to grab and move it. */
    static final double TITLE_BAR = 32;

    private WindowGeometry() {
    }

    /** A rectangle in screen coordinates. */
    public record Box(double x, double y, double width, double height) {

        boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.x + other.width <= x + width
                    && other.y + other.height <= y + height;
        }
    }

    /** The window's bounds and whether it is maximised. */
    public record Placement(Box bounds, boolean maximised) {
    }

    /**
     * @param saved   where the window was closed (its bounds before any maximising), if known
     * @param screens the visual bounds of every screen
     * @param primary the visual bounds of the primary screen
     */
    public static Placement place(Optional<WindowState> saved, List<Box> screens, Box primary) {
        boolean maximised = saved.map(WindowState::maximised).orElse(false);
        Optional<Box> last = saved.flatMap(WindowState::bounds).filter(b -> titleBarOnScreen(b, screens));
        return new Placement(last.orElseGet(() -> fresh(primary)), maximised);
    }

    private static boolean titleBarOnScreen(Box window, List<Box> screens) {
        Box titleBar = new Box(window.x(), window.y(), window.width(), Math.min(TITLE_BAR, window.height()));
        return window.width() > 0 && window.height() > 0 && screens.stream().anyMatch(s -> s.contains(titleBar));
    }

    /** The first start's window (or one whose place is gone): large, but never larger than the screen. */
    static Box fresh(Box screen) {
        double width = Math.min(Math.max(screen.width() * 0.9, MIN_WIDTH), screen.width());
        double height = Math.min(Math.max(screen.height() * 0.9, MIN_HEIGHT), screen.height());
        return new Box(screen.x() + (screen.width() - width) / 2, screen.y() + (screen.height() - height) / 2,
                width, height);
    }
}
