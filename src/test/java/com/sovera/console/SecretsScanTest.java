package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full onboarding and a lookup session at the most verbose log level, in a console process of its own; then
 * every file it wrote (data, config, logs, exports) and its standard output and error are searched for every
 * password, token and secret that crossed the wire: none may be found.
 */
class SecretsScanTest {

    @TempDir
    Path home;

    @Test
    void noSecretReachesAFileOrTheConsoleOutput() throws Exception {
        Path logs = home.resolve("logs");
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             FaultyLine line = new FaultyLine("http://127.0.0.1:" + sandbox.port())) {
            // C1 only, as CrashSafetyTest's consoles: a short run spends less CPU compiling than it would win
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "-Dsovx.logs=" + logs));
            for (String p : List.of("testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
                    "prism.order", "java.awt.headless")) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
            command.addAll(List.of(CrashDriver.class.getName(), home.resolve("console").toString(), line.baseUrl(),
                    "secret-scan", "verbose"));
            Process console = new ProcessBuilder(command).redirectOutput(home.resolve("stdout.txt").toFile())
                    .redirectError(home.resolve("stderr.txt").toFile()).start();
            assertThat(console.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String stdout = Files.readString(home.resolve("stdout.txt"));
            assertThat(console.exitValue()).as(stdout + Files.readString(home.resolve("stderr.txt"))).isZero();
            assertThat(stdout).contains("DONE ").contains("LOOKED UP");

            // what was used: the password, the session token, the minted owner key
            List<String> secrets = new ArrayList<>(line.secretsSeen);
            assertThat(secrets).contains(DemoAccount.PASSWORD).hasSizeGreaterThanOrEqualTo(3);

            List<Path> written = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(home)) {
                walk.filter(Files::isRegularFile).forEach(written::add);
            }
            assertThat(written).extracting(p -> p.getFileName().toString())
                    .contains("console.log", "onboarding-journal.json", "users.csv", "stdout.txt", "stderr.txt");
            String log = Files.readString(logs.resolve("console.log"), StandardCharsets.UTF_8);
            assertThat(log).as("the log is at its most verbose: wire bodies are in it")
                    .contains("\"customer_id\":\"secret-scan\"").contains("\"customer_secret\":\"██\"");

            Map<String, Integer> hits = new java.util.TreeMap<>();
            for (Path file : written) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    if (content.contains(secret)) {
                        hits.merge(home.relativize(file) + " holds a value of length " + secret.length(), 1,
                                Integer::sum);
                    }
                }
            }
            assertThat(hits).as("secrets found in files or output").isEmpty();
        }
    }
}
