package io.masspay.infra.axon;

import io.masspay.kernel.ids.ServerIds;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (an event's identifier is a unique key of the event store) made like our
 * own ids: the millisecond first, then 128 random bits, so a batch's thousands of events extend the
 * key's index at its right edge instead of touching a random page each (ADR 0032). Axon finds this
 * class through {@code META-INF/services}; its default is a random UUID.
 */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return ServerIds.newId("");
    }
}
