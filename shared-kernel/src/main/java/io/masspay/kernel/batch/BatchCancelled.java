package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The issuer cancelled a batch before it started: none of its items moves money, each fails CANCELLED. */
@Revision("1")
public record BatchCancelled(BatchId batchId, String cancelledBy, Instant cancelledAt) {
}
