package io.masspay.infra.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Messages carry no correlation metadata (ADR 0028). Without a provider of our own, Axon's Spring Boot
 * starter registers its {@code MessageOriginProvider}, which copies a {@code traceId} and a
 * {@code correlationId} into every message a handler sends. Nothing in MassPay reads them: the audit
 * trail links events through the BatchId and TransactionId in their payloads. Yet they cost on every
 * message: the handled event's metadata is deserialized to copy them (Jackson, once per event and
 * processor that sends something), serialized again for each new event, and stored with it (105 bytes
 * an event, beside a payload of about 380).
 */
@Component
class NoCorrelationData implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return Map.of();
    }
}
