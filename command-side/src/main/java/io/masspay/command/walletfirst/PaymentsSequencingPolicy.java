package io.masspay.command.walletfirst;

import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.transaction.ExpressItems;
import io.masspay.kernel.transaction.ItemSubmitted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps all items of one issuer wallet in one segment, in order: the issuer wallet is the hot account,
 * and two segments racing for it are slower than one (docs/DESIGN.md, "Platform notes"). Different issuers still spread out.
 * Other events keep Axon's default: one sequence per aggregate.
 */
public class PaymentsSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof ItemSubmitted item) {
            return item.sourceWalletId().value();
        }
        if (event.getPayload() instanceof BatchReleased released) {
            return released.sourceWalletId().value();
        }
        if (event.getPayload() instanceof ExpressItems express) {
            return express.sourceWalletId().value();
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
