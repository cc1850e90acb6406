package com.sovera.console.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a folder in the desktop's file manager (xdg-open, open, explorer). Starts a process: off the FX thread. */
public final class Folders {

    private Folders() {
    }

    /** @throws IOException when the folder cannot be made or no file manager can be started */
    public static void open(Path folder) throws IOException {
        Files.createDirectories(folder);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer.exe", folder.toString())
                : os.contains("mac") ? List.of("open", folder.toString()) : List.of("xdg-open", folder.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException("No file manager could be started (" + command.get(0) + "): open " + folder
                    + " by hand.", e);
        }
    }
}
