package com.sovera.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's saved settings under the administrator's policy: what Settings offers and what start-up uses. */
class AdministeredSettingsTest {

    private static final String PROD = "https://sovx.corp.example/sovx/v1";
    private static final String MINE = "https://sovx.staging.example/sovx/v1";

    private static final Settings SAVED = Settings.DEFAULTS.withCustom(MINE).withEnvironment("custom:" + MINE)
            .withLogLevel("TRACE");

    @Test
    void withoutAPolicyTheOperatorsSettingsStandAsSaved() {
        assertThat(AdministeredSettings.environments(SAVED, Policy.NONE)).containsExactly(
                Environment.EMBEDDED_SANDBOX, Environment.SOVERA_SANDBOX, Environment.custom(MINE));
        assertThat(AdministeredSettings.mayAddEnvironments(SAVED, Policy.NONE)).isTrue();
        Settings effective = AdministeredSettings.effective(SAVED, Policy.NONE);
        assertThat(effective.environment()).isEqualTo(Environment.custom(MINE));
        assertThat(effective.logLevel()).isEqualTo("TRACE");
    }

    @Test
    void aFixedListWithADefaultOpensThereAndRaisesTheLogLevel() {
        Policy policy = Policy.builder().environments(List.of("sovera-sandbox", PROD)).defaultEnvironment(PROD)
                .minimumLogLevel("INFO").build();
        assertThat(AdministeredSettings.environments(SAVED, policy)).containsExactly(Environment.SOVERA_SANDBOX,
                Environment.custom(PROD));
        assertThat(AdministeredSettings.mayAddEnvironments(SAVED, policy)).isFalse();
        Settings effective = AdministeredSettings.effective(SAVED, policy);
        assertThat(effective.environment()).isEqualTo(Environment.custom(PROD));
        assertThat(effective.environment().isProductionLike()).isTrue();
        assertThat(effective.logLevel()).isEqualTo("INFO");
        // the operator's own choice is untouched in what they saved
        assertThat(SAVED.environmentId()).isEqualTo("custom:" + MINE);
    }

    @Test
    void theEmbeddedSandboxTurnedOffIsNeverWhereTheConsoleOpens() {
        Policy policy = Policy.builder().embeddedSandboxEnabled(false).customEnvironmentsAllowed(false).build();
        assertThat(AdministeredSettings.environments(Settings.DEFAULTS, policy))
                .containsExactly(Environment.SOVERA_SANDBOX);
        assertThat(AdministeredSettings.effective(Settings.DEFAULTS, policy).environment())
                .isEqualTo(Environment.SOVERA_SANDBOX);
        assertThat(AdministeredSettings.effective(SAVED, policy).environment()).isEqualTo(Environment.SOVERA_SANDBOX);
    }

    @Test
    void failingClosedOpensTheLocalSandboxOnly() {
        assertThat(AdministeredSettings.environments(SAVED, Policy.MOST_RESTRICTIVE))
                .containsExactly(Environment.EMBEDDED_SANDBOX);
        Settings effective = AdministeredSettings.effective(SAVED, Policy.MOST_RESTRICTIVE);
        assertThat(effective.environment()).isEqualTo(Environment.EMBEDDED_SANDBOX);
        assertThat(effective.logLevel()).isEqualTo("INFO");
    }

    @Test
    void aChoiceInSettingsAppliesWhenOfferedEvenWhereADefaultDecidesTheStart() {
        Policy policy = Policy.builder().environments(List.of("sovera-sandbox", PROD)).defaultEnvironment(PROD)
                .build();
        Settings sandbox = SAVED.withEnvironment(Environment.SOVERA_SANDBOX_ID);
        assertThat(AdministeredSettings.chosen(sandbox, policy).environment()).isEqualTo(Environment.SOVERA_SANDBOX);
        assertThat(AdministeredSettings.effective(sandbox, policy).environment()).isEqualTo(Environment.custom(PROD));
        // the operator's own URL, or the local sandbox, is not on this desk's list: the console goes to the default
        assertThat(AdministeredSettings.chosen(SAVED, policy).environment()).isEqualTo(Environment.custom(PROD));
        assertThat(AdministeredSettings.chosen(SAVED.withEnvironment(Environment.EMBEDDED_ID), policy).environment())
                .isEqualTo(Environment.custom(PROD));
    }

    @Test
    void theIdleSignOutIsTheOperatorsUnlessPinned() {
        Settings own = SAVED.withIdleSignOutMinutes(30);
        assertThat(AdministeredSettings.effective(own, Policy.NONE).idleSignOutMinutes()).isEqualTo(30);
        Policy pinned = Policy.builder().idleSignOutMinutes(10).build();
        assertThat(AdministeredSettings.effective(own, pinned).idleSignOutMinutes()).isEqualTo(10);
        assertThat(AdministeredSettings.chosen(own, pinned).idleSignOutMinutes()).isEqualTo(10);
        assertThat(AdministeredSettings.effective(Settings.DEFAULTS, Policy.MOST_RESTRICTIVE).idleSignOutMinutes())
                .isEqualTo(15);
        assertThat(Settings.DEFAULTS.idleSignOutMinutes()).as("off unless chosen").isZero();
    }

    @Test
    void anAdministratorsUrlChosenIsNotTheOperatorsToKeep() {
        Policy policy = Policy.builder().environments(List.of("sovera-sandbox", PROD)).build();
        Settings chose = Settings.DEFAULTS.withEnvironment("custom:" + PROD);
        assertThat(chose.customBaseUrls()).isEmpty();
        assertThat(chose.environment()).isEqualTo(Environment.custom(PROD));
        assertThat(AdministeredSettings.effective(chose, policy).environment()).isEqualTo(Environment.custom(PROD));
        assertThat(AdministeredSettings.effective(chose, policy).customBaseUrls()).isEmpty();
        // without the policy that offered it, the URL is offered no more
        assertThat(AdministeredSettings.effective(chose, Policy.NONE).environment())
                .isEqualTo(Environment.EMBEDDED_SANDBOX);
    }
}
