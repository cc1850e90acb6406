package com.sovera.console.settings;

import com.sovera.console.api.BaseUrl;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.platform.LogLevels;
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

/** The Settings screen without its controls: environments, timeouts, log level and theme, saved together. */
public final class SettingsViewModel {

    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    public final ObjectProperty<Environment> environment = new SimpleObjectProperty<>();
    public final StringProperty customUrl = new SimpleStringProperty("");
    public final IntegerProperty connectTimeout = new SimpleIntegerProperty();
    public final IntegerProperty readTimeout = new SimpleIntegerProperty();
    public final ObjectProperty<String> logLevel = new SimpleObjectProperty<>();
    public final ObjectProperty<String> theme = new SimpleObjectProperty<>();

    private final SettingsStore store;
    private final Consumer<Settings> saved;
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final TrainingViewModel training;
    private Settings settings;

    /**
     * @param saved    told of the settings once they are saved, to apply what applies at once
     * @param training the embedded sandbox's training faults, or null where there are none
     */
    public SettingsViewModel(SettingsStore store, Settings loaded, Consumer<Settings> saved, TrainingFaults training) {
        this.store = store;
        this.saved = saved;
        this.settings = loaded;
        this.training = training == null ? null : new TrainingViewModel(training);
        connectTimeout.set(loaded.connectTimeoutSeconds());
        readTimeout.set(loaded.readTimeoutSeconds());
        logLevel.set(loaded.logLevel());
        theme.set(loaded.theme());
        refreshEnvironments();
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The training faults section, or null when the environment has none (anything but the embedded sandbox). */
    public TrainingViewModel training() {
        return training;
    }

    /** Adds the typed base URL as a custom environment (treated as production). */
    public void addCustom() {
        try {
            String url = BaseUrl.check(customUrl.get());
            settings = settings.withCustom(url);
            refreshEnvironments();
            customUrl.set("");
            message.set("Added " + url + ". Custom environments are treated as production.");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    public void save() {
        Environment chosen = environment.get();
        settings = settings.withEnvironment(chosen == null ? settings.environmentId() : chosen.id())
                .withTimeouts(connectTimeout.get(), readTimeout.get()).withLogLevel(logLevel.get())
                .withTheme(theme.get());
        try {
            store.save(settings);
            LogLevels.set(settings.logLevel());
            message.set("Saved and applied.");
            saved.accept(settings);
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    private void refreshEnvironments() {
        environments.setAll(settings.environments());
        environments.stream().filter(e -> e.id().equals(settings.environmentId())).findFirst()
                .ifPresent(environment::set);
    }
}
