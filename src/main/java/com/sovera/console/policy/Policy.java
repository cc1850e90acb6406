package com.sovera.console.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the administrator pinned in the system-wide policy file. Every item is optional: absent means "not pinned",
 * the operator's own setting applies. Immutable. Environments are named as in the file: {@code embedded},
 * {@code sovera-sandbox}, or a base URL (normalised by {@link EnvironmentRefs}).
 */
public final class Policy {

    /** The items a policy can pin, with their keys in the file. */
    public enum Item {
        ENVIRONMENTS("environments"),
        DEFAULT_ENVIRONMENT("default_environment"),
        CUSTOM_ENVIRONMENTS("custom_environments_allowed"),
        EMBEDDED_SANDBOX("embedded_sandbox_enabled"),
        TRAINING_FAULTS("training_faults_enabled"),
        KEYCHAIN("keychain_allowed"),
        MINIMUM_LOG_LEVEL("minimum_log_level"),
        IDLE_SIGN_OUT("idle_sign_out_minutes"),
        AUDIT_DIRECTORY("audit_directory"),
        WRITES("writes_allowed");

        private final String key;

        Item(String key) {
            this.key = key;
        }

        /** The key in policy.json. */
        public String key() {
            return key;
        }

        static Optional<Item> byKey(String key) {
            for (Item item : values()) {
                if (item.key.equals(key)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Why a desk whose policy says {@code "writes_allowed": false} offers no create, mint, revoke, bulk run or
     * simulated deposit: the reason every refused action gives, on screen and from the client.
     */
    public static final String LOOKUPS_ONLY = "This desk is set for lookups by your administrator";

    /** Log levels from the most to the least detailed, as Settings and logback name them. */
    public static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    /** The longest idle sign-out, in a policy file or in Settings: a day. */
    public static final int MAX_IDLE_MINUTES = 24 * 60;

    /** No file: nothing pinned. */
    public static final Policy NONE = builder().build();

    /**
     * What a policy file that exists but cannot be used means: the most restrictive reading. Only the local
     * sandbox (nothing real, no network) is offered, operators add no environments, the keychain and training
     * faults are off, nothing more detailed than INFO is logged, an idle console signs out after 15 minutes, and
     * nothing is written: the broken file may have been meant to make this a lookups desk, and a desk that looks
     * things up where it should have written loses a few minutes, while one that writes where it should only have
     * looked cannot undo it.
     */
    public static final Policy MOST_RESTRICTIVE = builder()
            .environments(List.of(EnvironmentRefs.EMBEDDED)).defaultEnvironment(EnvironmentRefs.EMBEDDED)
            .customEnvironmentsAllowed(false).embeddedSandboxEnabled(true).trainingFaultsEnabled(false)
            .keychainAllowed(false).minimumLogLevel("INFO").idleSignOutMinutes(15).writesAllowed(false).build();

    private record Values(List<String> environments, String defaultEnvironment, Boolean customEnvironments,
                          Boolean embeddedSandbox, Boolean trainingFaults, Boolean keychain, String minimumLogLevel,
                          Integer idleSignOutMinutes, String auditDirectory,
                          Boolean writes) {
    }

    private final Values values;

    private Policy(Values values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The environments offered, in this order; empty when not pinned. */
    public Optional<List<String>> environments() {
        return Optional.ofNullable(values.environments);
    }

    /** The environment every start opens on; empty when not pinned (the operator's last choice applies). */
    public Optional<String> defaultEnvironment() {
        return Optional.ofNullable(values.defaultEnvironment);
    }

    /**
     * Whether operators may add environments of their own. Pinned to false, unless the file says true, as soon as
     * the file fixes the list of {@link #environments()}: a fixed list is not one an operator can extend.
     */
    public Optional<Boolean> customEnvironmentsAllowed() {
        if (values.customEnvironments == null && values.environments != null) {
            return Optional.of(false);
        }
        return Optional.ofNullable(values.customEnvironments);
    }

    /** Whether the embedded sandbox may run and be chosen. */
    public Optional<Boolean> embeddedSandboxEnabled() {
        return Optional.ofNullable(values.embeddedSandbox);
    }

    /** Whether training faults may be armed (on the embedded sandbox). */
    public Optional<Boolean> trainingFaultsEnabled() {
        return Optional.ofNullable(values.trainingFaults);
    }

    /** Whether an owner key may be kept in the system keychain. */
    public Optional<Boolean> keychainAllowed() {
        return Optional.ofNullable(values.keychain);
    }

    /** The most detailed log level operators may choose (one of {@link #LOG_LEVELS}). */
    public Optional<String> minimumLogLevel() {
        return Optional.ofNullable(values.minimumLogLevel);
    }

    /** Minutes without input after which the console signs out. */
    public Optional<Integer> idleSignOutMinutes() {
        return Optional.ofNullable(values.idleSignOutMinutes);
    }

    /** Where the audit trail goes (an absolute path, e.g. a share the operator may only append to). */
    public Optional<java.nio.file.Path> auditDirectory() {
        return Optional.ofNullable(values.auditDirectory).map(java.nio.file.Path::of);
    }

    /**
     * Whether this desk may write (create, mint, revoke, run a bulk import, simulate a deposit); false makes it a
     * lookups desk ({@link #LOOKUPS_ONLY}).
     */
    public Optional<Boolean> writesAllowed() {
        return Optional.ofNullable(values.writes);
    }

    /** True unless the policy makes this a lookups desk. */
    public boolean mayWrite() {
        return writesAllowed().orElse(true);
    }

    /** True when the item is pinned: Settings shows it as "Set by your administrator" and does not let it change. */
    public boolean isPinned(Item item) {
        return switch (item) {
            case ENVIRONMENTS -> environments().isPresent();
            case DEFAULT_ENVIRONMENT -> defaultEnvironment().isPresent();
            case CUSTOM_ENVIRONMENTS -> customEnvironmentsAllowed().isPresent();
            case EMBEDDED_SANDBOX -> embeddedSandboxEnabled().isPresent();
            case TRAINING_FAULTS -> trainingFaultsEnabled().isPresent();
            case KEYCHAIN -> keychainAllowed().isPresent();
            case MINIMUM_LOG_LEVEL -> minimumLogLevel().isPresent();
            case IDLE_SIGN_OUT -> idleSignOutMinutes().isPresent();
            case AUDIT_DIRECTORY -> auditDirectory().isPresent();
            case WRITES -> writesAllowed().isPresent();
        };
    }

    /** Every pinned item. */
    public Set<Item> pinned() {
        Set<Item> pinned = EnumSet.noneOf(Item.class);
        for (Item item : Item.values()) {
            if (isPinned(item)) {
                pinned.add(item);
            }
        }
        return pinned;
    }

    /** True when an operator may choose this log level: it is no more detailed than the minimum. */
    public boolean allowsLogLevel(String level) {
        int index = LOG_LEVELS.indexOf(level == null ? "" : level.toUpperCase(Locale.ROOT));
        return index >= 0 && index >= minimumLogLevel().map(LOG_LEVELS::indexOf).orElse(0);
    }

    /** The level to log at for an operator's choice: raised to the minimum, INFO for an unknown choice. */
    public String logLevel(String chosen) {
        String level = chosen == null ? "INFO" : chosen.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            level = "INFO";
        }
        return allowsLogLevel(level) ? level : minimumLogLevel().orElseThrow();
    }

    /**
     * The environments the operator may pick and the one the console opens on, from what the operator saved.
     * A pure function of plain values, so that the saved settings ({@code config.AdministeredSettings}) can be
     * put under it without this package knowing them.
     *
     * @param savedChoice the operator's last environment ({@code embedded}, {@code sovera-sandbox} or a base URL)
     * @param savedCustom the base URLs the operator added
     */
    public Offer offer(String savedChoice, List<String> savedCustom) {
        List<String> offered = new ArrayList<>();
        boolean embedded = embeddedSandboxEnabled().orElse(true);
        if (environments().isPresent()) {
            environments().get().stream().filter(e -> embedded || !e.equals(EnvironmentRefs.EMBEDDED))
                    .forEach(offered::add);
        } else {
            if (embedded) {
                offered.add(EnvironmentRefs.EMBEDDED);
            }
            offered.add(EnvironmentRefs.SOVERA_SANDBOX);
            // an administrator's URL named as the default is offered; a built-in one only if it is on
            defaultEnvironment().filter(e -> !EnvironmentRefs.isBuiltIn(e) && !offered.contains(e))
                    .ifPresent(offered::add);
        }
        boolean mayAdd = customEnvironmentsAllowed().orElse(true);
        if (mayAdd && savedCustom != null) {
            savedCustom.stream().map(EnvironmentRefs::normalise).filter(e -> !offered.contains(e))
                    .forEach(offered::add);
        }
        if (offered.isEmpty()) {
            // the file's reader refuses such a policy; one built otherwise must not open somewhere unlisted
            throw new IllegalStateException("this policy offers no environment: " + this);
        }
        String saved = savedChoice == null ? null : EnvironmentRefs.normalise(savedChoice);
        String selected = defaultEnvironment().filter(offered::contains)
                .orElse(offered.contains(saved) ? saved : offered.get(0));
        return new Offer(List.copyOf(offered), selected, mayAdd);
    }

    /**
     * What an operator may pick after the policy.
     *
     * @param environments the environments offered, in order ({@code embedded}, {@code sovera-sandbox}, base URLs)
     * @param selected     the one the console opens on
     * @param mayAdd       whether "Add environment" is offered
     */
    public record Offer(List<String> environments, String selected, boolean mayAdd) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Policy p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Policy" + values.toString().substring("Values".length());
    }

    /** True when {@code text} is an absolute path on this system. */
    static boolean isAbsolutePath(String text) {
        try {
            return !text.isBlank() && java.nio.file.Path.of(text).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Builds a policy; an item never set stays unpinned. */
    public static final class Builder {
        private List<String> environments;
        private String defaultEnvironment;
        private Boolean customEnvironments;
        private Boolean embeddedSandbox;
        private Boolean trainingFaults;
        private Boolean keychain;
        private String minimumLogLevel;
        private Integer idleSignOutMinutes;
        private String auditDirectory;
        private Boolean writes;

        private Builder() {
        }

        public Builder environments(List<String> value) {
            environments = value == null ? null : value.stream().map(EnvironmentRefs::normalise).toList();
            return this;
        }

        public Builder defaultEnvironment(String value) {
            defaultEnvironment = value == null ? null : EnvironmentRefs.normalise(value);
            return this;
        }

        public Builder customEnvironmentsAllowed(Boolean value) {
            customEnvironments = value;
            return this;
        }

        public Builder embeddedSandboxEnabled(Boolean value) {
            embeddedSandbox = value;
            return this;
        }

        public Builder trainingFaultsEnabled(Boolean value) {
            trainingFaults = value;
            return this;
        }

        public Builder keychainAllowed(Boolean value) {
            keychain = value;
            return this;
        }

        public Builder minimumLogLevel(String value) {
            if (value != null && !LOG_LEVELS.contains(value.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a log level: " + value);
            }
            minimumLogLevel = value == null ? null : value.toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder idleSignOutMinutes(Integer value) {
            idleSignOutMinutes = value;
            return this;
        }

        /** An absolute path; anything else is refused (the trail must not land where the start happens to be). */
        public Builder auditDirectory(String value) {
            if (value != null && !isAbsolutePath(value)) {
                throw new IllegalArgumentException("not an absolute path: " + value);
            }
            auditDirectory = value == null ? null : java.nio.file.Path.of(value).normalize().toString();
            return this;
        }

        public Builder writesAllowed(Boolean value) {
            writes = value;
            return this;
        }

        public Policy build() {
            return new Policy(new Values(environments, defaultEnvironment, customEnvironments, embeddedSandbox,
                    trainingFaults, keychain, minimumLogLevel, idleSignOutMinutes, auditDirectory,
                    writes));
        }
    }
}
