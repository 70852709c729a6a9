package io.masspay.command.batch.intake;

import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;

/** An item that passed every rule, with its server id and the wallet it will be credited to. */
public record AcceptedItem(int position, TransactionId transactionId, String customerTransactionId,
                           RecipientId recipientId, SendMethod sendMethod, Money amount, WalletId recipientWallet) {
}
