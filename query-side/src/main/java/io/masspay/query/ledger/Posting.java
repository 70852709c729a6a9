package io.masspay.query.ledger;

import io.masspay.kernel.money.Money;

import java.time.Instant;

/** One balanced movement: {@code amount} leaves {@code from} and enters {@code to}, caused by one event. */
record Posting(String eventId, Instant at, String transactionId, int attemptNo, Money amount, Account from,
               Account to, String kind) {

    record Account(AccountType type, String id) {
    }
}
