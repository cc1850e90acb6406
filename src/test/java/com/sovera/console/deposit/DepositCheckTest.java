package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.DepositAddress;
import org.junit.jupiter.api.Test;

/** The checks that stand between a server's answer and a QR code an operator shows a customer. */
class DepositCheckTest {

    private static DepositAddress address(String currency, String network, String address) {
        return new DepositAddress("a-1", "w-1", currency, network, address, null);
    }

    @Test
    void anEthereumAddressBecomesAnErc681CodeWithItsChain() {
        DepositCheck.Result r = DepositCheck.verify(address("USDC", "ethereum-sepolia",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"), null);
        assertThat(r.ok()).isTrue();
        assertThat(QrCode.decode(r.qr().argb(), r.qr().width(), r.qr().height()))
                .isEqualTo("ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@11155111");
        assertThat(r.passed()).hasSize(2).first().asString().contains("ethereum-sepolia");
    }

    @Test
    void aBadAnswerNeverBecomesACode() {
        assertThat(DepositCheck.verify(address("ETH", "ethereum-sepolia",
                "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"), null)).satisfies(r -> {
                    assertThat(r.ok()).isFalse();
                    assertThat(r.qr()).isNull();
                    assertThat(r.failure()).contains("EIP-55");
                });
        assertThat(DepositCheck.verify(address("BTC", "bitcoin-testnet",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"), null).failure()).contains("expected 'tb'");
        assertThat(DepositCheck.verify(address("BTC", "ethereum-sepolia",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"), null).failure()).contains("cannot be received");
        assertThat(DepositCheck.verify(address("BTC", "dogecoin", "D5..."), null).failure())
                .contains("unknown network");
    }

    @Test
    void addressesAreGroupedInFoursForReadingAloud() {
        assertThat(DepositCheck.grouped("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"))
                .isEqualTo("tb1q w508 d6qe jxtd g4y5 r3za rvar y0c5 xw7k xpjz sx");
    }
}
