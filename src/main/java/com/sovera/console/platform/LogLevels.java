package com.sovera.console.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the console's log level at run time (Settings). */
public final class LogLevels {

    private LogLevels() {
    }

    public static void set(String level) {
        ((Logger) LoggerFactory.getLogger("com.sovera.console")).setLevel(Level.toLevel(level, Level.INFO));
    }
}
