package io.masspay.infra.webhook;

import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Every event of one batch goes to one segment, in event-store order: an item's outcome is never handled
 * before the BatchSubmitted and ItemSubmitted that give its body the batch's and the item's facts (they
 * come from different aggregates, which the default per-aggregate policy would spread), and a batch's
 * webhooks enter the outbox in the order they happened. Named in application.yml.
 */
@Component(WebhookOutboxSequencingPolicy.BEAN)
public class WebhookOutboxSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "webhookOutboxSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        BatchId batch = payload instanceof BatchSubmitted e ? e.batchId()
                : payload instanceof ItemSubmitted e ? e.batchId()
                : payload instanceof ItemSucceeded e ? e.batchId()
                : payload instanceof ItemFailed e ? e.batchId()
                : payload instanceof RetainedInWallet e ? e.batchId()
                : payload instanceof BatchCompleted e ? e.batchId()
                : payload instanceof BatchAwaitingApproval e ? e.batchId()
                : payload instanceof BatchRejected e ? e.batchId()
                : payload instanceof BatchCancelled e ? e.batchId()
                : null;
        return batch != null ? batch.value() : event.getIdentifier();
    }
}
