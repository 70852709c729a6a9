package io.masspay.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masspay.kernel.transaction.PayoutFailed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a revision 1 {@link PayoutFailed} ({@code transactionId, attemptNo, reason}) as revision 2 (ADR 0013):
 * the rail had refused it, so its outcome is known ({@code outcomeUnknown: false}); the wallet, method and
 * amount it did not carry stay empty (the saga that compensated it kept its own copy). A revision 1 stored under
 * the event's old package name is read too, whichever of this and {@link MovedEventTypes} runs first.
 */
@Component
public class PayoutFailedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = PayoutFailed.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPE.equals(MovedEventTypes.current(event.getType().getName())) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode revisionTwo = ((ObjectNode) payload).deepCopy();
            revisionTwo.putNull("walletId");
            revisionTwo.putNull("method");
            revisionTwo.putNull("amount");
            revisionTwo.put("outcomeUnknown", false);
            return revisionTwo;
        });
    }
}
