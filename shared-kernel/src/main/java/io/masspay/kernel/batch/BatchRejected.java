package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An approver refused a batch awaiting approval: none of its items moves money, each fails CANCELLED. */
@Revision("1")
public record BatchRejected(BatchId batchId, String rejectedBy, Instant rejectedAt, String reason) {
}
