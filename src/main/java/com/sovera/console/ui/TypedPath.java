package com.sovera.console.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file's path as an operator types or pastes it beside a file button, so that a keyboard journey never needs
 * the native file chooser: surrounding quotes (a file manager's "Copy path") and a {@code file://} address are
 * taken off, {@code ~} is the home directory, and a relative path is read from the home directory (the console's
 * working directory is nothing the operator sees). Toolkit-free.
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
}
