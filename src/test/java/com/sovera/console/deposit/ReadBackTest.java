package com.sovera.console.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.chain.Network;
import org.junit.jupiter.api.Test;

/**
 * Reading an address back on the phone: groups of four said as words, and what the customer reads back compared
 * group by group. Addresses from BIP-173 (bech32, testnet) and ERC-55's test vectors.
 */
class ReadBackTest {

    /** BIP-173's P2WPKH testnet vector. */
    private static final String TB1 = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
    /** ERC-55's first test vector. */
    private static final String EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private static final ReadBack BTC = ReadBack.of(TB1, "BTC", Network.BITCOIN_TESTNET);
    private static final ReadBack ETH = ReadBack.of(EIP55, "ETH", Network.ETHEREUM_SEPOLIA);

    @Test
    void aBech32AddressIsSaidInGroupsOfFourLettersAsNatoWordsWithoutCase() {
        assertThat(BTC.caseMatters()).isFalse();
        assertThat(BTC.groups()).extracting(ReadBack.Group::text).containsExactly(
                "tb1q", "w508", "d6qe", "jxtd", "g4y5", "r3za", "rvar", "y0c5", "xw7k", "xpjz", "sx");
        assertThat(BTC.groups().get(0).spoken()).isEqualTo("Tango, Bravo, one, Quebec");
        assertThat(BTC.groups().get(1).spoken()).isEqualTo("Whiskey, five, zero, eight");
        assertThat(BTC.groups().get(8).spoken()).isEqualTo("X-ray, Whiskey, seven, Kilo");
        assertThat(BTC.groups().get(10)).isEqualTo(new ReadBack.Group(11, "sx",
                java.util.List.of("Sierra", "X-ray")));
        assertThat(BTC.assetAndNetwork()).isEqualTo("Bitcoin on testnet");
    }

    @Test
    void anEip55AddressSaysEveryLetterCapitalOrSmall() {
        assertThat(ETH.caseMatters()).isTrue();
        assertThat(ETH.groups()).extracting(ReadBack.Group::text).containsExactly(
                "0x5a", "Aeb6", "053F", "3E94", "C9b9", "A09f", "3366", "9435", "E7Ef", "1BeA", "ed");
        assertThat(ETH.groups().get(0).spoken()).isEqualTo("zero, small X-ray, five, small Alfa");
        assertThat(ETH.groups().get(1).spoken()).isEqualTo("capital Alfa, small Echo, small Bravo, six");
        assertThat(ETH.groups().get(8).spoken()).isEqualTo("capital Echo, seven, capital Echo, small Foxtrot");
        assertThat(ETH.assetAndNetwork()).isEqualTo("Ether on Ethereum Sepolia");
    }

    @Test
    void theAssetAndNetworkAreSaidInWords() {
        assertThat(ReadBack.of(EIP55, "usdc", Network.ETHEREUM_SEPOLIA).assetAndNetwork())
                .isEqualTo("USD Coin (USDC) on Ethereum Sepolia");
        assertThat(ReadBack.of(EIP55, "ETH", Network.ETHEREUM).assetAndNetwork()).isEqualTo("Ether on Ethereum mainnet");
        assertThat(ReadBack.of(TB1, "BTC", Network.BITCOIN_TESTNET).assetAndNetwork()).isEqualTo("Bitcoin on testnet");
        assertThat(ReadBack.of(TB1, "DOGE", null).assetAndNetwork()).isEqualTo("DOGE on an unknown network");
    }

    @Test
    void aScreenReaderHearsTheAddressGroupByGroup() {
        assertThat(BTC.spoken()).startsWith("Bitcoin on testnet address, in 11 groups of four."
                + " Group 1: Tango, Bravo, one, Quebec. Group 2: Whiskey, five, zero, eight.")
                .endsWith(" Group 11: Sierra, X-ray.");
    }

    @Test
    void aCorrectReadBackMatchesEveryGroupWhateverTheCaseOfABech32Address() {
        assertThat(BTC.compare("tb1q w508 d6qe jxtd g4y5 r3za rvar y0c5 xw7k xpjz sx"))
                .isEqualTo(new ReadBack.Verdict(ReadBack.Kind.ALL_MATCH, "All 11 groups match."));
        assertThat(BTC.compare("TB1Q W508 D6QE JXTD G4Y5 R3ZA RVAR Y0C5 XW7K XPJZ SX").kind())
                .isEqualTo(ReadBack.Kind.ALL_MATCH);
        assertThat(ETH.compare("0x5a Aeb6 053F 3E94 C9b9 A09f 3366 9435 E7Ef 1BeA ed").message())
                .isEqualTo("All 11 groups match.");
    }

    @Test
    void spacesTypedBetweenGroupsAreIgnored() {
        assertThat(BTC.compare(TB1).kind()).isEqualTo(ReadBack.Kind.ALL_MATCH);
        assertThat(BTC.compare("  tb1qw508  d6qe\tjxtdg4y5 r3za rvar y0c5 xw7k xpjz s x ").kind())
                .isEqualTo(ReadBack.Kind.ALL_MATCH);
        assertThat(BTC.compare("tb1q w508 d6").message()).isEqualTo(BTC.compare("tb1qw508d6").message());
    }

    @Test
    void aWrongGroupIsNamedWithWhatWasHeardAndWhatWasExpected() {
        ReadBack.Verdict wrong = BTC.compare("tb1q w508 d6qf jxtd g4y5 r3za rvar y0c5 xw7k xpjz sx");
        assertThat(wrong).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.DIFFERS,
                "Group 3 differs: heard 'd6qf', expected 'd6qe' (Delta, six, Quebec, Echo)."));
        assertThat(BTC.compare("tb1q w508 d6qf jxtd g4y5 r3za rvar y0c5 xw7k xpjz sy").message())
                .isEqualTo("Group 3 differs: heard 'd6qf', expected 'd6qe' (Delta, six, Quebec, Echo)."
                        + " 1 later group differs too.");
        // in an EIP-55 address a wrong character is a wrong character, whatever its case
        assertThat(ETH.compare("0x5a Aeb6 053F 3E94 C9b8").message())
                .isEqualTo("Group 5 differs: heard 'C9b8', expected 'C9b9' (capital Charlie, nine, small Bravo, nine).");
    }

    @Test
    void inAnEip55AddressADifferenceOfCaseAloneIsNamedAsSuch() {
        ReadBack.Verdict caseOnly = ETH.compare("0x5a Aeb6 053F 3E94 c9b9 A09f 3366 9435 E7Ef 1BeA ed");
        assertThat(caseOnly).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.CASE_ONLY,
                "Group 5 differs only in case: heard 'c9b9', expected 'C9b9' (capital Charlie, nine, small Bravo,"
                        + " nine)."));
        assertThat(ETH.compare("0X5a").kind()).as("even the x of 0x").isEqualTo(ReadBack.Kind.CASE_ONLY);
        // a base58 address has both cases too: its case is part of it
        assertThat(ReadBack.of("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "BTC", Network.BITCOIN_TESTNET)
                .compare("MIPC").kind()).isEqualTo(ReadBack.Kind.CASE_ONLY);
    }

    @Test
    void partialInputReportsProgressAndNeverCallsAnUnfinishedGroupWrong() {
        assertThat(BTC.compare("")).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.NOTHING, ""));
        assertThat(BTC.compare("  ").kind()).isEqualTo(ReadBack.Kind.NOTHING);
        assertThat(BTC.compare("tb")).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.SO_FAR,
                "0 of 11 groups match so far."));
        assertThat(BTC.compare("tb1q w508 d6qe j").message()).isEqualTo("3 of 11 groups match so far.");
        assertThat(ETH.compare("0x5a Aeb6 053").message()).isEqualTo("2 of 11 groups match so far.");
        // a character already typed wrong is said at once
        assertThat(BTC.compare("tb1q w508 d7")).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.DIFFERS,
                "Group 3 differs: heard 'd7…', expected 'd6qe' (Delta, six, Quebec, Echo)."));
        assertThat(ETH.compare("0x5a Aeb6 053f").kind()).isEqualTo(ReadBack.Kind.CASE_ONLY);
    }

    @Test
    void moreThanTheAddressIsSaid() {
        assertThat(BTC.compare(TB1 + "q")).isEqualTo(new ReadBack.Verdict(ReadBack.Kind.DIFFERS,
                "All 11 groups match, then more was heard: 'q' is not part of the address."));
    }

    @Test
    void theViewModelClearsWhatWasHeardWhenTheAddressChangesAndOffersNothingUnverified() {
        ReadBackViewModel model = new ReadBackViewModel();
        model.show(verified("BTC", "bitcoin-testnet", TB1));
        model.openProperty().set(true);
        model.heardProperty().set("tb1q w508");
        assertThat(model.verdictProperty().get().message()).isEqualTo("2 of 11 groups match so far.");

        model.show(verified("BTC", "bitcoin-testnet", TB1)); // the same address verified again: kept
        assertThat(model.heardProperty().get()).isEqualTo("tb1q w508");

        model.show(verified("ETH", "ethereum-sepolia", EIP55));
        assertThat(model.heardProperty().get()).as("heard for another address").isEmpty();
        assertThat(model.verdictProperty().get().kind()).isEqualTo(ReadBack.Kind.NOTHING);
        assertThat(model.addressProperty().get().address()).isEqualTo(EIP55);
        assertThat(model.openProperty().get()).isTrue();

        model.show(verified("ETH", "ethereum-sepolia", EIP55.toLowerCase()));
        assertThat(model.addressProperty().get()).as("no checksum: nothing to read back").isNull();
        assertThat(model.openProperty().get()).isFalse();
    }

    private static DepositCheck.Result verified(String currency, String network, String address) {
        return DepositCheck.verify(new DepositAddress("a-1", "w-1", currency, network, address, null), null);
    }
}
