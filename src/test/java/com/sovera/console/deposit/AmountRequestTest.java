package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.chain.Network;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An amount request: typed by the contract's rule, drawn into the code, and decoded back to exactly that amount. */
class AmountRequestTest {

    private static final String DEPOSIT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private static final String TB1 = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";

    private static DepositCheck.Result verified(String currency, String network, String address) {
        return DepositCheck.verify(new DepositAddress("a-1", "w-1", currency, network, address, null), null);
    }

    private static String decoded(DepositCheck.Result r) {
        return QrCode.decode(r.qr().argb(), r.qr().width(), r.qr().height());
    }

    @Test
    void theCodeOfEachAssetDecodesToExactlyTheRequestedAmount() {
        DepositCheck.Result btc = verified("BTC", "bitcoin-testnet", TB1).withAmount(new BigDecimal("0.0015"));
        assertThat(btc.ok()).isTrue();
        assertThat(decoded(btc)).isEqualTo("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.0015");
        assertThat(btc.paymentUri()).isEqualTo(decoded(btc));
        assertThat(btc.requested()).isEqualByComparingTo("0.0015");
        assertThat(btc.passed()).last().asString().endsWith("to this address, for 0.0015 BTC");

        DepositCheck.Result eth = verified("ETH", "ethereum-sepolia", DEPOSIT).withAmount(new BigDecimal("1.5"));
        assertThat(decoded(eth)).isEqualTo("ethereum:" + DEPOSIT + "@11155111?value=1500000000000000000");

        DepositCheck.Result usdc = verified("usdc", "ethereum-sepolia", DEPOSIT).withAmount(new BigDecimal("25.000001"));
        assertThat(decoded(usdc)).isEqualTo("ethereum:0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111/transfer"
                + "?address=" + DEPOSIT + "&uint256=25000001");
        assertThat(usdc.passed()).hasSize(2);
    }

    @Test
    void clearingTheAmountDrawsTheCodeWithoutOne() {
        DepositCheck.Result asked = verified("ETH", "ethereum-sepolia", DEPOSIT).withAmount(BigDecimal.ONE);
        DepositCheck.Result cleared = asked.withAmount(null);
        assertThat(decoded(cleared)).isEqualTo("ethereum:" + DEPOSIT + "@11155111");
        assertThat(cleared.requested()).isNull();
        assertThat(cleared.passed()).hasSize(1 + 0 + 1).last().asString().endsWith("to this address");
    }

    @Test
    void aCodeDrawnWithAnotherAmountIsRefused() {
        String meant = "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.0015";
        QrCode drawn = QrCode.encode("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.015",
                DepositCheck.SCALE);
        QrCode code = new QrCode(meant, drawn.width(), drawn.height(), drawn.argb());
        assertThat(DepositCheck.readBack(code, "BTC", Network.BITCOIN_TESTNET, TB1, new BigDecimal("0.0015")))
                .contains("The QR code does not ask for this deposit: it asks for 0.015 BTC, not 0.0015 BTC.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0015 | BTC | ", "'' | BTC | ", "' 1 ' | ETH | ", "0.000000000000000001 | ETH | ", "25.5 | usdc | ",
        "0.000000001 | BTC | At most 8 decimals for BTC.", "1.0000001 | USDC | At most 6 decimals for USDC.",
        "0 | BTC | An amount above zero.", "0.000 | ETH | An amount above zero.",
        "1e3 | ETH | A decimal amount", "-1 | BTC | A decimal amount", ".5 | BTC | A decimal amount",
        "1. | BTC | A decimal amount", "1,5 | BTC | A decimal amount", "123456789012345678901 | BTC | A decimal amount"})
    void theContractsAmountRuleSaysWhatIsWanted(String text, String currency, String problem) {
        if (problem == null) {
            assertThat(AmountRequest.problem(text, currency)).isNull();
        } else {
            assertThat(AmountRequest.problem(text, currency)).startsWith(problem);
        }
    }
}
