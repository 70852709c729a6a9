package io.masspay.command.walletfirst;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.Payout;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.ItemSubmitted;

import java.util.Map;

/**
 * One attempt to pay one item, from a submission or a retry. {@code fromIssuer} is false for the new
 * attempt of a RetainedInWallet item: its money is already in the recipient wallet.
 */
record PaymentAttempt(TransactionId transactionId, BatchId batchId, IssuerAccountNumber issuer, RecipientId recipientId,
                      SendMethod sendMethod, Money amount, WalletId sourceWalletId, WalletId recipientWalletId,
                      Map<String, String> destination, int attemptNo, boolean fromIssuer) {

    static PaymentAttempt of(ItemSubmitted item, int attemptNo, boolean fromIssuer) {
        return new PaymentAttempt(item.transactionId(), item.batchId(), item.issuer(), item.recipientId(),
                item.sendMethod(), item.amount(), item.sourceWalletId(), item.recipientWalletId(), item.destination(),
                attemptNo, fromIssuer);
    }

    Payout payout() {
        return new Payout(transactionId, attemptNo, sendMethod, amount, destination);
    }
}
