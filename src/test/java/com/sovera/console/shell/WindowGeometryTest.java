package com.sovera.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.shell.WindowGeometry.Box;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowGeometryTest {

    /** A 1366x768 laptop with a 40-pixel panel at the bottom. */
    private static final Box LAPTOP = new Box(0, 0, 1366, 728);
    private static final Box WIDE = new Box(1366, 0, 1920, 1040);

    private static Optional<WindowState> closedAt(double x, double y, double w, double h, boolean maximised) {
        return Optional.of(new WindowState(x, y, w, h, "nav-users", maximised));
    }

    @Test
    void aFirstStartOpensAtNinetyPercentOfThePrimaryScreenCentred() {
        Box big = new Box(0, 0, 1920, 1040);
        WindowGeometry.Placement p = WindowGeometry.place(Optional.empty(), List.of(big), big);
        assertThat(p.bounds()).isEqualTo(new Box(96, 52, 1728, 936));
        assertThat(p.maximised()).isFalse();
    }

    @Test
    void onASmallScreenItOpensAtLeast1024x700ButNeverLargerThanTheScreen() {
        assertThat(WindowGeometry.place(Optional.empty(), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(new Box((1366 - 1229.4) / 2, 14, 1229.4, 700));
        Box tiny = new Box(0, 0, 1000, 650);
        assertThat(WindowGeometry.place(Optional.empty(), List.of(tiny), tiny).bounds())
                .isEqualTo(new Box(0, 0, 1000, 650));
    }

    @Test
    void itOpensWhereItWasClosedWhenItsTitleBarIsOnAScreen() {
        Box on2nd = new Box(1500, 100, 1200, 800);
        assertThat(WindowGeometry.place(closedAt(1500, 100, 1200, 800, false), List.of(LAPTOP, WIDE), LAPTOP)
                .bounds()).isEqualTo(on2nd);
        // the body may hang below the screen: the title bar is what the operator grabs
        assertThat(WindowGeometry.place(closedAt(100, 500, 800, 600, false), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(new Box(100, 500, 800, 600));
    }

    @Test
    void aPlaceWhoseTitleBarIsOffEveryScreenIsForgotten() {
        Box fresh = WindowGeometry.fresh(LAPTOP);
        // the second monitor is gone
        assertThat(WindowGeometry.place(closedAt(1500, 100, 1200, 800, false), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(fresh);
        // above the top of the screen, or half past its right edge
        assertThat(WindowGeometry.place(closedAt(100, -20, 800, 600, false), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(fresh);
        assertThat(WindowGeometry.place(closedAt(1000, 100, 800, 600, false), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(fresh);
        // half written, or empty
        assertThat(WindowGeometry.place(Optional.of(new WindowState(10.0, 10.0, null, 600.0, null, null)),
                List.of(LAPTOP), LAPTOP).bounds()).isEqualTo(fresh);
        assertThat(WindowGeometry.place(closedAt(10, 10, 0, 0, false), List.of(LAPTOP), LAPTOP).bounds())
                .isEqualTo(fresh);
    }

    @Test
    void aWindowClosedMaximisedOpensMaximisedOverThePlaceItIsRestoredTo() {
        WindowGeometry.Placement p = WindowGeometry.place(closedAt(50, 40, 1100, 650, true), List.of(LAPTOP),
                LAPTOP);
        assertThat(p.maximised()).isTrue();
        assertThat(p.bounds()).isEqualTo(new Box(50, 40, 1100, 650));
    }
}
