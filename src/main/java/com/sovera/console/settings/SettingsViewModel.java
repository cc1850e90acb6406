package com.sovera.console.settings;

import com.sovera.console.api.BaseUrl;
import com.sovera.console.config.AdministeredSettings;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.policy.Policy;
import com.sovera.console.ui.task.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen without its controls: environments, timeouts, log level, idle sign-out and theme, saved
 * together, under the administrator's policy. A pinned item shows its note ({@link #PINNED}) and cannot change; a
 * save keeps the operator's own value of a pinned item in the file (it applies again if the policy goes) and applies
 * the policy's.
 */
public final class SettingsViewModel {

    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    /** The note next to every item the administrator's policy pins. */
    public static final String PINNED = "Set by your administrator";

    public final ObjectProperty<Environment> environment = new SimpleObjectProperty<>();
    public final StringProperty customUrl = new SimpleStringProperty("");
    public final IntegerProperty connectTimeout = new SimpleIntegerProperty();
    public final IntegerProperty readTimeout = new SimpleIntegerProperty();
    public final ObjectProperty<String> logLevel = new SimpleObjectProperty<>();
    public final IntegerProperty idleMinutes = new SimpleIntegerProperty();
    public final ObjectProperty<String> theme = new SimpleObjectProperty<>();
    /** The text size in percent of the theme's ({@link Settings#TEXT_SIZES}): the view applies it when chosen. */
    public final ObjectProperty<Integer> textSize = new SimpleObjectProperty<>();
    /** The embedded sandbox's seconds between blocks, as typed: checked on save, applied at its next start. */
    public final StringProperty blockSeconds = new SimpleStringProperty("");

    /** Said beside the block time: it does not change a sandbox that is running. */
    public static final String BLOCK_SECONDS_NOTE = "Applies at the next start of the local sandbox.";
    private final StringProperty blockSecondsProblem = new SimpleStringProperty("");

    private final SettingsStore store;
    private final Policy policy;
    private final Consumer<Settings> applied;
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final List<String> logLevels;
    private final StringProperty message = new SimpleStringProperty("");
    private final TrainingViewModel training;
    private final TaskRunner runner;
    private boolean saving;
    /** What the file holds, with the environments added on this screen: the base of the next save. */
    private Settings saved;
    /** What the screen showed as in force: left as it is, the operator's own value stays in the file. */
    private Settings shown;

    /**
     * @param inForce  the settings the console runs with now (the environment shown as chosen)
     * @param policy   the administrator's policy ({@link Policy#NONE} without one)
     * @param applied  told of the settings in force once saved, to apply what applies at once
     * @param training the embedded sandbox's training faults, or null where there are none or the policy forbids
     *                 them
     * @param runner   writes the file off the FX thread
     */
    public SettingsViewModel(SettingsStore store, Settings inForce, Policy policy, Consumer<Settings> applied,
                             TrainingFaults training, TaskRunner runner) {
        this.store = store;
        this.runner = runner;
        this.policy = policy;
        this.applied = applied;
        this.saved = store.saved();
        this.training = training == null || !policy.trainingFaultsEnabled().orElse(true) ? null
                : new TrainingViewModel(training);
        this.logLevels = LOG_LEVELS.stream().filter(policy::allowsLogLevel).toList();
        this.shown = inForce;
        connectTimeout.set(inForce.connectTimeoutSeconds());
        readTimeout.set(inForce.readTimeoutSeconds());
        logLevel.set(inForce.logLevel());
        idleMinutes.set(inForce.idleSignOutMinutes());
        theme.set(inForce.theme());
        textSize.set(inForce.textSizePercent());
        blockSeconds.set(Integer.toString(inForce.sandboxBlockSeconds()));
        blockSeconds.addListener((o, was, now) -> blockSecondsProblem.set(""));
        refreshEnvironments(inForce.environmentId());
    }

    /** The environments the operator may choose: all of them, or the administrator's. */
    public ObservableList<Environment> environments() {
        return environments;
    }

    /** The log levels on offer: none more detailed than the administrator's minimum. */
    public List<String> logLevels() {
        return logLevels;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Why the typed block time cannot be saved, or empty. */
    public StringProperty blockSecondsProblemProperty() {
        return blockSecondsProblem;
    }

    /** Whether the local sandbox's block time can matter here: the policy has not turned the sandbox off. */
    public boolean mayChooseBlockSeconds() {
        return policy.embeddedSandboxEnabled().orElse(true);
    }

    /** The typed block time as a whole number of at least one second, or null. */
    private Integer typedBlockSeconds() {
        try {
            int seconds = Integer.parseInt(blockSeconds.get().strip());
            return seconds >= 1 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The training faults section, or null when the environment has none or the policy turned them off. */
    public TrainingViewModel training() {
        return training;
    }

    /** True when the administrator's policy pins this item. */
    public boolean pinned(Policy.Item item) {
        return policy.isPinned(item);
    }

    /** {@link #PINNED} and what it means for this item, or empty when the operator decides. */
    public String note(Policy.Item item) {
        if (!pinned(item)) {
            return "";
        }
        return switch (item) {
            case ENVIRONMENTS -> PINNED + ": only these environments are offered.";
            case DEFAULT_ENVIRONMENT -> PINNED + ": every start opens on "
                    + AdministeredSettings.effective(saved, policy).environment().name() + ".";
            case CUSTOM_ENVIRONMENTS -> PINNED + (mayAddEnvironments() ? "." : ": no environments of your own.");
            case EMBEDDED_SANDBOX -> PINNED + ": the local sandbox is "
                    + (policy.embeddedSandboxEnabled().orElse(true) ? "on." : "off.");
            case TRAINING_FAULTS -> PINNED + ": training faults are "
                    + (policy.trainingFaultsEnabled().orElse(true) ? "allowed." : "off.");
            case KEYCHAIN -> PINNED + ": keeping owner keys in the system keychain is "
                    + (policy.keychainAllowed().orElse(true) ? "allowed." : "not allowed.");
            case MINIMUM_LOG_LEVEL -> PINNED + ": nothing more detailed than " + policy.minimumLogLevel().orElseThrow()
                    + ".";
            case IDLE_SIGN_OUT -> PINNED + ".";
            case AUDIT_DIRECTORY -> PINNED + ": the audit trail is kept in "
                    + policy.auditDirectory().orElseThrow() + ".";
            case WRITES -> PINNED + (policy.mayWrite() ? ": this desk may create, mint and revoke."
                    : ": this desk is for lookups only; nothing is created, minted or revoked here.");
        };
    }

    /** Whether "Add environment" is offered. */
    public boolean mayAddEnvironments() {
        return AdministeredSettings.mayAddEnvironments(saved, policy);
    }

    /** Whether the operator may pick another environment here. */
    public boolean mayChooseEnvironment() {
        return environments.size() > 1;
    }

    /** Whether the operator may choose a log level: more than one is allowed. */
    public boolean mayChooseLogLevel() {
        return logLevels.size() > 1;
    }

    /** Whether the operator may set the idle sign-out. */
    public boolean mayChooseIdleMinutes() {
        return !pinned(Policy.Item.IDLE_SIGN_OUT);
    }

    /** Adds the typed base URL as a custom environment (treated as production), where the policy allows it. */
    public void addCustom() {
        if (!mayAddEnvironments()) {
            message.set("Your administrator does not allow adding environments.");
            return;
        }
        try {
            String url = BaseUrl.check(customUrl.get());
            Environment chosen = environment.get();
            saved = saved.withCustom(url);
            refreshEnvironments(chosen == null ? null : chosen.id());
            customUrl.set("");
            message.set("Added " + url + ". Custom environments are treated as production.");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /**
     * Saves what the operator changed and may change, and applies the result under the policy. A pinned item, or
     * one shown as the policy made it and left alone, keeps the operator's earlier value in the file and the
     * policy's in force; an environment the policy does not offer is refused. The file is written off the FX
     * thread; the result applies once it is on disk.
     */
    public void save() {
        Environment chosen = environment.get() == null ? shown.environment() : environment.get();
        if (!environments.contains(chosen)) {
            message.set(chosen.name() + " is not offered here: choose one of the list.");
            return;
        }
        Integer seconds = typedBlockSeconds();
        if (seconds == null) {
            // refused, and nothing typed anywhere on the screen is lost: the operator corrects and saves again
            String problem = "Seconds between blocks: a whole number of at least 1 (e.g. 10), not \""
                    + blockSeconds.get().strip() + "\".";
            blockSecondsProblem.set(problem);
            message.set("Not saved. " + problem);
            return;
        }
        boolean movedEnvironment = !chosen.id().equals(shown.environmentId());
        String level = logLevel.get();
        boolean ownLevel = level != null && !level.equals(shown.logLevel()) && policy.allowsLogLevel(level);
        Settings next = saved.withEnvironment(movedEnvironment ? chosen.id() : saved.environmentId())
                .withTimeouts(connectTimeout.get(), readTimeout.get())
                .withLogLevel(ownLevel ? level : saved.logLevel())
                .withIdleSignOutMinutes(mayChooseIdleMinutes() ? idleMinutes.get() : saved.idleSignOutMinutes())
                .withTheme(theme.get())
                .withTextSizePercent(textSize.get() == null ? saved.textSizePercent() : textSize.get())
                .withSandboxBlockSeconds(seconds);
        if (saving) {
            return; // one save at a time: a second would race the first to the file
        }
        saving = true;
        message.set("Saving...");
        runner.run(() -> {
            store.save(next); // the disk, off the FX thread
            return next;
        }, written -> {
            saving = false;
            applySaved(written, chosen);
        }, failure -> {
            saving = false;
            message.set(failure.getMessage());
        });
    }

    private void applySaved(Settings next, Environment chosen) {
        saved = next;
        Settings inForce = AdministeredSettings.chosen(next.withEnvironment(chosen.id()), policy);
        shown = inForce;
        logLevel.set(inForce.logLevel());
        idleMinutes.set(inForce.idleSignOutMinutes());
        LogLevels.set(inForce.logLevel());
        message.set("Saved and applied.");
        applied.accept(inForce);
    }

    private void refreshEnvironments(String selectedId) {
        environments.setAll(AdministeredSettings.environments(saved, policy));
        environments.stream().filter(e -> e.id().equals(selectedId)).findFirst()
                .or(() -> environments.stream().findFirst()).ifPresent(environment::set);
    }
}
