package com.sovera.console.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which environments an operator is offered and which one the console opens on, after the policy. */
class PolicyOfferTest {

    private static final String PROD = "https://sovx.corp.example/sovx/v1";
    private static final String MINE = "https://sovx.staging.example/sovx/v1";

    @Test
    void noPolicyOffersTheBuiltInsAndTheOperatorsOwnAndKeepsTheirChoice() {
        Policy.Offer offer = Policy.NONE.offer(MINE + "/", List.of(MINE + "/"));
        assertThat(offer.environments()).containsExactly("embedded", "sovera-sandbox", MINE);
        assertThat(offer.selected()).isEqualTo(MINE);
        assertThat(offer.mayAdd()).isTrue();
    }

    @Test
    void aFixedListIsExactlyWhatIsOfferedAndAChoiceOutsideItFallsToItsFirst() {
        Policy policy = Policy.builder().environments(List.of(PROD, "sovera-sandbox")).build();
        Policy.Offer offer = policy.offer(MINE, List.of(MINE));
        assertThat(offer.environments()).containsExactly(PROD, "sovera-sandbox");
        assertThat(offer.selected()).isEqualTo(PROD);
        assertThat(offer.mayAdd()).isFalse();
        assertThat(policy.offer("sovera-sandbox", List.of()).selected()).isEqualTo("sovera-sandbox");
    }

    @Test
    void aFixedListThatAllowsCustomEnvironmentsAddsTheOperatorsAfterIt() {
        Policy policy = Policy.builder().environments(List.of(PROD)).customEnvironmentsAllowed(true).build();
        assertThat(policy.offer(MINE, List.of(MINE, PROD)).environments()).containsExactly(PROD, MINE);
    }

    @Test
    void forbiddenCustomEnvironmentsAreNotOfferedNorOpened() {
        Policy policy = Policy.builder().customEnvironmentsAllowed(false).build();
        Policy.Offer offer = policy.offer(MINE, List.of(MINE));
        assertThat(offer.environments()).containsExactly("embedded", "sovera-sandbox");
        assertThat(offer.selected()).isEqualTo("embedded");
        assertThat(offer.mayAdd()).isFalse();
    }

    @Test
    void aPinnedDefaultIsWhereEveryStartOpens() {
        Policy policy = Policy.builder().defaultEnvironment(PROD).build();
        Policy.Offer offer = policy.offer("sovera-sandbox", List.of());
        assertThat(offer.environments()).containsExactly("embedded", "sovera-sandbox", PROD);
        assertThat(offer.selected()).isEqualTo(PROD);
    }

    @Test
    void theEmbeddedSandboxTurnedOffIsNeitherOfferedNorOpened() {
        Policy policy = Policy.builder().embeddedSandboxEnabled(false).build();
        Policy.Offer offer = policy.offer("embedded", List.of());
        assertThat(offer.environments()).containsExactly("sovera-sandbox");
        assertThat(offer.selected()).isEqualTo("sovera-sandbox");
    }

    @Test
    void theMostRestrictiveReadingOffersOnlyTheLocalSandbox() {
        Policy.Offer offer = Policy.MOST_RESTRICTIVE.offer(PROD, List.of(PROD));
        assertThat(offer.environments()).containsExactly("embedded");
        assertThat(offer.selected()).isEqualTo("embedded");
        assertThat(offer.mayAdd()).isFalse();
    }

    @Test
    void aPolicyBuiltInCodeNeverOpensSomewhereItDoesNotOffer() {
        Policy defaultOff = Policy.builder().embeddedSandboxEnabled(false).defaultEnvironment("embedded").build();
        assertThat(defaultOff.offer("embedded", List.of()).selected()).isEqualTo("sovera-sandbox");
        Policy nothing = Policy.builder().environments(List.of("embedded")).embeddedSandboxEnabled(false).build();
        assertThatThrownBy(() -> nothing.offer(null, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offers no environment");
    }
}
