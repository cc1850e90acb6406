package com.sovera.console.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Random tokens and keys, their stored hashes, and password hashing; all from the JDK. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    /** OWASP's work factor for PBKDF2-HMAC-SHA256: what every sandbox hashes its passwords with. */
    static final int DEFAULT_ITERATIONS = 210_000;
    /**
     * Lowers the work factor of a sandbox in memory, for the test suite: it starts hundreds of them and signs in to
     * each, and at the default every start and sign-in costs a tenth of a second of CPU (much more before the JIT
     * warms). A database on disk ignores it: a hash kept there is always made at the default, whatever a JVM's
     * options say. A hash records its own count, so one made at another factor still checks.
     */
    static final String ITERATIONS_PROPERTY = "sovx.sandbox.password-iterations";

    private Secrets() {
    }

    /** A customer secret as the guide shows it: 32 letters and digits. */
    static String customerSecret() {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** An opaque bearer token with a prefix that tells what it is. */
    static String token(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** What is stored of a token or key: its SHA-256, so the database never holds a usable credential. */
    static String hash(String secret) {
        return sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The work factor {@code configured} asks for (the default when none): a whole number of at least 1. */
    static int iterations(String configured) {
        if (configured == null) {
            return DEFAULT_ITERATIONS;
        }
        try {
            int n = Integer.parseInt(configured.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(ITERATIONS_PROPERTY + " must be a whole number of at least 1");
    }

    /** The work factor for a password kept through {@code c}: the default, unless the database is in memory. */
    static int iterationsFor(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:h2:mem:")
                ? iterations(System.getProperty(ITERATIONS_PROPERTY)) : DEFAULT_ITERATIONS;
    }

    /** {@code pbkdf2-sha256$iterations$salt$hash}, salt and hash in base64. */
    static String hashPassword(String password, int iterations) {
        byte[] salt = randomBytes(16);
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Checks a password against a stored hash. */
    static boolean checkPassword(String password, String stored) {
        return checkPassword(password, stored, DEFAULT_ITERATIONS);
    }

    /**
     * Checks a password against a stored hash; with a null hash (no such account) it still spends the time of the
     * database's work factor {@code iterations}, so timing tells nothing of which e-mails have an account.
     */
    static boolean checkPassword(String password, String stored, int iterations) {
        if (stored == null) {
            pbkdf2(password, new byte[16], iterations);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PBKDF2 + " is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
