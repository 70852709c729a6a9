package io.masspay.kernel.payout;

import io.masspay.kernel.ids.TransactionId;

/** The idempotency key of a payout attempt at its rail: {@code TransactionId:AttemptNo} (API.md section 3). */
public final class PayoutKey {

    private PayoutKey() {
    }

    public static String of(TransactionId transactionId, int attemptNo) {
        return transactionId.value() + ":" + attemptNo;
    }
}
