package com.sovera.console.chain;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58 with a four-byte double-SHA-256 checksum, as legacy Bitcoin addresses use it. */
public final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Check() {
    }

    /** Encodes a version byte and payload with its checksum. */
    public static String encode(int version, byte[] payload) {
        byte[] body = new byte[payload.length + 1];
        body[0] = (byte) version;
        System.arraycopy(payload, 0, body, 1, payload.length);
        byte[] check = Arrays.copyOf(doubleSha256(body), 4);
        byte[] all = new byte[body.length + 4];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(check, 0, all, body.length, 4);
        return encodePlain(all);
    }

    /** Decodes and verifies; returns the version byte followed by the payload. */
    public static byte[] decode(String str) {
        byte[] all = decodePlain(str);
        if (all.length < 5) {
            throw new AddressFormatException("is too short for base58check");
        }
        byte[] body = Arrays.copyOf(all, all.length - 4);
        byte[] check = Arrays.copyOfRange(all, all.length - 4, all.length);
        if (!MessageDigest.isEqual(check, Arrays.copyOf(doubleSha256(body), 4))) {
            throw new AddressFormatException("checksum does not match: a character is wrong or missing");
        }
        return body;
    }

    static String encodePlain(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    static byte[] decodePlain(String str) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < str.length(); i++) {
            int digit = ALPHABET.indexOf(str.charAt(i));
            if (digit < 0) {
                throw new AddressFormatException("character '" + str.charAt(i) + "' is not allowed in base58");
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] raw = n.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        if (n.signum() == 0) {
            raw = new byte[0];
            strip = 0;
        }
        int zeros = 0;
        while (zeros < str.length() && str.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + raw.length - strip];
        System.arraycopy(raw, strip, out, zeros, raw.length - strip);
        return out;
    }

    private static byte[] doubleSha256(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(sha.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
