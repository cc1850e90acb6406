package com.sovera.console.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    /** ERC-55's test cases, including the ones whose checksum happens to be all one case. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55Vectors(String address) {
        assertThat(Eip55.toChecksum(address.toLowerCase())).isEqualTo(address);
        assertThat(Eip55.encode(HexFormat.of().parseHex(address.substring(2).toLowerCase()))).isEqualTo(address);
        Eip55.verify(address);
    }

    @Test
    void eip55RefusesAWrongCaseAndAnUncheckedAddress() {
        assertThatThrownBy(() -> Eip55.verify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
                .hasMessageContaining("checksum does not match");
        assertThatThrownBy(() -> Eip55.verify("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
                .hasMessageContaining("no EIP-55 checksum");
        assertThatThrownBy(() -> Eip55.verify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"))
                .hasMessageContaining("40 hex digits");
    }

    @Test
    void base58checkAddressesBelongToTheirNetwork() {
        // A well-known mainnet P2PKH address and a testnet one. (BIP-21's example 175tWpb8... fails its own
        // checksum, so it cannot serve here.)
        assertThat(Addresses.networksOf("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).containsExactly(Network.BITCOIN);
        assertThat(Addresses.networksOf("175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W")).isEmpty();
        assertThat(Addresses.networksOf("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"))
                .containsExactly(Network.BITCOIN_TESTNET);
        assertThat(Addresses.networksOf("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isEmpty();
        byte[] hash = HexFormat.of().parseHex("751e76e8199196d454941c45d1b3a323f1433bd6");
        assertThat(Base58Check.decode(Base58Check.encode(0x6f, hash))).hasSize(21).startsWith((byte) 0x6f);
    }

    @Test
    void bech32AddressesNameTheirNetworkAndRefuseTheOther() {
        String testnet = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
        assertThat(Addresses.networksOf(testnet)).containsExactly(Network.BITCOIN_TESTNET);
        assertThat(Addresses.networksOf("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).containsExactly(Network.BITCOIN);
        assertThatThrownBy(() -> Addresses.verify(testnet, Network.BITCOIN))
                .hasMessage("Not a valid bitcoin address: it starts with 'tb', expected 'bc'.");
    }

    @Test
    void anEthereumAddressIsValidOnEveryEthereumNetwork() {
        assertThat(Addresses.networksOf("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                .containsExactlyInAnyOrder(Network.ETHEREUM, Network.ETHEREUM_SEPOLIA);
    }

    @Test
    void bitcoinUrisUpperCaseBech32ForACompactQrButKeepBase58() {
        assertThat(PaymentUri.of("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", Network.BITCOIN_TESTNET, null))
                .isEqualTo("BITCOIN:TB1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KXPJZSX");
        assertThat(PaymentUri.of("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", Network.BITCOIN, new BigDecimal("20.30")))
                .isEqualTo("bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2?amount=20.3");
    }

    @Test
    void ethereumUrisNameTheChain() {
        assertThat(PaymentUri.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", Network.ETHEREUM_SEPOLIA, null))
                .isEqualTo("ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@11155111");
        assertThat(PaymentUri.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", Network.ETHEREUM,
                new BigDecimal("0.5"))).isEqualTo("ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@1"
                + "?value=500000000000000000");
    }

    @Test
    void anInvalidAddressNeverBecomesAPaymentUri() {
        assertThatThrownBy(() -> PaymentUri.of("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsy",
                Network.BITCOIN_TESTNET, null)).isInstanceOf(AddressFormatException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> PaymentUri.of("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
                Network.ETHEREUM_SEPOLIA, null)).isInstanceOf(AddressFormatException.class);
    }
}
