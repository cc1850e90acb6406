package com.sovera.console.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The payment URI of a deposit, per asset and network: a token is asked for as a call of its contract (ERC-681),
 * so that a scanning wallet offers USDC, never ether; and a URI read back is checked for contract, chain and payee.
 */
class DepositUriTest {

    private static final String DEPOSIT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private static final String USDC_SEPOLIA = "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238";
    private static final String USDC_MAINNET = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

    @Test
    void usdcIsATransferCallOfCirclesContractOnItsChain() {
        assertThat(PaymentUri.forDeposit("USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT)).isEqualTo(
                "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT);
        assertThat(PaymentUri.forDeposit("usdc", Network.ETHEREUM, DEPOSIT)).isEqualTo(
                "ethereum:" + USDC_MAINNET + "@1/transfer?address=" + DEPOSIT);
    }

    @Test
    void whatAWalletReadsFromTheUsdcUriIsTheTokenTheChainAndTheDepositAddress() {
        Erc681.Request r = Erc681.parse(PaymentUri.forDeposit("USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT));
        assertThat(r.target()).isEqualTo(USDC_SEPOLIA);
        assertThat(r.chainId()).contains(11155111L);
        assertThat(r.function()).isEqualTo("transfer");
        assertThat(r.parameter("address")).contains(DEPOSIT);
        assertThat(r.parameter("value")).as("no ether is asked for").isEmpty();
    }

    @Test
    void ethStaysNativeAndBtcAsBefore() {
        assertThat(PaymentUri.forDeposit("ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT))
                .isEqualTo("ethereum:" + DEPOSIT + "@11155111");
        assertThat(PaymentUri.forDeposit("btc", Network.BITCOIN_TESTNET, "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"))
                .isEqualTo("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX");
        assertThat(PaymentUri.forDeposit("BTC", Network.BITCOIN, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))
                .isEqualTo("bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
    }

    @ParameterizedTest
    @CsvSource({"USDC, BITCOIN_TESTNET", "USDC, BITCOIN", "ETH, BITCOIN", "BTC, ETHEREUM_SEPOLIA", "DOGE, ETHEREUM",
        "'', ETHEREUM"})
    void aCurrencyNotOfferedOnANetworkIsRefusedNeverPaidNatively(String currency, Network network) {
        String address = network.family() == Network.Family.BITCOIN ? "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"
                : DEPOSIT;
        assertThatThrownBy(() -> PaymentUri.forDeposit(currency, network, address))
                .isInstanceOf(UnsupportedAssetException.class).hasMessageContaining(currency);
    }

    @Test
    void anInvalidDepositAddressNeverBecomesAUsdcUri() {
        assertThatThrownBy(() -> PaymentUri.forDeposit("USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT.toLowerCase()))
                .isInstanceOf(AddressFormatException.class).hasMessageContaining("EIP-55");
    }

    @Test
    void theTableHoldsCirclesTwoContractsWithValidChecksumsAndNothingElse() {
        assertThat(TokenContracts.contract(Asset.USDC, Network.ETHEREUM_SEPOLIA)).contains(USDC_SEPOLIA);
        assertThat(TokenContracts.contract(Asset.USDC, Network.ETHEREUM)).contains(USDC_MAINNET);
        assertThat(TokenContracts.contract(Asset.USDC, Network.BITCOIN)).isEmpty();
        assertThat(TokenContracts.contract(Asset.ETH, Network.ETHEREUM)).isEmpty();
        Eip55.verify(USDC_SEPOLIA);
        Eip55.verify(USDC_MAINNET);
        assertThat(TokenContracts.tokenAt(Network.ETHEREUM, USDC_MAINNET.toLowerCase())).contains(Asset.USDC);
        assertThat(TokenContracts.tokenAt(Network.ETHEREUM_SEPOLIA, USDC_MAINNET)).isEmpty();
    }

    @Test
    void aUriThatAsksForExactlyTheDepositPasses() {
        for (Network network : new Network[] {Network.ETHEREUM, Network.ETHEREUM_SEPOLIA}) {
            for (String currency : new String[] {"ETH", "USDC"}) {
                assertThat(PaymentUri.mismatch(PaymentUri.forDeposit(currency, network, DEPOSIT), currency, network,
                        DEPOSIT)).as(currency + " on " + network).isEmpty();
            }
        }
        String btc = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
        assertThat(PaymentUri.mismatch("BITCOIN:" + btc.toUpperCase(), "BTC", Network.BITCOIN_TESTNET, btc)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the mainnet contract on the testnet chain
        "ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@11155111/transfer?address=" + DEPOSIT
                + " | token contract 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48, which is not USDC on Ethereum Sepolia",
        "ethereum:" + USDC_SEPOLIA + "@1/transfer?address=" + DEPOSIT + " | for chain 1, not 11155111 (Ethereum Sepolia)",
        "ethereum:" + USDC_SEPOLIA + "/transfer?address=" + DEPOSIT + " | names no chain",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
                + " | pays 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, not the deposit address",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer | names no beneficiary",
        "ethereum:" + USDC_SEPOLIA + "@11155111/approve?address=" + DEPOSIT + " | calls 'approve', not 'transfer'",
        // the bug this replaces: a native ether request to the deposit address
        "ethereum:" + DEPOSIT + "@11155111 | asks for a payment in ether",
        "ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT + "&address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
                + " | appears twice",
        "bitcoin:tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx | not a valid ERC-681 request"})
    void aUsdcUriWhoseContractChainOrPayeeDiffersIsRefusedWithTheReason(String uri, String reason) {
        assertThat(PaymentUri.mismatch(uri, "USDC", Network.ETHEREUM_SEPOLIA, DEPOSIT)).get().asString()
                .contains(reason);
    }

    @Test
    void nativeUrisAreCheckedForChainAndPayeeToo() {
        assertThat(PaymentUri.mismatch("ethereum:" + DEPOSIT + "@1", "ETH", Network.ETHEREUM_SEPOLIA, DEPOSIT))
                .get().asString().contains("for chain 1");
        assertThat(PaymentUri.mismatch("ethereum:" + USDC_SEPOLIA + "@11155111/transfer?address=" + DEPOSIT, "ETH",
                Network.ETHEREUM_SEPOLIA, DEPOSIT)).get().asString().contains("instead of paying ETH");
        assertThat(PaymentUri.mismatch("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX", "BTC",
                Network.BITCOIN_TESTNET, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"))
                .get().asString().contains("not the deposit address");
        assertThat(PaymentUri.mismatch("bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "BTC", Network.BITCOIN,
                "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isEmpty();
    }

    @Test
    void theWordingNamesAssetAndNetworkPlainly() {
        assertThat(Asset.USDC.depositInstruction(Network.ETHEREUM_SEPOLIA))
                .isEqualTo("USDC (ERC-20) on Ethereum Sepolia. Send only USDC on this network.");
        assertThat(Asset.USDC.depositInstruction(Network.ETHEREUM))
                .isEqualTo("USDC (ERC-20) on Ethereum mainnet. Send only USDC on this network.");
        assertThat(Asset.ETH.depositInstruction(Network.ETHEREUM_SEPOLIA))
                .isEqualTo("ETH on Ethereum Sepolia. Send only ETH on this network.");
        assertThat(Asset.BTC.depositInstruction(Network.BITCOIN_TESTNET))
                .isEqualTo("BTC on Bitcoin testnet. Send only BTC on this network.");
        assertThat(Asset.BTC.depositInstruction(Network.BITCOIN))
                .isEqualTo("BTC on Bitcoin mainnet. Send only BTC on this network.");
    }

    @ParameterizedTest
    @EnumSource(Asset.class)
    void everyTestnetIsWarnedAboutAndNoMainnet(Asset asset) {
        for (Network network : Network.values()) {
            if (!asset.isOfferedOn(network)) {
                continue;
            }
            assertThat(asset.testnetWarning(network)).isEqualTo(network.isTestnet()
                    ? "Test network: " + asset.code() + " sent here has no value. Never send real " + asset.code() + "."
                    : "");
        }
    }
}
