package io.masspay.kernel.payout;

import io.masspay.kernel.ids.TransactionId;

/**
 * An event about one payout attempt. Its idempotency key {@code TransactionId:AttemptNo} names the attempt
 * at the rail, in the rail dispatch table and in the {@code PayoutSaga}'s association.
 */
public interface PayoutStep {

    TransactionId transactionId();

    int attemptNo();

    default String payoutKey() {
        return PayoutKey.of(transactionId(), attemptNo());
    }
}
