package com.sovera.console.shell;

import com.sovera.console.api.SovxClient;
import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.platform.Keychain;
import com.sovera.console.policy.Policy;
import com.sovera.console.session.ActivityLog;
import com.sovera.console.settings.TrainingFaults;
import com.sovera.console.ui.task.Scheduler;
import com.sovera.console.ui.task.TaskRunner;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * What the main window works with, made by start-up code (or a test) for one environment.
 *
 * @param client   the wizard's client (it holds the account session)
 * @param lookups  the lookups' client: the same connections and session, an owner key of its own
 * @param demo     the embedded sandbox's demo account, or null elsewhere
 * @param training the embedded sandbox's training faults, or null for every other environment
 * @param keychain finds the system keychain (run off the FX thread)
 * @param settings the settings in force: the operator's under the administrator's policy
 * @param switcher applies another environment or timeouts at once; null where the console cannot (tests)
 * @param policy   the administrator's policy ({@link Policy#NONE} without one): what Settings may not change
 * @param audit    the desk's audit trail for this environment: the clients record their writes in it
 */
public record Services(SovxClient client, SovxClient lookups, Environment environment, Settings settings,
                       SettingsStore settingsStore, Journal journal, ActivityLog activity, TaskRunner runner,
                       Scheduler scheduler, Clock clock, Demo demo, TrainingFaults training,
                       Callable<Keychain> keychain, EnvironmentSwitch switcher, Policy policy,
                       ConsoleAudit audit) {

    /** The embedded sandbox's demo sign-in to pre-fill and its customer, ready for lookups (in memory only). */
    public record Demo(String email, String password, String customerId, String ownerKey) {
        @Override
        public String toString() {
            return "Demo[" + email + ", " + customerId + "]";
        }
    }

    @Override
    public String toString() {
        return "Services[" + environment.name() + "]";
    }
}
