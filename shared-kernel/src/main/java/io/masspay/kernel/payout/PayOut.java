package io.masspay.kernel.payout;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

import java.util.Map;

/**
 * Pay one item out on its rail. Handled by the rails module, outside every aggregate; the answer is a
 * {@link RailResponse}. A rail pays at most once per {@code idempotencyKey} ({@code TransactionId:AttemptNo}).
 */
public record PayOut(String idempotencyKey, TransactionId transactionId, int attemptNo, SendMethod method,
                     Money amount, Map<String, String> destination) {

    public PayOut {
        destination = Map.copyOf(destination);
    }

    public static String idempotencyKey(TransactionId transactionId, int attemptNo) {
        return transactionId.value() + ":" + attemptNo;
    }
}
