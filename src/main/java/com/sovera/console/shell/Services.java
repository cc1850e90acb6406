package com.sovera.console.shell;

import com.sovera.console.activity.ActivityLog;
import com.sovera.console.api.SovxClient;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.settings.Environment;
import com.sovera.console.settings.Settings;
import com.sovera.console.settings.SettingsStore;
import com.sovera.console.ui.Background;
import com.sovera.console.ui.SessionState;
import java.time.Clock;

/**
 * What the main window works with, made by start-up code (or a test) for one environment.
 *
 * @param demoEmail    the embedded sandbox's demo sign-in to pre-fill, or null elsewhere
 * @param demoPassword its password, or null
 */
public record Services(SovxClient client, Environment environment, Settings settings, SettingsStore settingsStore,
                       Journal journal, ActivityLog activity, Background background, SessionState session,
                       String demoEmail, String demoPassword, Clock clock) {

    @Override
    public String toString() {
        return "Services[" + environment.name() + "]";
    }
}
