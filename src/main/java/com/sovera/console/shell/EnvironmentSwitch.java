package com.sovera.console.shell;

import com.sovera.console.config.Settings;

/**
 * Start-up's way to apply a new environment (or new timeouts) at once: the session ends, calls out are cancelled,
 * new clients are built and a new main window takes the place of this one.
 */
@FunctionalInterface
public interface EnvironmentSwitch {
    void switchTo(Settings settings);
}
