package io.masspay.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets are 256 random bits, so a fast SHA-256 is a sound way to store them (nothing to brute-force
 * from a dictionary) and lets a key be found by its hash. Comparisons are constant-time.
 */
final class SecretHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHash() {
    }

    static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    static boolean matches(String presented, byte[] expectedHash) {
        return MessageDigest.isEqual(of(presented), expectedHash);
    }
}
