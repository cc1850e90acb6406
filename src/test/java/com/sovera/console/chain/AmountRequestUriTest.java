package com.sovera.console.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An amount request in the payment link: BIP-21 {@code amount=} in BTC, ERC-681 {@code value=} in wei for ether
 * and {@code uint256=} in base units for USDC, written and read back exactly (the specifications' own examples in
 * shared/specs).
 */
class AmountRequestUriTest {

    private static final String TB1 = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
    private static final String BASE58 = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
    private static final String DEPOSIT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private static final String USDC_SEPOLIA = "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238";

    @Test
    void btcCarriesTheAmountInBtcAsBip21Writes() {
        assertThat(PaymentUri.forDeposit("BTC", Network.BITCOIN_TESTNET, TB1, new BigDecimal("0.0015")))
                .isEqualTo("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.0015");
        assertThat(PaymentUri.forDeposit("BTC", Network.BITCOIN, BASE58, new BigDecimal("0.00000001")))
                .isEqualTo("bitcoin:" + BASE58 + "?amount=0.00000001");
        assertThat(PaymentUri.forDeposit("BTC", Network.BITCOIN, BASE58, new BigDecimal("20.300")))
                .isEqualTo("bitcoin:" + BASE58 + "?amount=20.3");
    }

    @Test
    void ethCarriesTheAmountInWeiAsAPlainWholeNumber() {
        assertThat(PaymentUri.forDeposit("ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT, new BigDecimal("2.014")))
                .isEqualTo("ethereum:" + DEPOSIT + "@11155111?value=2014000000000000000");
        assertThat(PaymentUri.forDeposit("ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT,
                new BigDecimal("0.000000000000000001"))).isEqualTo("ethereum:" + DEPOSIT + "@11155111?value=1");
        assertThat(PaymentUri.forDeposit("ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT,
                new BigDecimal("12345678901234567890.123456789012345678")))
                .endsWith("?value=12345678901234567890123456789012345678");
    }

    @Test
    void usdcCarriesTheAmountInBaseUnitsOnTheTransferCallNeverAsEther() {
        String uri = PaymentUri.forDeposit("USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT, new BigDecimal("25.5"));
        assertThat(uri).isEqualTo("ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT
                + "&uint256=25500000");
        Erc681.Request r = Erc681.parse(uri);
        assertThat(r.parameter("uint256")).contains("25500000");
        assertThat(r.parameter("value")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"BTC, BITCOIN_TESTNET, 0.000000001", "ETH, ETHEREUM_SEPOLIA, 0.0000000000000000001",
        "USDC, ETHEREUM_SEPOLIA, 0.0000001", "BTC, BITCOIN_TESTNET, 0", "USDC, ETHEREUM_SEPOLIA, -1"})
    void anAmountBelowTheSmallestUnitOrNotAboveZeroIsNeverWritten(String currency, Network network, String amount) {
        String address = network.family() == Network.Family.BITCOIN ? TB1 : DEPOSIT;
        assertThatThrownBy(() -> PaymentUri.forDeposit(currency, network, address, new BigDecimal(amount)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theErc681NumbersOfTheSpecificationAreExactWholeNumbers() {
        assertThat(Erc681.wholeNumber("2.014e18")).contains(new BigInteger("2014000000000000000"));
        assertThat(Erc681.wholeNumber("1")).contains(BigInteger.ONE);
        assertThat(Erc681.wholeNumber("1E6")).contains(BigInteger.valueOf(1_000_000));
        assertThat(Erc681.wholeNumber("2.5e0")).as("a fraction of a wei").isEmpty();
        assertThat(Erc681.wholeNumber("-1")).isEmpty();
        assertThat(Erc681.wholeNumber("1e")).contains(BigInteger.ONE);
        assertThat(Erc681.wholeNumber("e18")).isEmpty();
        assertThat(Erc681.wholeNumber("lots")).isEmpty();
    }

    @Test
    void aLinkAskingForExactlyTheAmountPassesHoweverTheNumberIsWritten() {
        BigDecimal twoPoint014 = new BigDecimal("2.014");
        // the specification's ether example, with the chain the check requires
        assertThat(PaymentUri.mismatch("ethereum:" + DEPOSIT + "@11155111?value=2.014e18", "ETH",
                Network.ETHEREUM_SEPOLIA, DEPOSIT, twoPoint014)).isEmpty();
        assertThat(PaymentUri.mismatch(PaymentUri.forDeposit("ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT, twoPoint014),
                "ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT, new BigDecimal("2.0140"))).isEmpty();
        // the specification's token example: uint256=1 is one base unit, 0.000001 USDC
        assertThat(PaymentUri.mismatch("ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT
                + "&uint256=1", "USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT, new BigDecimal("0.000001"))).isEmpty();
        // BIP-21: amount=50.00 and amount=50 are both 50 BTC; amount=20.3
        assertThat(PaymentUri.mismatch("bitcoin:" + BASE58 + "?amount=50.00", "BTC", Network.BITCOIN, BASE58,
                new BigDecimal("50"))).isEmpty();
        assertThat(PaymentUri.mismatch("bitcoin:" + BASE58 + "?amount=20.3&label=Luke-Jr", "BTC", Network.BITCOIN,
                BASE58, new BigDecimal("20.30"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.0016 | BTC | 0.0015 | asks for 0.0016 BTC, not 0.0015 BTC",
        "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX | BTC | 0.0015 | asks for no amount, expected 0.0015 BTC",
        "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=0.0015 | BTC | | asks for 0.0015 BTC, but no amount was requested",
        "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=42&amount=42 | BTC | 42 | names 'amount' twice",
        "BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX?amount=50,000.00 | BTC | 50000 | not a BIP-21 number",
        "ethereum:" + DEPOSIT + "@11155111?value=1.5e17 | ETH | 1.5 | asks for 0.15 ETH, not 1.5 ETH",
        "ethereum:" + DEPOSIT + "@11155111?value=1.5 | ETH | 1.5 | not a whole number of base units",
        "ethereum:" + DEPOSIT + "@11155111 | ETH | 1.5 | asks for no amount",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT + "&uint256=25 | USDC | 25 | asks for 0.000025 USDC, not 25 USDC",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT + "&uint256=25000000&value=1 | USDC | 25 | also asks for ether",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT + "&uint256=25000000 | USDC | | but no amount was requested"})
    void aLinkAskingForAnotherAmountOrNoneIsRefusedWithTheReason(String uri, String currency, String amount,
                                                                  String reason) {
        Network network = currency.equals("BTC") ? Network.BITCOIN_TESTNET : Network.ETHEREUM_SEPOLIA;
        String address = currency.equals("BTC") ? TB1 : DEPOSIT;
        assertThat(PaymentUri.mismatch(uri, currency, network, address, amount == null ? null : new BigDecimal(amount)))
                .get().asString().contains(reason);
    }
}
