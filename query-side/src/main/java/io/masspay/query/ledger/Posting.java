package io.masspay.query.ledger;

import io.masspay.kernel.money.Money;

import java.time.Instant;

/**
 * One balanced movement: {@code amount} leaves {@code from} and enters {@code to}, caused by one event
 * (line 0) or by one item line of a chunk's wallet posting event.
 */
record Posting(String eventId, int line, Instant at, String transactionId, int attemptNo, Money amount, Account from,
               Account to, String kind) {

    record Account(AccountType type, String id) {
    }
}
