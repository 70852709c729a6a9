package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

/** One item's amount for a recipient wallet, in event order within its chunk. */
public record Credit(TransactionId transactionId, int attemptNo, Money amount) implements PostingLine {
}
