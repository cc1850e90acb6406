package com.sovera.console.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file's path as an operator types or pastes it beside a file button, so that a keyboard journey never needs
 * the native file chooser: surrounding quotes (a file manager's "Copy path") and a {@code file://} address are
 * taken off, {@code ~} is the home directory, and a relative path is read from the home directory (the console's
 * working directory is nothing the operator sees). A path to save to is checked against the disk first
 * ({@link #forSaving}). Toolkit-free.
 */
public final class TypedPath {

    private TypedPath() {
    }

    public static Optional<Path> parse(String typed, Path home) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (t.startsWith("file:")) {
                return Optional.of(Path.of(URI.create(t)));
            }
            if (t.equals("~")) {
                return Optional.of(home);
            }
            if (t.startsWith("~/") || t.startsWith("~\\")) {
                return Optional.of(home.resolve(t.substring(2)));
            }
            Path p = Path.of(t);
            return Optional.of(p.isAbsolute() ? p : home.resolve(p));
        } catch (IllegalArgumentException e) { // InvalidPathException too
            return Optional.empty();
        }
    }

    /** What a save to a typed path would do: write a new file, replace one (only if the operator agrees), or not. */
    public enum Verdict { NEW, EXISTS, REFUSED }

    /** The file a save would write, what that would do, and for the operator the reason when it would not. */
    public record Save(Path file, Verdict verdict, String message) {
    }

    /**
     * Where a save to {@code typed} would write, as the disk stands now (reads it: call it off the FX thread). A
     * folder, a folder that does not exist or no path at all is refused with the reason; nothing is created.
     */
    public static Save forSaving(String typed, Path home) {
        Optional<Path> parsed = parse(typed, home);
        if (parsed.isEmpty()) {
            return new Save(null, Verdict.REFUSED, "Type the path of the file to save to, then press Enter.");
        }
        Path file = parsed.get();
        if (Files.isDirectory(file)) {
            return new Save(file, Verdict.REFUSED, file + " is a folder: type the file's name after it.");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return new Save(file, Verdict.REFUSED, "There is no folder " + folder
                    + ": create it first, or type a path in a folder that exists.");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Save(file, Verdict.EXISTS, file.getFileName() + " exists already in " + folder + ".");
        }
        return new Save(file, Verdict.NEW, "");
    }
}
