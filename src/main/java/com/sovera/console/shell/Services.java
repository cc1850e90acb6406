package com.sovera.console.shell;

import com.sovera.console.session.ActivityLog;
import com.sovera.console.api.SovxClient;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.settings.TrainingFaults;
import com.sovera.console.ui.Background;
import com.sovera.console.session.SessionState;
import java.time.Clock;

/**
 * What the main window works with, made by start-up code (or a test) for one environment.
 *
 * @param lookupClient   the client of the lookups, with its own owner key (the customer in context)
 * @param demoEmail      the embedded sandbox's demo sign-in to pre-fill, or null elsewhere
 * @param demoPassword   its password, or null
 * @param demoCustomerId the embedded sandbox's demo customer, ready for lookups, or null
 * @param demoOwnerKey   its owner key, in memory only, or null
 * @param training       the embedded sandbox's training faults, or null for every other environment
 */
public record Services(SovxClient client, SovxClient lookupClient, Environment environment, Settings settings,
                       SettingsStore settingsStore, Journal journal, ActivityLog activity, Background background,
                       SessionState session, String demoEmail, String demoPassword, String demoCustomerId,
                       String demoOwnerKey, Clock clock, TrainingFaults training) {

    @Override
    public String toString() {
        return "Services[" + environment.name() + "]";
    }
}
