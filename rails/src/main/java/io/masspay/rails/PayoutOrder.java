package io.masspay.rails;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.PayoutKey;
import io.masspay.kernel.payout.SendMethod;

import java.util.Map;

/** One payout as a rail is asked to make it; {@link #idempotencyKey()} is {@code TransactionId:AttemptNo}. */
public record PayoutOrder(TransactionId transactionId, int attemptNo, SendMethod method, Money amount,
                          Map<String, String> destination) {

    public PayoutOrder {
        destination = Map.copyOf(destination);
    }

    public String idempotencyKey() {
        return PayoutKey.of(transactionId, attemptNo);
    }
}
