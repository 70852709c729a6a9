package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;

public record Credit(TransactionId transactionId, int attemptNo, Money amount) {
}
