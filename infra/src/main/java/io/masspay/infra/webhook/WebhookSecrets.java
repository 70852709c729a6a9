package io.masspay.infra.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret for an issuer that did not bring one: 256 random bits, URL-safe. */
final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
