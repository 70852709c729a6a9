package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * An accepted item, with everything processing needs so that no step has to look anything up:
 * the wallet to debit, the recipient wallet to credit (resolved or reserved at submission).
 * {@code destination} is resolved at submission (a bank account id, a card id, a check's address; no
 * account or card numbers). {@code position} is the item's index in the request, so reads list items
 * in submission order. {@code lane} names the payments processor that pays it (null in events stored before
 * lanes: {@link PaymentLane#BULK}).
 */
@Revision("1")
public record ItemSubmitted(TransactionId transactionId, BatchId batchId, IssuerAccountNumber issuer,
                            String customerTransactionId, RecipientId recipientId, SendMethod sendMethod,
                            Money amount, WalletId sourceWalletId, WalletId recipientWalletId,
                            Map<String, String> destination, int attemptNo, int position,
                            PaymentLane lane) {

    public ItemSubmitted {
        destination = Map.copyOf(destination);
    }
}
