package com.sovera.console;

import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.SandboxCommand;
import com.sovera.console.sandbox.SandboxStartException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * The entry point. Not an {@code Application} itself, so that JavaFX starts from a plain classpath:
 * {@code --sandbox-only ...} runs the embedded SovX sandbox alone; {@code --import FILE ...} imports a bulk
 * onboarding file without a window ({@link ImportCommand}); {@code --verify-audit FILE} checks an audit trail
 * ({@link AuditCommand}); anything else opens the console.
 */
public final class Launcher {

    static {
        // Before the first logger: the log file goes to the user's log directory (logback.xml reads sovx.logs).
        if (System.getProperty("sovx.logs") == null) {
            System.setProperty("sovx.logs", AppDirs.forCurrentUser().logs().toString());
        }
    }

    private Launcher() {
    }

    /**
     * What {@code mvn javafx:run}'s launch line ends with (pom.xml): the javafx-maven-plugin appends its own module
     * path, class path and main class after the pom's options, and only then the user's {@code -Djavafx.args}.
     */
    static final String JAVAFX_RUN = "--javafx-run";

    public static void main(String[] args) throws InterruptedException {
        String[] own = ownArguments(args);
        if (Arrays.asList(own).contains("--import")) {
            System.exit(ImportCommand.run(own, ImportCommand.Io.system(), AppDirs.forCurrentUser()));
        }
        if (Arrays.asList(own).contains("--verify-audit")) {
            System.exit(AuditCommand.run(own, AuditCommand.Io.system()));
        }
        if (Arrays.asList(own).contains("--sandbox-only")) {
            try {
                SandboxCommand.run(SandboxCommand.parse(own,
                        AppDirs.forCurrentUser().data().resolve("sandbox")));
            } catch (IllegalArgumentException | SandboxStartException e) {
                LoggerFactory.getLogger(Launcher.class).error("{}", e.getMessage());
                System.exit(2);
            }
            return;
        }
        Startup.begin(); // settings, sandbox and client get ready while the toolkit starts
        Application.launch(ConsoleApp.class, own);
    }

    /**
     * The console's own arguments: those of a {@code mvn javafx:run} launch less what the plugin appended from
     * {@link #JAVAFX_RUN} to its repeated main class (without the marker, all of them; a marker with no main class
     * after it, which only a hand-made command line has, drops the rest).
     */
    static String[] ownArguments(String[] args) {
        List<String> all = Arrays.asList(args);
        int marker = all.indexOf(JAVAFX_RUN);
        if (marker < 0) {
            return args;
        }
        List<String> own = new ArrayList<>(all.subList(0, marker));
        int main = all.subList(marker + 1, all.size()).indexOf(Launcher.class.getName());
        if (main >= 0) {
            own.addAll(all.subList(marker + 2 + main, all.size()));
        }
        return own.toArray(String[]::new);
    }
}
