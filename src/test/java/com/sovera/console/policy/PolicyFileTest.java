package com.sovera.console.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the policy file is looked for, and how a file that cannot be used fails closed. */
class PolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void theSystemLocationPerOperatingSystem() {
        assertThat(PolicyFile.systemLocation("Linux", Map.of())).isEqualTo("/etc/sovx-console/policy.json");
        assertThat(PolicyFile.systemLocation("Mac OS X", Map.of()))
                .isEqualTo("/Library/Application Support/SovX Console/policy.json");
        assertThat(PolicyFile.systemLocation("Windows 11", Map.of("ProgramData", "D:\\ProgramData\\")))
                .isEqualTo("D:\\ProgramData\\SovX Console\\policy.json");
        assertThat(PolicyFile.systemLocation("Windows Server 2022", Map.of()))
                .isEqualTo("C:\\ProgramData\\SovX Console\\policy.json");
    }

    @Test
    void thePropertyOverridesTheLocation() throws IOException {
        Path file = write("policy.json", "{\"keychain_allowed\": false}");
        String before = System.getProperty(PolicyFile.PROPERTY);
        try {
            System.setProperty(PolicyFile.PROPERTY, file.toString());
            assertThat(PolicyFile.location()).isEqualTo(file);
            LoadedPolicy loaded = PolicyFile.load();
            assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.APPLIED);
            assertThat(loaded.policy().keychainAllowed()).contains(false);
            System.setProperty(PolicyFile.PROPERTY, " ");
            assertThat(PolicyFile.location().toString())
                    .isEqualTo(PolicyFile.systemLocation(System.getProperty("os.name"), System.getenv()));
        } finally {
            if (before == null) {
                System.clearProperty(PolicyFile.PROPERTY);
            } else {
                System.setProperty(PolicyFile.PROPERTY, before);
            }
        }
    }

    @Test
    void noFileMeansNoPolicy() {
        LoadedPolicy loaded = PolicyFile.load(dir.resolve("policy.json"));
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.NO_FILE);
        assertThat(loaded.policy()).isEqualTo(Policy.NONE);
        assertThat(loaded.policy().pinned()).isEmpty();
        assertThat(loaded.operatorMessage()).isEmpty();
    }

    @Test
    void aValidFileApplies() throws IOException {
        LoadedPolicy loaded = PolicyFile.load(write("policy.json", "{\"idle_sign_out_minutes\": 10}"));
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.APPLIED);
        assertThat(loaded.policy().idleSignOutMinutes()).contains(10);
        assertThat(loaded.operatorMessage()).isEmpty();
    }

    @Test
    void malformedJsonFailsClosedAndTellsTheOperatorWhereTheFileIs() throws IOException {
        Path file = write("policy.json", "{\"keychain_allowed\": false,\n \"environments\": [\"embedded\"");
        LoadedPolicy loaded = PolicyFile.load(file);
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
        assertThat(loaded.policy()).isEqualTo(Policy.MOST_RESTRICTIVE);
        assertThat(loaded.operatorMessage()).get().asString()
                .startsWith("The administrator's policy file " + file + " could not be used: it is not valid JSON")
                .contains("most restrictive").contains("Ask your administrator")
                .doesNotContain("setLenient");
    }

    @Test
    void aFolderWhereTheFileShouldBeFailsClosed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("policy.json"));
        LoadedPolicy loaded = PolicyFile.load(folder);
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
        assertThat(loaded.problems()).containsExactly("it is a folder, not a file");
    }

    @Test
    void aLocationWhoseExistenceCannotBeToldFailsClosedNotOpen() throws IOException {
        // a file where a folder of the path should be: the file's existence cannot be established
        Path notAFolder = write("etc", "");
        LoadedPolicy loaded = PolicyFile.load(notAFolder.resolve("policy.json"));
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
        assertThat(loaded.problems()).singleElement().asString().contains("cannot tell whether it exists");
    }

    @Test
    void anUnreadableFileFailsClosed() throws IOException {
        Path file = write("policy.json", "{}");
        boolean denied = file.toFile().setReadable(false, false) && !Files.isReadable(file);
        LoadedPolicy loaded = PolicyFile.load(file);
        if (denied) {
            assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
            assertThat(loaded.problems()).containsExactly("the console may not read it (access denied)");
        } else {
            // as root permissions do not stop a read (CI runs as root): the file is read and applies
            assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.APPLIED);
        }
    }

    @Test
    void aHugeFileOrOneThatIsNotUtf8FailsClosed() throws IOException {
        Path huge = write("huge.json", "{\"keychain_allowed\": false" + " ".repeat(PolicyFile.MAX_BYTES) + "}");
        assertThat(PolicyFile.load(huge).problems()).singleElement().asString().contains("larger than 64 KB");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"default_environment\": \"https://sovx.caf\u00e9.example/sovx/v1\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(PolicyFile.load(latin1).problems()).containsExactly("it is not UTF-8 text (save it as UTF-8)");
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, "{}".getBytes(StandardCharsets.UTF_16));
        assertThat(PolicyFile.load(utf16).state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
    }

    @Test
    void aByteOrderMarkFromAWindowsEditorIsAccepted() throws IOException {
        LoadedPolicy loaded = PolicyFile.load(write("policy.json", "\uFEFF{\"keychain_allowed\": false}"));
        assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.APPLIED);
        assertThat(loaded.policy().keychainAllowed()).contains(false);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        LoadedPolicy loaded = PolicyFile.load(write("policy.json",
                "{\"keychain_alowed\": false, \"idle_sign_out_minutes\": \"15\", \"minimum_log_level\": \"VERBOSE\"}"));
        assertThat(loaded.problems()).containsExactly(
                "'keychain_alowed' is not a policy this console knows",
                "'idle_sign_out_minutes' must be a whole number of minutes from 1 to 1440, not \"15\"",
                "'minimum_log_level' must be one of TRACE, DEBUG, INFO, WARN, ERROR, not \"VERBOSE\"");
        assertThat(loaded.operatorMessage()).get().asString().contains("'keychain_alowed' is not a policy");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
