package com.sovera.console.config;

import com.sovera.console.policy.EnvironmentRefs;
import com.sovera.console.policy.Policy;
import java.util.List;

/**
 * The operator's saved {@link Settings} as the administrator's {@link Policy} allows them: which environments
 * are offered, which one the console opens on, the log level. The rules are the policy's ({@link Policy#offer},
 * {@link Policy#logLevel}); this only translates between its names and {@link Environment}. No JavaFX.
 */
public final class AdministeredSettings {

    private AdministeredSettings() {
    }

    /** The environments to offer, in order: built-in ones, the administrator's, then the operator's if allowed. */
    public static List<Environment> environments(Settings saved, Policy policy) {
        return offer(saved, policy).environments().stream().map(AdministeredSettings::environment).toList();
    }

    /** Whether the operator may add an environment of their own. */
    public static boolean mayAddEnvironments(Settings saved, Policy policy) {
        return offer(saved, policy).mayAdd();
    }

    /**
     * The settings to run with: the environment the policy opens on and the log level raised to its minimum. For
     * use, not for saving: what the operator chose stays theirs in the file.
     */
    public static Settings effective(Settings saved, Policy policy) {
        Environment selected = environment(offer(saved, policy).selected());
        Settings result = selected.kind() == Environment.Kind.CUSTOM ? saved.withCustom(selected.baseUrl()) : saved;
        return result.withEnvironment(selected.id()).withLogLevel(policy.logLevel(saved.logLevel()));
    }

    private static Policy.Offer offer(Settings saved, Policy policy) {
        Environment chosen = saved.environment();
        String choice = chosen.kind() == Environment.Kind.CUSTOM ? chosen.baseUrl() : chosen.id();
        if (!saved.environmentId().equals(chosen.id())) {
            choice = null; // the saved id names nothing any more
        }
        return policy.offer(choice, saved.customBaseUrls());
    }

    private static Environment environment(String ref) {
        return switch (ref) {
            case EnvironmentRefs.EMBEDDED -> Environment.EMBEDDED_SANDBOX;
            case EnvironmentRefs.SOVERA_SANDBOX -> Environment.SOVERA_SANDBOX;
            default -> Environment.custom(ref);
        };
    }
}
