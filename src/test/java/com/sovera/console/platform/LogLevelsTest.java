package com.sovera.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The console's log level, never more detailed than the administrator's minimum. */
class LogLevelsTest {

    private static Level level() {
        return ((Logger) LoggerFactory.getLogger("com.sovera.console")).getLevel();
    }

    @AfterEach
    void restore() {
        LogLevels.minimum(null);
        LogLevels.set("INFO");
    }

    @Test
    void aLevelBelowTheMinimumIsRaisedToIt() {
        LogLevels.minimum("INFO");
        LogLevels.set("TRACE");
        assertThat(level()).isEqualTo(Level.INFO);
        LogLevels.set("DEBUG");
        assertThat(level()).isEqualTo(Level.INFO);
        LogLevels.set("WARN");
        assertThat(level()).as("less detailed is allowed").isEqualTo(Level.WARN);
    }

    @Test
    void withoutAMinimumAnyLevelApplies() {
        LogLevels.minimum(null);
        LogLevels.set("TRACE");
        assertThat(level()).isEqualTo(Level.TRACE);
    }
}
