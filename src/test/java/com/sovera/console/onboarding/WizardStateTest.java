package com.sovera.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wizard's rules as pure values: what the action says and when it and Back may run. */
class WizardStateTest {

    private static final Progress NOTHING = Progress.start("embedded");

    private static WizardState at(Step step, Progress p, boolean valid, boolean waiting) {
        return new WizardState(step, p, true, true, false, false, false, null, valid, waiting, false);
    }

    @Test
    void theActionSaysWhatItWillDo() {
        assertThat(at(Step.CUSTOMER, NOTHING, true, false).actionLabel()).isEqualTo("_Create customer");
        Progress created = NOTHING.with(new Progress.Customer("a@b.example", "acme", "Acme", "k", true));
        assertThat(at(Step.CUSTOMER, created, true, false).actionLabel()).isEqualTo("_Next");
        assertThat(new WizardState(Step.CREDENTIALS, created, true, true, true, false, true, null, true, false, false)
                .actionLabel()).isEqualTo("_Continue");
        Progress withAddress = created.with(new Progress.Address("bitcoin-testnet", "k", "a1", "tb1q"));
        assertThat(new WizardState(Step.ADDRESS, withAddress, true, true, false, false, true, false, true, false, false)
                .actionLabel()).isEqualTo("_Verify again");
        assertThat(new WizardState(Step.ADDRESS, withAddress, true, true, false, false, true, true, true, false, false)
                .actionLabel()).isEqualTo("_New customer");
    }

    @Test
    void nothingRunsWhileACallOrARetryWaitsAndInvalidInputIsRefused() {
        assertThat(at(Step.CUSTOMER, NOTHING, true, true).canAct()).isFalse();
        assertThat(at(Step.CUSTOMER, NOTHING, true, true).canGoBack()).isFalse();
        assertThat(at(Step.CUSTOMER, NOTHING, false, false).canAct()).isFalse();
        assertThat(at(Step.CUSTOMER, NOTHING, true, false).canAct()).isTrue();
        assertThat(at(Step.CUSTOMER, NOTHING, true, false).canGoBack()).isTrue();
        assertThat(at(Step.CONNECTIVITY, NOTHING, true, false).canGoBack()).isFalse();
    }

    @Test
    void aShownKeyGoesOnOnlyOnceItsLastFourAreTyped() {
        Progress minted = NOTHING.with(new Progress.Credentials("k", true));
        assertThat(new WizardState(Step.CREDENTIALS, minted, true, true, true, false, true, null, true, false, false)
                .canAct()).isFalse();
        assertThat(new WizardState(Step.CREDENTIALS, minted, true, true, true, true, true, null, true, false, false)
                .canAct()).isTrue();
        assertThat(new WizardState(Step.CREDENTIALS, minted, true, true, false, true, true, null, true, false, false)
                .isDone(Step.CREDENTIALS)).isTrue();
    }
}
