package com.sovera.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The look: AtlantaFX's Primer theme, light or dark, for the whole application. Our own stylesheet only adds
 * what the console means (faults red, hints quiet) in the theme's colour variables, so both variants hold.
 */
public final class Theme {

    private static volatile boolean osPrefersDark;

    private Theme() {
    }

    /** What the operating system prefers, found at start-up (off the FX thread). */
    public static void osPrefersDark(boolean dark) {
        osPrefersDark = dark;
    }

    /** Applies a Settings theme choice ("system", "light" or "dark"); on the FX thread. */
    public static void apply(String choice) {
        Application.setUserAgentStylesheet(isDark(choice) ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static boolean isDark(String choice) {
        return "dark".equals(choice) || ("system".equals(choice) && osPrefersDark);
    }
}
