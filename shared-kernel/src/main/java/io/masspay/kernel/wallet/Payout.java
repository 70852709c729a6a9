package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

import java.util.Map;

/** One item to move from a recipient wallet to its rail's clearing account. */
public record Payout(TransactionId transactionId, int attemptNo, SendMethod method, Money amount,
                     Map<String, String> destination) {

    public Payout {
        destination = Map.copyOf(destination);
    }
}
