package io.masspay.query.status;

import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Asks the event store, the source of truth, whether a batch exists: the status model may lag the
 * 202 by a few milliseconds, and a client that polls right away must not be told the batch is missing.
 */
@Component
class BatchSubmissions {

    private final EventStore events;

    BatchSubmissions(EventStore events) {
        this.events = events;
    }

    boolean submittedBy(IssuerAccountNumber issuer, String batchId) {
        DomainEventStream stream = events.readEvents(batchId);
        return stream.hasNext() && stream.next().getPayload() instanceof BatchSubmitted submitted
                && submitted.issuer().equals(issuer);
    }
}
