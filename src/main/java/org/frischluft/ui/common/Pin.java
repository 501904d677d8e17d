package org.frischluft.ui.common;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The kiosk's admin PIN, stored only as a PBKDF2-HMAC-SHA256 hash in the form
 * {@code pbkdf2-sha256$iterations$salt$hash} (salt and hash Base64 without padding). Verification is
 * constant-time; a malformed stored hash verifies nothing and never throws.
 */
public final class Pin {
    /** OWASP 2023 minimum for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pin() {
    }

    /** A new hash of {@code pin} with a random salt. */
    public static String hash(char[] pin) {
        if (pin == null || pin.length == 0) throw new IllegalArgumentException("empty PIN");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(pin, salt, ITERATIONS, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True if {@code pin} matches {@code stored}; false for a wrong PIN or a malformed/weak stored hash. */
    public static boolean verify(char[] pin, String stored) {
        if (pin == null || pin.length == 0 || stored == null) return false;
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) return false;
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < ITERATIONS || iterations > 10_000_000) return false;
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] expected = b64.decode(parts[3]);
            if (salt.length < 8 || expected.length < 16) return false;
            byte[] actual = derive(pin, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(actual, expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Clears a PIN buffer after use. */
    public static void wipe(char[] pin) {
        if (pin != null) Arrays.fill(pin, '\0');
    }
}
