package io.masspay.command.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSucceeded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Item outcomes of one batch go to one segment, so two threads never race to append to the same
 * Batch aggregate; different batches still spread across segments and nodes.
 */
public class BatchSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        BatchId batch = payload instanceof ItemSucceeded e ? e.batchId()
                : payload instanceof ItemFailed e ? e.batchId()
                : payload instanceof RetainedInWallet e ? e.batchId()
                : null;
        return batch != null ? batch.value() : event.getIdentifier();
    }
}
