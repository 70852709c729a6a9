package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.payout.PayoutStep;
import org.axonframework.serialization.Revision;

/**
 * Attempt {@code attemptNo} had timed out with its outcome unknown; the rail then said it paid it, before
 * attempt {@code appliedToAttemptNo} was sent. That newer attempt is settled by the earlier payment and
 * never sent: one payment at the rail, one on the ledger (ADR 0013). No money moves with this event.
 */
@Revision("1")
public record LatePayoutApplied(TransactionId transactionId, int attemptNo, int appliedToAttemptNo)
        implements PayoutStep {
}
