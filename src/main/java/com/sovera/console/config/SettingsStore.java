package com.sovera.console.config;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads and saves {@link Settings} in the config directory; a corrupt file is set aside and reported. Remembers
 * what the file holds, so that Settings can keep the operator's own values under a policy without reading the
 * file again on the FX thread.
 */
public final class SettingsStore {

    private final Path file;
    private volatile String problem;
    private volatile Settings saved;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Settings load() {
        JsonFiles.Read<Settings> read = JsonFiles.read(file, Settings.class);
        if (read.setAside() != null) {
            problem = "The settings file could not be read and was set aside as " + read.setAside().getFileName()
                    + "; defaults are in use.";
        }
        saved = read.value().orElse(Settings.DEFAULTS);
        return saved;
    }

    /** What the file holds as of the last load or save (loading it now if it never was). */
    public Settings saved() {
        Settings known = saved;
        return known != null ? known : load();
    }

    /** A message for the operator when loading found a corrupt file, else null. */
    public String problem() {
        return problem;
    }

    public void save(Settings settings) {
        try {
            JsonFiles.write(file, Settings.class, settings);
            saved = settings;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file, e);
        }
    }
}
