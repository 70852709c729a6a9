package io.masspay.infra.webhook;

import io.masspay.kernel.processing.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One try of one claimed row: send, then record the answer (2xx: Delivered; anything else or nothing:
 * another try after the backoff, or give up once the retry window is over). Recording is a short JDBC
 * update, done off the event loop.
 */
@Component
class DeliveryAttempt {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

    private final WebhookSender sender;
    private final OutboxClaims claims;
    private final WebhookSettings settings;

    DeliveryAttempt(WebhookSender sender, OutboxClaims claims, WebhookSettings settings) {
        this.sender = sender;
        this.claims = claims;
        this.settings = settings;
    }

    Mono<Void> run(ClaimedDelivery delivery) {
        return sender.send(delivery)
                .flatMap(answer -> Blocking.call(() -> {
                    record(delivery, answer);
                    return true;
                }))
                .then();
    }

    private void record(ClaimedDelivery delivery, WebhookSender.Answer answer) {
        // the delivery's ids in the logging context: JSON logs show them as fields
        MDC.put("EventId", delivery.eventId());
        MDC.put("IssuerAccountNumber", delivery.issuer());
        try {
            recordAnswer(delivery, answer);
        } finally {
            MDC.remove("EventId");
            MDC.remove("IssuerAccountNumber");
        }
    }

    private void recordAnswer(ClaimedDelivery delivery, WebhookSender.Answer answer) {
        if (answer.delivered()) {
            claims.delivered(delivery.eventId(), answer.statusCode());
            return;
        }
        int failures = delivery.consecutiveFailures() + 1;
        if (claims.failed(delivery.eventId(), answer.statusCode(), settings.backoffAfter(failures),
                settings.giveUpAfter())) {
            log.warn("Webhook {} of issuer {} given up after its retry window ({}); Redeliver sends it again",
                    delivery.eventId(), delivery.issuer(), settings.giveUpAfter());
        }
    }
}
