package com.sovera.console.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the console's log level at run time (Settings). */
public final class LogLevels {

    private LogLevels() {
    }

    public static void set(String level) {
        // while SLF4J is still starting elsewhere it hands out stand-ins, which have no level to set
        if (LoggerFactory.getLogger("com.sovera.console") instanceof Logger logger) {
            logger.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
