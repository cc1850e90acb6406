package com.sovera.console.onboarding;

import com.sovera.console.platform.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The onboarding journal in the data directory, written atomically after every step. */
public final class Journal {

    private final Path file;
    private String problem;

    public Journal(Path dataDir) {
        this.file = dataDir.resolve("onboarding-journal.json");
    }

    /** An unfinished onboarding to offer for resuming, if any. */
    public Optional<Progress> unfinished() {
        JsonFiles.Read<Progress> read = JsonFiles.read(file, Progress.class);
        if (read.setAside() != null) {
            problem = "The onboarding journal could not be read and was set aside as "
                    + read.setAside().getFileName() + ".";
        }
        return read.value().filter(p -> !p.finished);
    }

    /** A message when reading found a corrupt journal, else null. */
    public String problem() {
        return problem;
    }

    public void save(Progress progress) {
        try {
            JsonFiles.write(file, Progress.class, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the onboarding journal " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
