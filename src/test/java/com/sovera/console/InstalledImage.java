package com.sovera.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application image that {@code mvn -Pinstaller package} builds ({@code target/installer/image/sovx-console}),
 * as the installed console: started by its own launcher, with the JVM options the launcher reads from its
 * {@code .cfg}, and its class-data-sharing archive made by the script that the package runs after installing.
 */
final class InstalledImage {

    /** What a start of the image printed, and how it ended. */
    record Run(int exitCode, String output) {

        /** The JVM uptime that a line {@code MARKER<n> ms} reports, or -1 if no such line was printed. */
        long millisAfter(String marker) {
            int at = output.lastIndexOf(marker);
            return at < 0 ? -1 : Long.parseLong(output.substring(at + marker.length()).replaceAll("(?s)\\D.*", ""));
        }
    }

    static final String CONSOLE_READY = "SovX Console ready in ";

    private final Path dir;

    private InstalledImage(Path dir) {
        this.dir = dir;
    }

    /** The image built by the installer profile (or {@code -Dinstaller.image=DIR}). */
    static InstalledImage built() {
        Path dir = Path.of(System.getProperty("installer.image", "target/installer/image/sovx-console"))
                .toAbsolutePath();
        if (!Files.isExecutable(dir.resolve("bin/sovx-console"))) {
            throw new IllegalStateException("No application image at " + dir
                    + ": build it first with mvn -Pinstaller -DskipTests package");
        }
        return new InstalledImage(dir);
    }

    Path appDir() {
        return dir.resolve("lib/app");
    }

    /** The archive the launcher's {@code -XX:SharedArchiveFile} names. */
    Path archive() {
        return appDir().resolve("sovx-console.jsa");
    }

    Path classList() {
        return appDir().resolve("sovx-console.classlist");
    }

    /** The application's own jar (a jar whose change makes the archive stale). */
    Path consoleJar() throws IOException {
        try (Stream<Path> jars = Files.list(appDir())) {
            return jars.filter(p -> p.getFileName().toString().startsWith("sovx-console-")
                    && p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    /** The runtime's own {@code java}: the one the launcher starts. */
    Path java() {
        return dir.resolve("lib/runtime/bin/java");
    }

    /** JavaFX's jars as the image holds them. */
    List<Path> javafxJars() throws IOException {
        try (Stream<Path> jars = Files.list(appDir())) {
            return jars.filter(p -> p.getFileName().toString().startsWith("javafx-")).sorted().toList();
        }
    }

    /** The JVM options of the launcher's {@code .cfg}, with {@code $APPDIR} resolved as the launcher does. */
    List<String> launcherOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(appDir().resolve("sovx-console.cfg"), StandardCharsets.UTF_8)) {
            if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()).replace("$APPDIR", appDir().toString()));
            }
        }
        return options;
    }

    /** Makes the archive where the image lies, as the package's postinst does. */
    void makeArchive() throws Exception {
        Run made = run(List.of("sh", appDir().resolve("make-cds-archive.sh").toString()), Map.of(), appDir(), 300);
        if (made.exitCode() != 0) {
            throw new IllegalStateException("make-cds-archive.sh failed:\n" + made.output());
        }
    }

    /**
     * Starts the console by the image's launcher on {@code display}, with its data under {@code home}, until its
     * first frame ({@code -Dsovx.exitWhenReady}); {@code jvmOptions} come before the launcher's own.
     */
    Run startConsole(VirtualDisplay display, Path home, String... jvmOptions) throws Exception {
        String options = "-Dsovx.exitWhenReady=true -Dsovx.home=" + home + " " + String.join(" ", jvmOptions);
        return run(List.of(dir.resolve("bin/sovx-console").toString()),
                Map.of("DISPLAY", display.name(), "JAVA_TOOL_OPTIONS", options.trim()), home, 180);
    }

    /**
     * Runs a command in {@code workDir} (where a crashing JVM leaves its hs_err file) to its end, or kills it after
     * {@code seconds}, and returns its exit code and output.
     */
    static Run run(List<String> command, Map<String, String> env, Path workDir, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("sovx-run", ".log");
        builder.redirectOutput(out.toFile());
        Process p = builder.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(command.get(0) + " still running after " + seconds + " s:\n"
                        + new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
