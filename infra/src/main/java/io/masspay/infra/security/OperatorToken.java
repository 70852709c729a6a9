package io.masspay.infra.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator (admin) token from {@code masspay.admin.token} / {@code MASSPAY_ADMIN_TOKEN}. When none
 * is configured a random one is generated for this run; demo mode prints it, nothing else logs it.
 */
@Component
public class OperatorToken {

    private final String token;
    private final byte[] hash;
    private final boolean generated;

    /** Long enough that guessing it, even unthrottled, is hopeless; generated ones are 47 characters. */
    static final int MIN_LENGTH = 32;

    OperatorToken(@Value("${masspay.admin.token:}") String configured) {
        this.generated = configured == null || configured.isBlank();
        if (!generated && configured.length() < MIN_LENGTH) {
            throw new IllegalStateException("masspay.admin.token (MASSPAY_ADMIN_TOKEN) is " + configured.length()
                    + " characters long; the operator token must have at least " + MIN_LENGTH
                    + " characters (for example: openssl rand -base64 32), or be unset for a random one");
        }
        this.token = generated ? SecretHash.newSecret("mpa_") : configured;
        this.hash = SecretHash.of(token);
    }

    boolean matches(String presented) {
        return SecretHash.matches(presented, hash);
    }

    public boolean wasGenerated() {
        return generated;
    }

    /** For the demo banner only. */
    public String reveal() {
        return token;
    }
}
