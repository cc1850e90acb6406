package com.sovera.console.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the console's log level at run time (Settings), never more detailed than the minimum an administrator set:
 * DEBUG and TRACE write headers and bodies, which a managed desk may forbid.
 */
public final class LogLevels {

    private static volatile Level minimum = Level.TRACE;

    private LogLevels() {
    }

    /** The most detailed level any later {@link #set} may give (from the policy, once at start). */
    public static void minimum(String level) {
        minimum = Level.toLevel(level, Level.TRACE);
    }

    /** Sets the level, raised to the minimum; an unknown name means INFO. */
    public static void set(String level) {
        Level wanted = Level.toLevel(level, Level.INFO);
        Level applied = wanted.isGreaterOrEqual(minimum) ? wanted : minimum;
        // while SLF4J is still starting elsewhere it hands out stand-ins, which have no level to set
        if (LoggerFactory.getLogger("com.sovera.console") instanceof Logger logger) {
            logger.setLevel(applied);
        }
    }
}
