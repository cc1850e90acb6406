package com.sovera.console.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's amount rule, which the sandbox applies to a simulated deposit and the console to a request. */
class AmountRuleTest {

    @Test
    void anAmountIsDigitsWithOptionalDecimalsAboveZeroWithinItsAssetsDecimals() {
        for (String good : List.of("1", "0.0015", "0.00000001", "12345678901234567890", "007.5", "1.00000000")) {
            assertThat(Rules.isAmount(good, "BTC")).as(good).isTrue();
        }
        for (String bad : List.of("0", "0.00000000", "0.000000001", "1.000000000", ".5", "1.", "-1", "+1", "1e3",
                "1E3", "123456789012345678901", "", " 1", "1 ", "1,5", "0x10", "NaN", "\uff11", "1..2")) {
            assertThat(Rules.isAmount(bad, "BTC")).as(bad).isFalse();
        }
        assertThat(Rules.isAmount(null, "BTC")).isFalse();
        assertThat(Rules.isAmount("0.000000000000000001", "ETH")).isTrue();
        assertThat(Rules.isAmount("0.0000000000000000001", "eth")).isFalse();
        assertThat(Rules.isAmount("0.000001", "usdc")).isTrue();
        assertThat(Rules.isAmount("0.0000001", "USDC")).isFalse();
        assertThat(Rules.isAmount("1", "DOGE")).as("an asset the contract does not know").isFalse();
        assertThat(Rules.decimals("Btc")).isEqualTo(8);
    }
}
