package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: the method's rail clearing account -> External settlement. */
@Revision("1")
public record PayoutSucceeded(TransactionId transactionId, int attemptNo, SendMethod method, Money amount)
        implements PayoutStep {
}
