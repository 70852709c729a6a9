package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An accepted (or approved) batch that moves money at {@code scheduledFor}, not before. */
@Revision("1")
public record BatchScheduled(BatchId batchId, Instant scheduledFor) {
}
