package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.config.Settings;
import com.sovera.console.platform.AppDirs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded sandbox starts as Settings set it up: the seconds between its blocks come from there. */
class StartupSandboxTest {

    @TempDir
    Path home;

    @Test
    void theEmbeddedSandboxMinesAtTheBlockTimeOfTheSettings() {
        AppDirs dirs = AppDirs.under(home);
        assertThat(Startup.embeddedSandbox(dirs, Settings.DEFAULTS).blockPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Startup.embeddedSandbox(dirs, Settings.DEFAULTS.withSandboxBlockSeconds(3)).blockPeriod())
                .isEqualTo(Duration.ofSeconds(3));
    }
}
