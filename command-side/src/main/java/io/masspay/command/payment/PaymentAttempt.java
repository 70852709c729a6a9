package io.masspay.command.payment;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transfer.ItemSubmitted;

/** One attempt to pay one item, whether it came from a submission or from a retry. */
record PaymentAttempt(TransactionId transactionId, BatchId batchId, IssuerAccountNumber issuer, RecipientId recipientId,
                      SendMethod sendMethod, Money amount, WalletId sourceWalletId, WalletId recipientWalletId,
                      int attemptNo) {

    static PaymentAttempt of(ItemSubmitted item, int attemptNo) {
        return new PaymentAttempt(item.transactionId(), item.batchId(), item.issuer(), item.recipientId(),
                item.sendMethod(), item.amount(), item.sourceWalletId(), item.recipientWalletId(), attemptNo);
    }
}
