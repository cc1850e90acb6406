package com.sovera.console.config;

import com.sovera.console.policy.EnvironmentRefs;
import com.sovera.console.policy.Policy;
import java.util.List;

/**
 * The operator's saved {@link Settings} as the administrator's {@link Policy} allows them: which environments
 * are offered, which one the console opens on (at start, and after a choice in Settings), the log level and the
 * idle sign-out. The rules are the policy's ({@link Policy#offer}, {@link Policy#logLevel}); this only translates
 * between its names and {@link Environment}. No JavaFX.
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
     * The settings to start with: the environment the policy opens on (its default, else the operator's last
     * choice if still offered), the log level raised to its minimum and a pinned idle sign-out. For use, not for
     * saving: what the operator chose stays theirs in the file.
     */
    public static Settings effective(Settings saved, Policy policy) {
        return inForce(saved, policy, offer(saved, policy).selected());
    }

    /**
     * The settings to switch to after the operator saved a choice in Settings: the environment chosen when the
     * policy offers it (a pinned default decides where a start opens, not where the operator may go), else the
     * one the policy opens on; the log level and idle sign-out as in {@link #effective}.
     */
    public static Settings chosen(Settings saved, Policy policy) {
        Policy.Offer offer = offer(saved, policy);
        String choice = choice(saved);
        return inForce(saved, policy, offer.environments().contains(choice) ? choice : offer.selected());
    }

    /** The idle sign-out in force: the policy's minutes when it pins them, else the operator's (0: never). */
    public static int idleSignOutMinutes(Settings saved, Policy policy) {
        return policy.idleSignOutMinutes().orElse(saved.idleSignOutMinutes());
    }

    private static Settings inForce(Settings saved, Policy policy, String ref) {
        Environment selected = environment(ref);
        return saved.withEnvironment(selected.id()).withLogLevel(policy.logLevel(saved.logLevel()))
                .withIdleSignOutMinutes(idleSignOutMinutes(saved, policy));
    }

    /** The operator's choice as the policy names environments, or null when the saved id names nothing. */
    private static String choice(Settings saved) {
        Environment chosen = saved.environment();
        if (!saved.environmentId().equals(chosen.id())) {
            return null;
        }
        return chosen.kind() == Environment.Kind.CUSTOM ? EnvironmentRefs.normalise(chosen.baseUrl()) : chosen.id();
    }

    private static Policy.Offer offer(Settings saved, Policy policy) {
        return policy.offer(choice(saved), saved.customBaseUrls());
    }

    private static Environment environment(String ref) {
        return switch (ref) {
            case EnvironmentRefs.EMBEDDED -> Environment.EMBEDDED_SANDBOX;
            case EnvironmentRefs.SOVERA_SANDBOX -> Environment.SOVERA_SANDBOX;
            default -> Environment.custom(ref);
        };
    }
}
