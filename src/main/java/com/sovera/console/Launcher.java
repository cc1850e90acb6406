package com.sovera.console;

import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.SandboxCommand;
import com.sovera.console.sandbox.SandboxStartException;
import java.util.Arrays;
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

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--import")) {
            System.exit(ImportCommand.run(args, ImportCommand.Io.system(), AppDirs.forCurrentUser()));
        }
        if (Arrays.asList(args).contains("--verify-audit")) {
            System.exit(AuditCommand.run(args, AuditCommand.Io.system()));
        }
        if (Arrays.asList(args).contains("--sandbox-only")) {
            try {
                SandboxCommand.run(SandboxCommand.parse(args,
                        AppDirs.forCurrentUser().data().resolve("sandbox")));
            } catch (IllegalArgumentException | SandboxStartException e) {
                LoggerFactory.getLogger(Launcher.class).error("{}", e.getMessage());
                System.exit(2);
            }
            return;
        }
        Startup.begin(); // settings, sandbox and client get ready while the toolkit starts
        Application.launch(ConsoleApp.class, args);
    }
}
