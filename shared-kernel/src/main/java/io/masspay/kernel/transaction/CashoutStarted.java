package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * A recipient's retained balance is being paid out on a rail (API.md section 6, Cashout). It is a
 * transaction of its own, outside any batch, paid by the same PayoutSaga as batch items.
 */
@Revision("1")
public record CashoutStarted(TransactionId transactionId, IssuerAccountNumber issuer, RecipientId recipientId,
                             WalletId walletId, SendMethod sendMethod, Money amount, Map<String, String> destination) {

    public CashoutStarted {
        destination = Map.copyOf(destination);
    }
}
