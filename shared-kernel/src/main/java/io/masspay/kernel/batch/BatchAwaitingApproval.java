package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An accepted batch whose total reached its issuer's approval threshold (in the batch's currency): it moves no
 * money until an approver decides. {@code scheduledFor} is when it runs once approved (null: at once).
 */
@Revision("1")
public record BatchAwaitingApproval(BatchId batchId, String submittedBy, Money total, BigDecimal threshold, Instant scheduledFor) {
}
