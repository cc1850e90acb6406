package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed console, started by the image's own launcher on a display: with the class-data-sharing archive
 * made where it lies, its classes come from the archive; with the archive missing, damaged, or stale (a jar
 * changed since it was made), it starts all the same, from the jars. Run by {@code mvn -Pinstaller verify}
 * after the image is built (needs Xvfb).
 */
@Tag("installer")
class InstalledImageTest {

    private static final Pattern LAUNCHER_SOURCE =
            Pattern.compile("com\\.sovera\\.console\\.Launcher source: (.*)");

    private static InstalledImage image;
    private static VirtualDisplay display;

    @TempDir
    Path home;

    @BeforeAll
    static void archiveMadeWhereTheImageLies() throws Exception {
        image = InstalledImage.built();
        assertThat(image.classList()).as("the class list recorded at package time").isNotEmptyFile();
        image.makeArchive();
        display = VirtualDisplay.start();
    }

    @AfterAll
    static void closeDisplay() throws Exception {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theConsoleLoadsItsClassesFromTheArchive() throws Exception {
        assertThat(whereTheLauncherClassCameFrom()).isEqualTo("shared objects file");
    }

    @Test
    void withoutTheArchiveTheConsoleStartsFromItsJars() throws Exception {
        Path aside = image.archive().resolveSibling("sovx-console.jsa.aside");
        Files.move(image.archive(), aside);
        try {
            assertThat(whereTheLauncherClassCameFrom()).startsWith("file:").contains("sovx-console-");
        } finally {
            Files.move(aside, image.archive());
        }
    }

    @Test
    void withADamagedArchiveTheConsoleStartsFromItsJars() throws Exception {
        // whole length and a sound header, a damaged megabyte in the middle: what a bad disk block leaves
        Path good = image.archive().resolveSibling("sovx-console.jsa.good");
        Files.copy(image.archive(), good, StandardCopyOption.REPLACE_EXISTING);
        try {
            byte[] damaged = Files.readAllBytes(good);
            byte[] noise = new byte[1024 * 1024];
            new java.util.Random(16).nextBytes(noise);
            System.arraycopy(noise, 0, damaged, damaged.length / 2, noise.length);
            Files.write(image.archive(), damaged);
            assertThat(whereTheLauncherClassCameFrom()).startsWith("file:");
        } finally {
            Files.move(good, image.archive(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void withAStaleArchiveTheConsoleStartsFromItsJars() throws Exception {
        // an upgrade that left the old archive: the console's jar is not the one the archive was made from
        Path jar = image.consoleJar();
        FileTime made = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.from(made.toInstant().plus(Duration.ofMinutes(1))));
        try {
            assertThat(whereTheLauncherClassCameFrom()).startsWith("file:");
        } finally {
            Files.setLastModifiedTime(jar, made);
        }
    }

    /** Starts the console to its first frame and returns where the JVM loaded the launcher class from. */
    private String whereTheLauncherClassCameFrom() throws Exception {
        Path classes = home.resolve("classes.log");
        InstalledImage.Run run = image.startConsole(display, home, "-Xlog:class+load=info:file=" + classes);
        assertThat(run.exitCode()).as("exit code; output:\n%s", run.output()).isZero();
        assertThat(run.millisAfter(InstalledImage.CONSOLE_READY)).as("first frame; output:\n%s", run.output())
                .isPositive();
        Matcher source = LAUNCHER_SOURCE.matcher(Files.readString(classes));
        assertThat(source.find()).as("the launcher class in the class-loading log").isTrue();
        return source.group(1).trim();
    }
}
