package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

/** One item's share of a wallet posting: the transaction and attempt the amount moves for. */
public interface PostingLine {

    TransactionId transactionId();

    int attemptNo();

    Money amount();
}
