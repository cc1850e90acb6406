package com.sovera.console.chain;

import java.util.Locale;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings: a human-readable part, the separator '1' and 5-bit data
 * with a six-character checksum. A transcription of the reference implementation in the BIPs.
 */
public final class Bech32 {

    /** Which checksum constant a string was made with. */
    public enum Encoding {
        BECH32(1), BECH32M(0x2bc830a3);

        final int constant;

        Encoding(int constant) {
            this.constant = constant;
        }
    }

    /** A decoded string: its human-readable part in lower case, the data without checksum, its encoding. */
    public record Decoded(String hrp, byte[] data, Encoding encoding) {
    }

    static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] CHARSET_REV = new int[128];
    private static final int MAX_LENGTH = 90;

    static {
        java.util.Arrays.fill(CHARSET_REV, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            CHARSET_REV[CHARSET.charAt(i)] = i;
            CHARSET_REV[Character.toUpperCase(CHARSET.charAt(i))] = i;
        }
    }

    private Bech32() {
    }

    private static int polymod(byte[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (byte value : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (value & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            int c = hrp.charAt(i) & 0x7f;
            out[i] = (byte) (c >>> 5);
            out[n + 1 + i] = (byte) (c & 0x1f);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] checksum(String hrp, byte[] data, Encoding encoding) {
        byte[] values = concat(concat(hrpExpand(hrp), data), new byte[6]);
        int mod = polymod(values) ^ encoding.constant;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    /** Encodes 5-bit values under a lower-case human-readable part. */
    public static String encode(String hrp, byte[] data, Encoding encoding) {
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        byte[] combined = concat(data, checksum(lowerHrp, data, encoding));
        StringBuilder sb = new StringBuilder(lowerHrp.length() + 1 + combined.length);
        sb.append(lowerHrp).append('1');
        for (byte b : combined) {
            sb.append(CHARSET.charAt(b));
        }
        return sb.toString();
    }

    /** Decodes and verifies a Bech32 or Bech32m string, in all lower or all upper case. */
    public static Decoded decode(String str) {
        if (str.length() > MAX_LENGTH) {
            throw new AddressFormatException("too long: " + str.length() + " characters, at most " + MAX_LENGTH);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            if (c < 33 || c > 126) {
                throw new AddressFormatException("character " + (i + 1) + " is not printable US-ASCII");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new AddressFormatException("mixes upper and lower case");
        }
        int pos = str.lastIndexOf('1');
        if (pos < 1) {
            throw new AddressFormatException(pos < 0 ? "has no separator '1'" : "has an empty human-readable part");
        }
        if (pos + 7 > str.length()) {
            throw new AddressFormatException("checksum is too short");
        }
        String hrp = str.substring(0, pos).toLowerCase(Locale.ROOT);
        byte[] values = new byte[str.length() - pos - 1];
        for (int i = 0; i < values.length; i++) {
            char c = str.charAt(pos + 1 + i);
            int v = c < 128 ? CHARSET_REV[c] : -1;
            if (v < 0) {
                throw new AddressFormatException("character '" + c + "' is not allowed in the data part");
            }
            values[i] = (byte) v;
        }
        int check = polymod(concat(hrpExpand(hrp), values));
        Encoding encoding;
        if (check == Encoding.BECH32.constant) {
            encoding = Encoding.BECH32;
        } else if (check == Encoding.BECH32M.constant) {
            encoding = Encoding.BECH32M;
        } else {
            throw new AddressFormatException("checksum does not match: a character is wrong or missing");
        }
        byte[] data = java.util.Arrays.copyOf(values, values.length - 6);
        return new Decoded(hrp, data, encoding);
    }

    /** Regroups bits, as the reference convertbits; throws when padding is invalid and pad is false. */
    static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length * fromBits / toBits + 1);
        for (byte b : data) {
            int value = b & 0xff;
            if ((value >>> fromBits) != 0) {
                throw new AddressFormatException("invalid data value " + value);
            }
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxv);
            }
        } else if (bits >= fromBits) {
            throw new AddressFormatException("has more than 4 bits of padding");
        } else if (((acc << (toBits - bits)) & maxv) != 0) {
            throw new AddressFormatException("has non-zero padding");
        }
        return out.toByteArray();
    }
}
