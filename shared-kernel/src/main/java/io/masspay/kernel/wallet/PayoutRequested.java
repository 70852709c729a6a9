package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.Map;

/** Posting: recipient wallet -> the method's rail clearing account. Starts a PayoutSaga. */
@Revision("1")
public record PayoutRequested(WalletId walletId, TransactionId transactionId, int attemptNo, SendMethod method,
                              Money amount, Map<String, String> destination) implements PayoutStep {

    public PayoutRequested {
        destination = Map.copyOf(destination);
    }
}
