package com.sovera.console.config;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Loads and saves {@link Settings} in the config directory; a corrupt file is set aside and reported. */
public final class SettingsStore {

    private final Path file;
    private String problem;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Settings load() {
        JsonFiles.Read<Settings> read = JsonFiles.read(file, Settings.class);
        if (read.setAside() != null) {
            problem = "The settings file could not be read and was set aside as " + read.setAside().getFileName()
                    + "; defaults are in use.";
        }
        return read.value().orElse(Settings.DEFAULTS);
    }

    /** A message for the operator when loading found a corrupt file, else null. */
    public String problem() {
        return problem;
    }

    public void save(Settings settings) {
        try {
            JsonFiles.write(file, Settings.class, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file, e);
        }
    }
}
