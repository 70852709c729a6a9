package io.masspay.infra.webhook;

import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.infra.webhook.OutboxEvent.BatchDecided;
import io.masspay.infra.webhook.OutboxEvent.BatchFinished;
import io.masspay.infra.webhook.OutboxEvent.BatchStarted;
import io.masspay.infra.webhook.OutboxEvent.ItemFinished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Feeds the webhook outbox (API.md section 5). Not a read model: rows it writes are promises to call an
 * issuer's endpoint, so replaying it would send old events again. It has no reset handler and every
 * handler refuses replay (class-level {@link DisallowReplay}: Axon then reports that the processor does
 * not support a reset); a projection rebuild must skip {@link #GROUP}.
 * Cash-outs (no batch) have no webhook.
 */
@Component
@DisallowReplay
@ProcessingGroup(WebhookOutboxProjection.GROUP)
public class WebhookOutboxProjection {

    /** The processing group of the outbox: never reset, never replayed. */
    public static final String GROUP = "webhook-outbox";

    private final OutboxWriter writer;

    WebhookOutboxProjection(OutboxWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(BatchSubmitted event, EventMessage<?> message, @Timestamp Instant at) {
        writer.batch(new WebhookFacts.Batch(event.batchId().value(), event.issuer().value(), event.customerBatchId()));
        writer.event(new BatchStarted(message.getIdentifier(), at, event.batchId().value(), event.acceptedCount()));
    }

    @EventHandler
    void on(ItemSubmitted event) {
        writer.item(new WebhookFacts.Item(event.transactionId().value(), event.batchId().value(),
                event.customerTransactionId(), event.recipientId().value(), event.amount()));
    }

    @EventHandler
    void on(ItemSucceeded event, EventMessage<?> message, @Timestamp Instant at) {
        if (event.batchId() != null) {
            writer.event(new ItemFinished(message.getIdentifier(), at, event.batchId().value(),
                    event.transactionId().value(), event.attemptNo(), ItemStatus.Success, null));
        }
    }

    @EventHandler
    void on(ItemFailed event, EventMessage<?> message, @Timestamp Instant at) {
        if (event.batchId() != null) {
            writer.event(new ItemFinished(message.getIdentifier(), at, event.batchId().value(),
                    event.transactionId().value(), event.attemptNo(), ItemStatus.Failed, event.reason()));
        }
    }

    @EventHandler
    void on(RetainedInWallet event, EventMessage<?> message, @Timestamp Instant at) {
        if (event.batchId() != null) {
            writer.event(new ItemFinished(message.getIdentifier(), at, event.batchId().value(),
                    event.transactionId().value(), event.attemptNo(), ItemStatus.RetainedInWallet, event.reason()));
        }
    }

    @EventHandler
    void on(BatchAwaitingApproval event, EventMessage<?> message, @Timestamp Instant at) {
        writer.event(BatchDecided.awaitingApproval(message.getIdentifier(), at, event.batchId().value()));
    }

    @EventHandler
    void on(BatchRejected event, EventMessage<?> message, @Timestamp Instant at) {
        writer.event(BatchDecided.rejected(message.getIdentifier(), at, event.batchId().value(), event.reason()));
    }

    @EventHandler
    void on(BatchCancelled event, EventMessage<?> message, @Timestamp Instant at) {
        writer.event(BatchDecided.cancelled(message.getIdentifier(), at, event.batchId().value()));
    }

    @EventHandler
    void on(BatchCompleted event, EventMessage<?> message, @Timestamp Instant at) {
        writer.event(new BatchFinished(message.getIdentifier(), at, event.batchId().value(), event.status(),
                event.succeeded(), event.failed(), event.retainedInWallet()));
    }
}
