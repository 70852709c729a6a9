package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A resubmission names this item again. The Transaction, which alone knows where the item is, answers
 * with an {@link io.masspay.kernel.batch.ItemDecision}: already completed, still processing (a replay),
 * or a new attempt, which it starts.
 */
public record ResumeItem(@TargetAggregateIdentifier TransactionId transactionId) {
}
