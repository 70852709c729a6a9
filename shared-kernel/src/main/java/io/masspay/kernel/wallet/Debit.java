package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

/** One item's claim on an issuer wallet, in submission order within its chunk. */
public record Debit(TransactionId transactionId, int attemptNo, Money amount) implements PostingLine {
}
