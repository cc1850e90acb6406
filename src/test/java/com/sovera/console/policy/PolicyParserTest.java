package com.sovera.console.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each item of policy.json as an administrator writes it, and what the console reads from it. */
class PolicyParserTest {

    private static Policy parse(String json) throws PolicyParser.Invalid {
        return PolicyParser.parse(json);
    }

    private static List<String> problems(String json) {
        try {
            PolicyParser.parse(json);
            throw new AssertionError("accepted: " + json);
        } catch (PolicyParser.Invalid e) {
            return e.problems();
        }
    }

    @Test
    void anEmptyObjectPinsNothing() throws Exception {
        assertThat(parse("{}")).isEqualTo(Policy.NONE);
        assertThat(parse(" { } \n").pinned()).isEmpty();
    }

    @Test
    void environmentsAreAFixedListInTheirNormalForm() throws Exception {
        Policy p = parse("{\"environments\": [\"sovera-sandbox\", \"https://SOVX.corp.example/sovx/v1/\","
                + " \"Embedded\"]}");
        assertThat(p.environments()).contains(List.of("sovera-sandbox", "https://sovx.corp.example/sovx/v1",
                "embedded"));
        assertThat(p.isPinned(Policy.Item.ENVIRONMENTS)).isTrue();
        // a fixed list is not one operators extend, unless the file says so
        assertThat(p.customEnvironmentsAllowed()).contains(false);
        assertThat(p.isPinned(Policy.Item.CUSTOM_ENVIRONMENTS)).isTrue();
        assertThat(parse("{\"environments\": [\"sovera-sandbox\"], \"custom_environments_allowed\": true}")
                .customEnvironmentsAllowed()).contains(true);
    }

    @Test
    void theDefaultEnvironment() throws Exception {
        Policy p = parse("{\"default_environment\": \"https://sovx.corp.example/sovx/v1\"}");
        assertThat(p.defaultEnvironment()).contains("https://sovx.corp.example/sovx/v1");
        assertThat(p.pinned()).containsExactly(Policy.Item.DEFAULT_ENVIRONMENT);
    }

    @Test
    void theFourSwitches() throws Exception {
        Policy p = parse("{\"custom_environments_allowed\": false, \"embedded_sandbox_enabled\": false,"
                + " \"training_faults_enabled\": false, \"keychain_allowed\": true}");
        assertThat(p.customEnvironmentsAllowed()).contains(false);
        assertThat(p.embeddedSandboxEnabled()).contains(false);
        assertThat(p.trainingFaultsEnabled()).contains(false);
        assertThat(p.keychainAllowed()).contains(true);
        assertThat(p.pinned()).containsExactlyInAnyOrder(Policy.Item.CUSTOM_ENVIRONMENTS,
                Policy.Item.EMBEDDED_SANDBOX, Policy.Item.TRAINING_FAULTS, Policy.Item.KEYCHAIN);
    }

    @Test
    void theMinimumLogLevel() throws Exception {
        Policy p = parse("{\"minimum_log_level\": \"warn\"}");
        assertThat(p.minimumLogLevel()).contains("WARN");
        assertThat(p.allowsLogLevel("ERROR")).isTrue();
        assertThat(p.allowsLogLevel("WARN")).isTrue();
        assertThat(p.allowsLogLevel("INFO")).isFalse();
        assertThat(p.allowsLogLevel("TRACE")).isFalse();
        assertThat(p.logLevel("TRACE")).isEqualTo("WARN");
        assertThat(p.logLevel("ERROR")).isEqualTo("ERROR");
        assertThat(Policy.NONE.logLevel("TRACE")).isEqualTo("TRACE");
        assertThat(Policy.NONE.logLevel("chatty")).isEqualTo("INFO");
    }

    @Test
    void theIdleSignOut() throws Exception {
        assertThat(parse("{\"idle_sign_out_minutes\": 20}").idleSignOutMinutes()).contains(20);
        assertThat(parse("{\"idle_sign_out_minutes\": 1}").idleSignOutMinutes()).contains(1);
        assertThat(parse("{\"idle_sign_out_minutes\": 1440}").idleSignOutMinutes()).contains(1440);
    }

    @Test
    void theAuditDirectoryIsAnAbsolutePath() throws Exception {
        assertThat(parse("{\"audit_directory\": \"/srv/sovx-audit/\"}").auditDirectory())
                .contains(java.nio.file.Path.of("/srv/sovx-audit"));
        assertThat(parse("{\"audit_directory\": \"/srv/sovx-audit\"}").pinned())
                .containsExactly(Policy.Item.AUDIT_DIRECTORY);
        assertThat(problems("{\"audit_directory\": \"audit\"}")).containsExactly("'audit_directory' must be the "
                + "absolute path of a directory (e.g. \"/srv/sovx-audit\"), not \"audit\"");
        assertThat(problems("{\"audit_directory\": \"\"}")).singleElement().asString()
                .startsWith("'audit_directory' must be the absolute path");
        assertThat(problems("{\"audit_directory\": [\"/srv\"]}")).singleElement().asString().endsWith("not a list");
        assertThatThrownBy(() -> Policy.builder().auditDirectory("relative/dir"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAllowedMakesALookupsDeskWhenFalse() throws Exception {
        Policy lookups = parse("{\"writes_allowed\": false}");
        assertThat(lookups.writesAllowed()).contains(false);
        assertThat(lookups.mayWrite()).isFalse();
        assertThat(lookups.pinned()).containsExactly(Policy.Item.WRITES);
        Policy writes = parse("{\"writes_allowed\": true}");
        assertThat(writes.writesAllowed()).contains(true);
        assertThat(writes.mayWrite()).isTrue();
        assertThat(writes.isPinned(Policy.Item.WRITES)).as("true is pinned too: Settings says so").isTrue();
        assertThat(Policy.NONE.mayWrite()).as("no file: every desk writes").isTrue();
        assertThat(Policy.NONE.isPinned(Policy.Item.WRITES)).isFalse();
    }

    @Test
    void aWritesAllowedOfTheWrongTypeMakesTheFileBrokenSoItFailsClosedToLookupsOnly() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("policy", ".json");
        try {
            java.nio.file.Files.writeString(file, "{\"writes_allowed\": \"no\"}");
            LoadedPolicy loaded = PolicyFile.load(file);
            assertThat(loaded.state()).isEqualTo(LoadedPolicy.State.FAILED_CLOSED);
            assertThat(loaded.problems())
                    .containsExactly("'writes_allowed' must be true or false (without quotes), not \"no\"");
            assertThat(loaded.policy().mayWrite()).isFalse();
            assertThat(loaded.operatorMessage()).get().asString().contains("lookups only");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"writes_allowed\": \"false\"}         | 'writes_allowed' must be true or false (without quotes), not \"false\"",
        "{\"writes_allowed\": 0}                 | 'writes_allowed' must be true or false (without quotes), not 0",
        "{\"writes_allowed\": null}              | 'writes_allowed' must be true or false (without quotes), not null",
        "{\"keychain_allowed\": \"false\"}       | 'keychain_allowed' must be true or false (without quotes), not \"false\"",
        "{\"keychain_allowed\": 0}               | 'keychain_allowed' must be true or false (without quotes), not 0",
        "{\"keychain_allowed\": null}            | 'keychain_allowed' must be true or false (without quotes), not null",
        "{\"training_faults_enabled\": [true]}   | 'training_faults_enabled' must be true or false (without quotes), not a list",
        "{\"idle_sign_out_minutes\": 7.5}        | 'idle_sign_out_minutes' must be a whole number of minutes from 1 to 1440, not 7.5",
        "{\"idle_sign_out_minutes\": 0}          | from 1 to 1440, not 0",
        "{\"idle_sign_out_minutes\": 1441}       | from 1 to 1440, not 1441",
        "{\"minimum_log_level\": 3}              | 'minimum_log_level' must be one of TRACE, DEBUG, INFO, WARN, ERROR, not 3",
        "{\"environments\": \"embedded\"}        | 'environments' must be a list of environments, not \"embedded\"",
        "{\"environments\": []}                  | 'environments' is empty",
        "{\"environments\": [\"embedded\", 7]}   | 'environments[1]' must be a string",
        "{\"environments\": [\"prod\"]}          | 'environments[0]': 'prod' is neither \"embedded\", \"sovera-sandbox\" nor a base URL",
        "{\"environments\": [\"http://sovx.corp.example/sovx/v1\"]} | 'environments[0]': http:// is refused for sovx.corp.example",
        "{\"environments\": [\"embedded\", \"EMBEDDED\"]} | 'environments' lists embedded twice",
        "{\"default_environment\": {\"url\": \"https://x.example\"}} | 'default_environment' must be a string",
        "{\"Keychain_Allowed\": false}           | 'Keychain_Allowed' is not a policy this console knows"})
    void wrongTypesAndValuesAreNamed(String json, String problem) {
        assertThat(problems(json)).singleElement().asString().contains(problem);
    }

    @Test
    void unknownKeysAreProblemsNotIgnored() {
        assertThat(problems("{\"keychain_allowed\": false, \"allow_everything\": true}"))
                .containsExactly("'allow_everything' is not a policy this console knows");
    }

    @Test
    void itemsThatContradictEachOtherAreProblems() {
        assertThat(problems("{\"embedded_sandbox_enabled\": false, \"environments\": [\"embedded\"]}"))
                .containsExactly("'environments' lists \"embedded\" while 'embedded_sandbox_enabled' is false");
        assertThat(problems("{\"embedded_sandbox_enabled\": false, \"default_environment\": \"embedded\"}"))
                .containsExactly("'default_environment' is \"embedded\" while 'embedded_sandbox_enabled' is false");
        assertThat(problems("{\"environments\": [\"sovera-sandbox\"], \"default_environment\": \"embedded\"}"))
                .containsExactly("'default_environment' embedded is not in 'environments'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                      | it is not valid JSON",
        "{\"keychain_allowed\": false,}        | it is not valid JSON",
        "{keychain_allowed: false}             | it is not valid JSON",
        "{\"keychain_allowed\": false} {}      | it is not valid JSON",
        "{\"keychain_allowed\": false, \"keychain_allowed\": true} | it is not valid JSON",
        "[\"keychain_allowed\"]                | it must hold one JSON object, { ... }, not a list",
        "true                                  | it must hold one JSON object, { ... }, not true"})
    void malformedJson(String text, String problem) {
        assertThat(problems(text == null ? "" : text)).singleElement().asString().startsWith(problem);
    }

    @Test
    void whereTheJsonBreaksIsSaidInWords() {
        assertThat(problems("{\"keychain_allowed\": false,\n \"environments\": [\"embedded\""))
                .containsExactly("it is not valid JSON (it ends too early: a closing }, ] or quote is missing)");
        assertThat(problems("{keychain_allowed: false}")).containsExactly("it is not valid JSON (malformed at path $.)");
    }

    @Test
    void aDuplicateKeyIsNamed() {
        assertThat(problems("{\"keychain_allowed\": false, \"keychain_allowed\": true}")).singleElement().asString()
                .contains("keychain_allowed");
    }

    @Test
    void theMostRestrictiveReadingPinsEveryItem() {
        Policy p = Policy.MOST_RESTRICTIVE;
        // but where the trail goes: a broken file names no directory, and the trail stays in the logs directory
        assertThat(p.pinned()).containsExactlyInAnyOrderElementsOf(java.util.EnumSet.complementOf(
                java.util.EnumSet.of(Policy.Item.AUDIT_DIRECTORY)));
        assertThat(p.environments()).contains(List.of("embedded"));
        assertThat(p.defaultEnvironment()).contains("embedded");
        assertThat(p.customEnvironmentsAllowed()).contains(false);
        assertThat(p.embeddedSandboxEnabled()).contains(true);
        assertThat(p.trainingFaultsEnabled()).contains(false);
        assertThat(p.keychainAllowed()).contains(false);
        assertThat(p.allowsLogLevel("DEBUG")).isFalse();
        assertThat(p.allowsLogLevel("INFO")).isTrue();
        assertThat(p.idleSignOutMinutes()).contains(15);
        assertThat(p.writesAllowed()).as("a broken file may have meant a lookups desk").contains(false);
    }

    @Test
    void theBuilderRefusesALevelThatIsNone() {
        assertThatThrownBy(() -> Policy.builder().minimumLogLevel("LOUD")).isInstanceOf(IllegalArgumentException.class);
    }
}
