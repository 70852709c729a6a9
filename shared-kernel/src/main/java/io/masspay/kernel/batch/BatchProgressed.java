package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record BatchProgressed(BatchId batchId, List<ItemOutcome> outcomes) {

    public BatchProgressed {
        outcomes = List.copyOf(outcomes);
    }
}
