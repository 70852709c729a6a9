package io.masspay.kernel.payout;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: the method's rail clearing account -> External settlement. */
@Revision("1")
public record PayoutSucceeded(TransactionId transactionId, int attemptNo, SendMethod method, Money amount)
        implements PayoutStep {
}
