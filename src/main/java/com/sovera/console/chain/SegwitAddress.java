package com.sovera.console.chain;

import java.util.Locale;

/** A native segregated-witness address (BIP-173 for version 0, BIP-350 for versions 1 to 16). */
public record SegwitAddress(String hrp, int version, byte[] program) {

    /** Encodes a witness program: Bech32 for version 0, Bech32m above. */
    public static String encode(String hrp, int version, byte[] program) {
        checkProgram(version, program);
        byte[] five = Bech32.convertBits(program, 8, 5, true);
        byte[] data = new byte[five.length + 1];
        data[0] = (byte) version;
        System.arraycopy(five, 0, data, 1, five.length);
        return Bech32.encode(hrp, data, version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M);
    }

    /** Decodes and checks a segwit address under the expected human-readable part ("bc", "tb"). */
    public static SegwitAddress decode(String expectedHrp, String address) {
        Bech32.Decoded decoded = Bech32.decode(address);
        if (!decoded.hrp().equals(expectedHrp.toLowerCase(Locale.ROOT))) {
            throw new AddressFormatException("starts with '" + decoded.hrp() + "', expected '" + expectedHrp + "'");
        }
        return fromDecoded(decoded);
    }

    static SegwitAddress fromDecoded(Bech32.Decoded decoded) {
        byte[] data = decoded.data();
        if (data.length < 1) {
            throw new AddressFormatException("has an empty data part");
        }
        int version = data[0];
        if (version > 16) {
            throw new AddressFormatException("has an invalid witness version " + version);
        }
        byte[] program = Bech32.convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
        checkProgram(version, program);
        Bech32.Encoding expected = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
        if (decoded.encoding() != expected) {
            throw new AddressFormatException("checksum is " + decoded.encoding() + " but witness version " + version
                    + " requires " + expected);
        }
        return new SegwitAddress(decoded.hrp(), version, program);
    }

    private static void checkProgram(int version, byte[] program) {
        if (version < 0 || version > 16) {
            throw new AddressFormatException("has an invalid witness version " + version);
        }
        if (program.length < 2 || program.length > 40) {
            throw new AddressFormatException("has an invalid program length of " + program.length + " bytes");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw new AddressFormatException("version 0 program must be 20 or 32 bytes, not " + program.length);
        }
    }

    /** The output script this address pays to, as the BIP test vectors write it. */
    public byte[] scriptPubKey() {
        byte[] script = new byte[program.length + 2];
        script[0] = (byte) (version == 0 ? 0 : 0x50 + version);
        script[1] = (byte) program.length;
        System.arraycopy(program, 0, script, 2, program.length);
        return script;
    }
}
