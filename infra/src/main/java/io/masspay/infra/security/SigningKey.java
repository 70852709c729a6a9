package io.masspay.infra.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC-SHA256 key that signs and verifies OAuth access tokens. Nodes are stateless and share one
 * database, so the key must be the same everywhere: {@code masspay.oauth.signing-key} (Base64, at least
 * 256 bits) when an operator sets it, otherwise the one row of {@code oauth_signing_key}, created by the
 * first node that starts. The key is never logged, and neither is the configured value.
 */
@Component
class SigningKey {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_BYTES = 32;

    private final SecretKey key;

    SigningKey(@Value("${masspay.oauth.signing-key:}") String configured, JdbcTemplate jdbc) {
        byte[] secret = configured == null || configured.isBlank() ? sharedThroughDatabase(jdbc) : decode(configured);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    SecretKey secretKey() {
        return key;
    }

    static byte[] decode(String configured) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(configured.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            // The message would quote the offending input, which is the secret itself.
            throw new IllegalStateException("masspay.oauth.signing-key must be Base64 (standard or URL-safe)");
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("masspay.oauth.signing-key must hold at least 256 bits (32 bytes); it has "
                    + secret.length + " bytes");
        }
        return secret;
    }

    /** Concurrent first starts race on the insert; the row that wins is the key of every node. */
    private static byte[] sharedThroughDatabase(JdbcTemplate jdbc) {
        byte[] candidate = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(candidate);
        jdbc.update("insert into oauth_signing_key (id, secret) values (1, ?) on conflict (id) do nothing",
                (Object) candidate);
        return jdbc.queryForObject("select secret from oauth_signing_key where id = 1", byte[].class);
    }
}
