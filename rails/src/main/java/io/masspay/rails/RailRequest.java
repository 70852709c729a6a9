package io.masspay.rails;

import io.masspay.kernel.money.Money;

import java.util.Map;

/** What a rail needs to pay one item; {@code idempotencyKey} is {@code TransactionId:AttemptNo}. */
public record RailRequest(String idempotencyKey, String transactionId, int attemptNo, Money amount,
                          Map<String, String> destination) {
}
