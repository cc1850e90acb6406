package com.sovera.console.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ERC-681 read back into its parts, with the specification's own examples (shared/specs/erc-681.md). */
class Erc681Test {

    @Test
    void theSpecificationsEtherPaymentExample() {
        Erc681.Request r = Erc681.parse("ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359?value=2.014e18");
        assertThat(r.target()).isEqualTo("0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359");
        assertThat(r.targetIsHexAddress()).isTrue();
        assertThat(r.chainId()).isEmpty();
        assertThat(r.function()).isNull();
        assertThat(r.parameters()).containsExactly(Map.entry("value", "2.014e18"));
    }

    @Test
    void theSpecificationsTokenTransferExample() {
        Erc681.Request r = Erc681.parse("ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer"
                + "?address=0x8e23ee67d1332ad560396262c48ffbb01f93d052&uint256=1");
        assertThat(r.target()).isEqualTo("0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7");
        assertThat(r.function()).isEqualTo("transfer");
        assertThat(r.parameters()).containsExactly(Map.entry("address", "0x8e23ee67d1332ad560396262c48ffbb01f93d052"),
                Map.entry("uint256", "1"));
    }

    @Test
    void aChainIdThePayPrefixAndAnEnsName() {
        Erc681.Request r = Erc681.parse("ethereum:pay-0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111/transfer"
                + "?address=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        assertThat(r.chainId()).contains(11155111L);
        assertThat(r.target()).isEqualTo("0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238");
        assertThat(r.parameter("address")).contains("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

        Erc681.Request ens = Erc681.parse("ETHEREUM:alice.eth@1?value=1e18&gasPrice=+2.1e9");
        assertThat(ens.targetIsHexAddress()).isFalse();
        assertThat(ens.chainId()).contains(1L);
        assertThat(ens.parameter("gasPrice")).as("'+' is a sign, not a space").contains("+2.1e9");
    }

    @Test
    void percentEscapesAreDecoded() {
        assertThat(Erc681.parse("ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?string=a%26b%3Dc")
                .parameter("string")).contains("a&b=c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bitcoin:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7 | not an ethereum: payment request",
        "ethereum:                                           | names no target",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e | not 0x and 40 hex digits",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7@sepolia | chain id 'sepolia' is not a decimal number",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7@99999999999999999999 | too large",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/?value=1 | function name after '/' is empty",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7?value=lots | 'value' is not a number",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7?value | not key=value",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?address=0x1&address=0x2 | appears twice",
        "ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?address=%zz | malformed %-escape"})
    void malformedRequestsSayWhatIsWrong(String uri, String message) {
        assertThatThrownBy(() -> Erc681.parse(uri.isBlank() ? "ethereum:" : uri))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining(message);
    }
}
