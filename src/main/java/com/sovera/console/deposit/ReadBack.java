package com.sovera.console.deposit;

import com.sovera.console.chain.Asset;
import com.sovera.console.chain.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An address read back on the phone: in groups of four, every character said as a word (the NATO alphabet for
 * letters, digits as words), and what the customer reads back compared with it group by group. Where the case of a
 * letter is part of the address (EIP-55's checksum, base58) every letter is said "capital" or "small" and a
 * difference of case alone counts; in a bech32 address, which has one case, it does not.
 */
public final class ReadBack {

    /** One group of four (the last may be shorter), numbered from 1 as the operator says it. */
    public record Group(int number, String text, List<String> words) {

        /** The words one after the other: "capital Alfa, small Echo, small Bravo, six". */
        public String spoken() {
            return String.join(", ", words);
        }
    }

    /** How what was heard compares: the kind decides the look, the message says it in words. */
    public record Verdict(Kind kind, String message) {
    }

    /** Nothing heard yet, right so far, every group right, or a group that differs (by case alone, or more). */
    public enum Kind { NOTHING, SO_FAR, ALL_MATCH, DIFFERS, CASE_ONLY }

    static final int SIZE = 4;

    private static final String[] LETTERS = {"Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
        "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
        "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray", "Yankee", "Zulu"};
    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine"};

    private final String address;
    private final boolean caseMatters;
    private final String assetAndNetwork;
    private final List<Group> groups;

    private ReadBack(String address, boolean caseMatters, String assetAndNetwork) {
        this.address = address;
        this.caseMatters = caseMatters;
        this.assetAndNetwork = assetAndNetwork;
        List<Group> all = new ArrayList<>();
        for (int i = 0; i < address.length(); i += SIZE) {
            String text = address.substring(i, Math.min(address.length(), i + SIZE));
            all.add(new Group(all.size() + 1, text, text.chars().mapToObj(c -> word((char) c, caseMatters)).toList()));
        }
        this.groups = List.copyOf(all);
    }

    /**
     * The read-back of an address of this currency on this network (either may be unknown). Case matters on an
     * Ethereum network (EIP-55) and in any address written in both cases (base58); a bech32 address has one.
     */
    public static ReadBack of(String address, String currency, Network network) {
        boolean mixed = !address.equals(address.toLowerCase(Locale.ROOT))
                && !address.equals(address.toUpperCase(Locale.ROOT));
        boolean caseMatters = mixed || network != null && network.family() == Network.Family.ETHEREUM;
        return new ReadBack(address, caseMatters, assetAndNetwork(currency, network));
    }

    /**
     * The asset and network as said on the phone: "Bitcoin on testnet", "Ether on Ethereum Sepolia",
     * "USD Coin (USDC) on Ethereum Sepolia"; what the server named where either is unknown.
     */
    static String assetAndNetwork(String currency, Network network) {
        Optional<Asset> asset = Asset.byCode(currency);
        String what = asset.map(a -> switch (a) {
            case BTC -> "Bitcoin";
            case ETH -> "Ether";
            case USDC -> "USD Coin (USDC)";
        }).orElse(currency == null ? "An unknown currency" : currency);
        if (network == null) {
            return what + " on an unknown network";
        }
        String where = network.displayName();
        // "Bitcoin on Bitcoin testnet" says the coin twice: "Bitcoin on testnet"
        if (where.startsWith(what + " ")) {
            where = where.substring(what.length() + 1);
        }
        return what + " on " + where;
    }

    /** A character as said on the phone: "capital Delta", "small Alfa" where case matters, else "Delta"; "seven". */
    static String word(char c, boolean caseMatters) {
        if (c >= '0' && c <= '9') {
            return DIGITS[c - '0'];
        }
        char upper = Character.toUpperCase(c);
        if (upper >= 'A' && upper <= 'Z') {
            String name = LETTERS[upper - 'A'];
            return caseMatters ? (Character.isUpperCase(c) ? "capital " : "small ") + name : name;
        }
        return "'" + c + "'"; // no address we show has one, but nothing is ever left unsaid
    }

    public String address() {
        return address;
    }

    /** True when a letter's case is part of the address, so each letter is said "capital" or "small". */
    public boolean caseMatters() {
        return caseMatters;
    }

    public List<Group> groups() {
        return groups;
    }

    /** "Bitcoin on testnet": what to say before the address. */
    public String assetAndNetwork() {
        return assetAndNetwork;
    }

    /** The address as a screen reader should say it: the asset, then group by group, each character a word. */
    public String spoken() {
        StringBuilder sb = new StringBuilder(assetAndNetwork).append(" address, in ").append(groups.size())
                .append(" groups of four.");
        for (Group g : groups) {
            sb.append(" Group ").append(g.number()).append(": ").append(g.spoken()).append('.');
        }
        return sb.toString();
    }

    /**
     * Compares what was heard so far with the address, group by group, the spaces typed between groups ignored.
     * A group still being typed is wrong only once a character typed differs; the first group that differs is
     * named with what was heard and what was expected.
     */
    public Verdict compare(String heard) {
        String typed = heard == null ? "" : heard.replaceAll("\\s+", "");
        if (typed.isEmpty()) {
            return new Verdict(Kind.NOTHING, "");
        }
        int total = groups.size();
        int complete = 0;
        for (Group g : groups) {
            int from = (g.number() - 1) * SIZE;
            if (from >= typed.length()) {
                break;
            }
            String part = typed.substring(from, Math.min(typed.length(), from + g.text().length()));
            String expected = g.text().substring(0, part.length());
            boolean whole = part.length() == g.text().length();
            if (!part.equals(expected) && (caseMatters || !part.equalsIgnoreCase(expected))) {
                return differs(g, part, whole, typed);
            }
            if (whole) {
                complete++;
            }
        }
        if (typed.length() > address.length()) {
            return new Verdict(Kind.DIFFERS, "All " + total + " groups match, then more was heard: '"
                    + typed.substring(address.length()) + "' is not part of the address.");
        }
        if (complete == total) {
            return new Verdict(Kind.ALL_MATCH, "All " + total + " groups match.");
        }
        return new Verdict(Kind.SO_FAR, complete + " of " + total + " groups match so far.");
    }

    private Verdict differs(Group g, String part, boolean whole, String typed) {
        String heard = whole ? part : part + "…";
        String where = "Group " + g.number();
        if (caseMatters && part.equalsIgnoreCase(g.text().substring(0, part.length()))) {
            return new Verdict(Kind.CASE_ONLY, where + " differs only in case: heard '" + heard + "', expected '"
                    + g.text() + "' (" + g.spoken() + ").");
        }
        long laterWrong = groups.stream().filter(o -> o.number() > g.number()).filter(o -> {
            int start = (o.number() - 1) * SIZE;
            if (start + o.text().length() > typed.length()) {
                return false; // not complete yet: never called wrong
            }
            String other = typed.substring(start, start + o.text().length());
            return caseMatters ? !other.equals(o.text()) : !other.equalsIgnoreCase(o.text());
        }).count();
        return new Verdict(Kind.DIFFERS, where + " differs: heard '" + heard + "', expected '" + g.text() + "' ("
                + g.spoken() + ")." + (laterWrong == 0 ? "" : " " + laterWrong + " later "
                + (laterWrong == 1 ? "group differs" : "groups differ") + " too."));
    }
}
