package io.masspay.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * All events that name one transaction (its own and the wallet postings made for it) are handled in
 * one segment, in store order; anything else per aggregate, Axon's default. The audit index relies on
 * it: a posting finds its batch through the transaction's ItemSubmitted, which is then always written
 * first.
 */
@Component(PerTransactionSequencingPolicy.BEAN)
public class PerTransactionSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    public static final String BEAN = "perTransactionSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return AuditSubject.of(event.getPayload())
                .map(AuditSubject::transactionId)
                .map(Object.class::cast)
                .orElseGet(() -> event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : event.getIdentifier());
    }
}
