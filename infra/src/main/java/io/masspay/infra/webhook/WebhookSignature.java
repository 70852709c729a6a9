package io.masspay.infra.webhook;

import io.masspay.kernel.security.PayloadSignature;

/**
 * {@code X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>} (API.md section 5). The
 * timestamp is signed with the body so a receiver can refuse old deliveries replayed at it. Rail providers
 * sign their callbacks the same way ({@link PayloadSignature}).
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String of(String secret, long timestamp, byte[] body) {
        return PayloadSignature.of(secret, timestamp, body);
    }
}
