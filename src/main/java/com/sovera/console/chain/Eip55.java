package com.sovera.console.chain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum addresses with the EIP-55 mixed-case checksum (Keccak-256 of the lower-case hex). */
public final class Eip55 {

    private Eip55() {
    }

    /** The checksummed form of a 20-byte address. */
    public static String encode(byte[] address) {
        if (address.length != 20) {
            throw new AddressFormatException("an Ethereum address is 20 bytes, not " + address.length);
        }
        return checksummed(HexFormat.of().formatHex(address));
    }

    /** The checksummed form of "0x" and 40 hex digits in any case. */
    public static String toChecksum(String address) {
        return checksummed(hexDigits(address).toLowerCase(Locale.ROOT));
    }

    /**
     * Checks an address. All-lower and all-upper addresses carry no checksum and are refused: an operator must
     * only ever read out or show the checksummed form.
     */
    public static void verify(String address) {
        String hex = hexDigits(address);
        String expected = checksummed(hex.toLowerCase(Locale.ROOT));
        if (!expected.substring(2).equals(hex)) {
            boolean noChecksum = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
            throw new AddressFormatException(noChecksum
                    ? "has no EIP-55 checksum (all one case)"
                    : "EIP-55 checksum does not match: a character is wrong or has the wrong case");
        }
    }

    private static String hexDigits(String address) {
        if (address.length() != 42 || !address.startsWith("0x")) {
            throw new AddressFormatException("an Ethereum address is 0x and 40 hex digits");
        }
        String hex = address.substring(2);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new AddressFormatException("character '" + hex.charAt(i) + "' is not a hex digit");
            }
        }
        return hex;
    }

    private static String checksummed(String lowerHex) {
        byte[] hash = keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >>> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(nibble > 7 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
