package io.masspay.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.WalletCredited;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Reads a revision 1 wallet posting (one item per event) as revision 2, a chunk of one line (ADR 0012):
 * {@code {"walletId", "transactionId", "attemptNo", "amount"}} becomes
 * {@code {"walletId", "debits" | "credits": [{"transactionId", "attemptNo", "amount"}]}}. The stored
 * payload is never rewritten; the audit reads show it as stored.
 */
@Component
public class WalletPostingsUpcaster extends SingleEventUpcaster {

    /** Payload type of revision 1, and the name of its lines in revision 2. */
    private static final Map<String, String> LINES = Map.of(
            IssuerDebited.class.getName(), "debits",
            WalletCredited.class.getName(), "credits");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return LINES.containsKey(event.getType().getName()) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String lines = LINES.get(event.getType().getName());
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), "2"), JsonNode.class,
                payload -> chunkOfOne((ObjectNode) payload, lines));
    }

    private static JsonNode chunkOfOne(ObjectNode single, String lines) {
        ObjectNode chunk = single.objectNode();
        chunk.set("walletId", single.get("walletId"));
        ObjectNode line = chunk.putArray(lines).addObject();
        line.set("transactionId", single.get("transactionId"));
        line.set("attemptNo", single.get("attemptNo"));
        line.set("amount", single.get("amount"));
        return chunk;
    }
}
