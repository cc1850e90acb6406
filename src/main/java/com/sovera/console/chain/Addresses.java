package com.sovera.console.chain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Validates an address for a network and tells which networks an address can belong to. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * Checks that the address is well formed, that its checksum holds and that it belongs to the network.
     *
     * @throws AddressFormatException saying what is wrong, in a sentence that starts with the address's fault
     */
    public static void verify(String address, Network network) {
        if (address == null || address.isBlank()) {
            throw new AddressFormatException("The address is empty.");
        }
        try {
            switch (network.family()) {
                case BITCOIN -> verifyBitcoin(address, network);
                case ETHEREUM -> Eip55.verify(address);
                default -> throw new IllegalStateException("unknown family " + network.family());
            }
        } catch (AddressFormatException e) {
            throw new AddressFormatException("Not a valid " + network.id() + " address: it " + e.getMessage() + ".");
        }
    }

    /** True when {@link #verify} would pass. */
    public static boolean isValid(String address, Network network) {
        try {
            verify(address, network);
            return true;
        } catch (AddressFormatException e) {
            return false;
        }
    }

    /**
     * The networks this address is valid on. Bitcoin formats name one network; an Ethereum address is the same
     * on every Ethereum network, so it names them all. Empty when the address is valid nowhere.
     */
    public static Set<Network> networksOf(String address) {
        Set<Network> found = EnumSet.noneOf(Network.class);
        for (Network network : Network.values()) {
            if (isValid(address, network)) {
                found.add(network);
            }
        }
        return found;
    }

    private static void verifyBitcoin(String address, Network network) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith(network.hrp() + "1")) {
            SegwitAddress.decode(network.hrp(), address);
            return;
        }
        if (lower.matches("^[a-z]{2,4}1.*") && Character.isLetter(address.charAt(0))) {
            // A bech32 string for another network ("bc1" when "tb1" was expected): say which.
            Bech32.Decoded decoded = Bech32.decode(address);
            throw new AddressFormatException("starts with '" + decoded.hrp() + "', expected '" + network.hrp() + "'");
        }
        byte[] body = Base58Check.decode(address);
        if (body.length != 21) {
            throw new AddressFormatException("has a payload of " + (body.length - 1) + " bytes, expected 20");
        }
        int version = body[0] & 0xff;
        if (version != network.p2pkhVersion() && version != network.p2shVersion()) {
            throw new AddressFormatException("has version byte " + version + ", which is not " + network.id());
        }
    }
}
