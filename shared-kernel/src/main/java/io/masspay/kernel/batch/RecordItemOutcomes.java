package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Tells a batch which of its items reached a final status: one command per batch per processed chunk. */
public record RecordItemOutcomes(@TargetAggregateIdentifier BatchId batchId, List<ItemOutcome> outcomes) {

    public RecordItemOutcomes {
        outcomes = List.copyOf(outcomes);
    }
}
