package io.masspay.rails.dispatch;

import io.masspay.rails.PayoutOrder;

import java.time.Instant;

/**
 * A row of the dispatch table this node holds a lease on. {@code unresolvedKey} names an earlier attempt of
 * the same item whose outcome is still unknown (it timed out): that key is asked about before this one is
 * sent, so the item is never paid under both (ADR 0013).
 */
record ClaimedPayout(PayoutOrder order, String walletId, State state, int calls, int failedCalls,
                     int unansweredCalls, int polls, long claim, Instant createdAt, String unresolvedKey) {

    enum State { Due, Pending, Unresolved, Paid, Failed, Returned }

    String key() {
        return order.idempotencyKey();
    }

    /** Calls that did not settle the payout: the retry budget counts them, a throttle or a lost answer does not. */
    int unsettledCalls() {
        return failedCalls + unansweredCalls;
    }
}
