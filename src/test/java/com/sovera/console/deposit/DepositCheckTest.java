package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.chain.Network;
import org.junit.jupiter.api.Test;

/** The checks that stand between a server's answer and a QR code an operator shows a customer. */
class DepositCheckTest {

    private static final String DEPOSIT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private static final String USDC_URI = "ethereum:0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238@11155111/transfer"
            + "?address=" + DEPOSIT;

    private static DepositAddress address(String currency, String network, String address) {
        return new DepositAddress("a-1", "w-1", currency, network, address, null);
    }

    @Test
    void aUsdcAddressBecomesACodeThatAsksForUsdcNotEther() {
        DepositCheck.Result r = DepositCheck.verify(address("USDC", "ethereum-sepolia", DEPOSIT), null);
        assertThat(r.ok()).isTrue();
        assertThat(QrCode.decode(r.qr().argb(), r.qr().width(), r.qr().height())).isEqualTo(USDC_URI);
        assertThat(r.passed()).hasSize(2).first().asString().contains("ethereum-sepolia");
        assertThat(r.passed().get(1)).isEqualTo("QR code read back: USDC contract, chain 11155111, to this address");
    }

    @Test
    void anEthAddressStaysANativeErc681CodeWithItsChain() {
        DepositCheck.Result r = DepositCheck.verify(address("ETH", "ethereum-sepolia", DEPOSIT), null);
        assertThat(QrCode.decode(r.qr().argb(), r.qr().width(), r.qr().height()))
                .isEqualTo("ethereum:" + DEPOSIT + "@11155111");
    }

    @Test
    void aCodeWhoseContractChainOrBeneficiaryDiffersIsRefused() {
        String sepolia = "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238";
        assertThat(readBack(USDC_URI)).isNull();
        assertThat(readBack("ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@11155111/transfer?address=" + DEPOSIT))
                .contains("The QR code does not ask for this deposit: it names token contract "
                        + "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48, which is not USDC on Ethereum Sepolia");
        assertThat(readBack("ethereum:" + sepolia + "@1/transfer?address=" + DEPOSIT))
                .contains("it is for chain 1, not 11155111 (Ethereum Sepolia)");
        assertThat(readBack("ethereum:" + sepolia + "@11155111/transfer?address="
                + "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).contains("not the deposit address");
        assertThat(readBack("ethereum:" + DEPOSIT + "@11155111")).contains("asks for a payment in ether");
        assertThat(readBack("ethereum:" + sepolia + "@11155111/transfer?address=" + DEPOSIT + "&uint256=1e6"))
                .isEqualTo("The QR code does not ask for this deposit: it asks for 1 USDC, but no amount was requested.");
        assertThat(readBack("ethereum:" + sepolia + "@11155111/transfer?address=" + DEPOSIT + "&gas=21000"))
                .isEqualTo("The QR code does not decode to exactly the payment link it was made from.");
    }

    private static String readBack(String drawnPayload) {
        // pixels that say something other than the link the code was made from, as a faulty encoder would draw
        QrCode drawn = QrCode.encode(drawnPayload, DepositCheck.SCALE);
        QrCode meant = new QrCode(USDC_URI, drawn.width(), drawn.height(), drawn.argb());
        return DepositCheck.readBack(meant, "USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT).orElse(null);
    }

    @Test
    void thePanelsWordingNamesAssetAndNetworkPerCurrency() {
        DepositCheck.Result usdc = DepositCheck.verify(address("usdc", "ethereum-sepolia", DEPOSIT), null);
        assertThat(usdc.heading()).isEqualTo("USDC (ERC-20) on Ethereum Sepolia. Send only USDC on this network.");
        assertThat(usdc.testnetWarning()).isEqualTo("Test network: USDC sent here has no value. Never send real USDC.");
        DepositCheck.Result eth = DepositCheck.verify(address("ETH", "ethereum", DEPOSIT), null);
        assertThat(eth.heading()).isEqualTo("ETH on Ethereum mainnet. Send only ETH on this network.");
        assertThat(eth.testnetWarning()).isEmpty();
        DepositCheck.Result btc = DepositCheck.verify(address("BTC", "bitcoin-testnet",
                "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"), null);
        assertThat(btc.heading()).isEqualTo("BTC on Bitcoin testnet. Send only BTC on this network.");
        assertThat(btc.testnetWarning()).isEqualTo("Test network: BTC sent here has no value. Never send real BTC.");
        // refused before the asset was known: only what the server said, no instruction to send anything
        assertThat(DepositCheck.verify(address("BTC", "ethereum-sepolia", DEPOSIT), null).heading())
                .isEqualTo("BTC on ethereum-sepolia");
        assertThat(DepositCheck.verify(address("BTC", "dogecoin", "D5..."), null).heading())
                .isEqualTo("BTC on dogecoin");
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
