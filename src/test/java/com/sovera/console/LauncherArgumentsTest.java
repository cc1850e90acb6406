package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code mvn javafx:run} gives the console the arguments typed in {@code -Djavafx.args}, not the module path, class
 * path and main class the plugin appends after the pom's launch line (which ends with {@code --javafx-run}).
 */
class LauncherArgumentsTest {

    private static final String MAIN = Launcher.class.getName();

    @Test
    void aJavafxRunLaunchKeepsOnlyTheArgumentsTypedAfterThePluginsMainClass() {
        String[] launched = {"--javafx-run", "--module-path", "javafx-base.jar:javafx-controls.jar",
            "--add-modules", "javafx.base,javafx.controls", "-classpath", "target/classes:h2.jar", MAIN,
            "--sandbox-only", "--port", "0", "--db", "mem"};

        assertThat(Launcher.ownArguments(launched)).containsExactly("--sandbox-only", "--port", "0", "--db", "mem");
    }

    @Test
    void aJavafxRunLaunchWithoutArgumentsGivesNone() {
        String[] launched = {"--javafx-run", "--module-path", "javafx-base.jar", "-classpath", "target/classes",
            MAIN};

        assertThat(Launcher.ownArguments(launched)).isEmpty();
    }

    @Test
    void anyOtherLaunchKeepsEveryArgument() {
        String[] launched = {"--verify-audit", "audit.jsonl"};

        assertThat(Launcher.ownArguments(launched)).containsExactly("--verify-audit", "audit.jsonl");
    }
}
