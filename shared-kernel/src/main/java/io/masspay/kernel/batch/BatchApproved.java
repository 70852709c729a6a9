package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An approver let a batch awaiting approval go; it is scheduled or released next, in the same unit of work. */
@Revision("1")
public record BatchApproved(BatchId batchId, String approvedBy, Instant approvedAt) {
}
