package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log file: written where sovx.logs points, and a secret the console knows never reaches it; and the
 * configuration itself reads without a warning, so logback prints nothing of its own at start.
 */
class LogFileTest {

    @Test
    void theConfigurationReadsCleanlySoTheConsoleStartsWithoutLogbacksOwnStatus() {
        var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        var statuses = context.getStatusManager().getCopyOfStatusList();
        // a warning during configuration (a deprecated attribute, say) makes logback print its whole status
        assertThat(statuses).as("logback's own status while reading logback.xml")
                .noneMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN);
        assertThat(statuses).anyMatch(s -> s.getMessage().contains("logback.xml"));
    }

    @Test
    void aSecretLoggedByMistakeIsMaskedInTheFile() throws Exception {
        String secret = "uiFkvaYbt1YfBO2NiXyi1txbdysIxa8H";
        try (SovxClient client = SovxClient.builder("http://127.0.0.1:9/sovx/v1").build()) {
            client.credentials().useOwnerKey(secret);
        }
        Logger log = LoggerFactory.getLogger("com.sovera.console.test");
        log.warn("careless line with the key {} and a header\nAuthorization: Bearer abc.def", secret);

        Path file = Path.of(System.getProperty("sovx.logs"), "console.log");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).contains("careless line with the key " + Redactor.MASK)
                .contains("Authorization: " + Redactor.MASK)
                .doesNotContain(secret).doesNotContain("abc.def");
    }
}
