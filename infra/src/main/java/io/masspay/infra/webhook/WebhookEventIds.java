package io.masspay.infra.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A webhook's EventId is a function of the domain event it reports: the same domain event, handled twice
 * (a redelivery after a rolled-back batch), yields the same EventId, and the outbox keeps one row. A hash
 * rather than the raw identifier keeps internal ids off the wire; 128 bits of a random UUID's hash are
 * as unguessable as the contract asks of server ids.
 */
final class WebhookEventIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private WebhookEventIds() {
    }

    static String of(String domainEventIdentifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("webhook:" + domainEventIdentifier).getBytes(StandardCharsets.UTF_8));
            return "evt_" + ENCODER.encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
