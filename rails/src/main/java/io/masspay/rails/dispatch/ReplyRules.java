package io.masspay.rails.dispatch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.transaction.RailAnswer;
import io.masspay.rails.RailReply;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

import static io.masspay.rails.dispatch.ClaimedPayout.State.Due;
import static io.masspay.rails.dispatch.ClaimedPayout.State.Failed;
import static io.masspay.rails.dispatch.ClaimedPayout.State.Pending;

/**
 * What a rail's reply means for a claimed payout (ADR 0013): a final word goes to the item; "not now" or no
 * answer is called again after a backoff, until the call budget is spent, then the payout is unavailable
 * (nothing paid) or, if some call went unanswered, pending (the rail may have it); a throttle waits and
 * costs nothing; a pending payout is polled with a growing interval; a timed-out key keeps being asked
 * until its reconcile window ends.
 */
@Component
class ReplyRules {

    /** A key no longer polled: its next attempt is far enough away never to come. */
    private static final Duration NEVER = Duration.ofDays(365L * 100);
    /** How soon a late payment that had to wait for its item is offered again. */
    static final Duration LATE_PAYMENT_RETRY = Duration.ofSeconds(1);

    private final DispatchPolicy policy;

    ReplyRules(DispatchPolicy policy) {
        this.policy = policy;
    }

    /** The reply to sending the payout (a Due row). */
    Decision afterSend(ClaimedPayout row, RailReply reply, Instant now) {
        return switch (reply.kind()) {
            case Paid, Declined, DestinationClosed -> settle(row, reply, now);
            case Pending -> pending(row, row.failedCalls(), row.unansweredCalls(), now);
            case Throttled -> Decision.of(null, update(row, Due, row.calls() - 1, row.failedCalls(),
                    row.unansweredCalls(), row.polls(), now.plus(throttle(reply)), null));
            case Unavailable -> notNow(row, row.failedCalls() + 1, row.unansweredCalls(), now);
            case Unanswered, UnknownKey, Returned -> notNow(row, row.failedCalls(), row.unansweredCalls() + 1, now);
        };
    }

    /** The reply to asking how a Pending or Unresolved payout went. */
    Decision afterStatus(ClaimedPayout row, RailReply reply, Instant now) {
        boolean timedOut = row.state() == ClaimedPayout.State.Unresolved;
        if (reply.kind().isFinal()) {
            return timedOut && reply.kind() != RailReply.Kind.Paid
                    ? Decision.of(null, update(row, Failed, row.polls(), now, now))
                    : settle(row, reply, now);
        }
        if (reply.kind() == RailReply.Kind.UnknownKey) {
            // the rail never got it: a timed-out key is then settled as unpaid, a pending one is sent again
            return Decision.of(null, timedOut ? update(row, Failed, row.polls(), now, now)
                    : update(row, Due, row.calls(), 0, 0, row.polls(), now, null));
        }
        Duration wait = reply.kind() == RailReply.Kind.Throttled ? throttle(reply) : policy.pollAfter(row.polls() + 1);
        boolean windowOver = timedOut && now.isAfter(row.createdAt().plus(policy.reconcileWindow()));
        return Decision.of(null, update(row, null, row.polls() + 1, now.plus(windowOver ? NEVER : wait), null));
    }

    /**
     * The reply about an earlier, timed-out attempt of the same item, asked before this one is sent. Paid:
     * this attempt is settled by that payment and never sent. Not paid: that key is settled and this one
     * goes out now. Still open: this attempt waits for it (and its own timeout runs).
     */
    Decision afterPrecheck(ClaimedPayout row, int earlierAttempt, RailReply reply, Instant now) {
        String earlierKey = row.unresolvedKey();
        if (reply.kind() == RailReply.Kind.Paid) {
            RailAnswer covered = new RailAnswer(row.order().transactionId(), row.order().attemptNo(),
                    RailAnswer.Kind.Paid, null, earlierAttempt, null);
            return Decision.of(covered, update(row, ClaimedPayout.State.Paid, row.calls() - 1, row.failedCalls(),
                    row.unansweredCalls(), row.polls(), now, now));
        }
        if (reply.kind().isFinal() || reply.kind() == RailReply.Kind.UnknownKey) {
            return new Decision(null, null, earlierKey, true);
        }
        RailAnswer waiting = new RailAnswer(row.order().transactionId(), row.order().attemptNo(),
                RailAnswer.Kind.Pending, null, 0, null);
        return Decision.of(waiting, update(row, Due, row.calls() - 1, row.failedCalls(), row.unansweredCalls(),
                row.polls() + 1, now.plus(policy.pollAfter(row.polls())), null));
    }

    private Decision settle(ClaimedPayout row, RailReply reply, Instant now) {
        RailAnswer answer = switch (reply.kind()) {
            case Paid -> RailAnswer.paid(row.order().transactionId(), row.order().attemptNo());
            case Declined -> RailAnswer.refused(row.order().transactionId(), row.order().attemptNo(),
                    ErrorCode.PROVIDER_DECLINED);
            default -> RailAnswer.refused(row.order().transactionId(), row.order().attemptNo(),
                    ErrorCode.DESTINATION_CLOSED);
        };
        ClaimedPayout.State settled = reply.kind() == RailReply.Kind.Paid ? ClaimedPayout.State.Paid : Failed;
        return Decision.of(answer, update(row, settled, row.polls(), now.plus(LATE_PAYMENT_RETRY), now));
    }

    private Decision notNow(ClaimedPayout row, int failed, int unanswered, Instant now) {
        int unsettled = failed + unanswered;
        if (policy.mayCallAgain(unsettled)) {
            return Decision.of(null, update(row, Due, row.calls(), failed, unanswered, row.polls(),
                    now.plus(policy.backoffAfter(unsettled)), null));
        }
        if (unanswered > 0) {
            return pending(row, failed, unanswered, now);
        }
        return Decision.of(RailAnswer.refused(row.order().transactionId(), row.order().attemptNo(),
                ErrorCode.PROVIDER_UNAVAILABLE), update(row, Failed, row.calls(), failed, unanswered, row.polls(), now, now));
    }

    private Decision pending(ClaimedPayout row, int failed, int unanswered, Instant now) {
        RailAnswer answer = new RailAnswer(row.order().transactionId(), row.order().attemptNo(),
                RailAnswer.Kind.Pending, null, 0, null);
        return Decision.of(answer, update(row, Pending, row.calls(), failed, unanswered, 0,
                now.plus(policy.pollAfter(0)), now));
    }

    private Duration throttle(RailReply reply) {
        return reply.retryAfter() != null ? reply.retryAfter() : policy.backoffAfter(1);
    }

    private static RailPayoutStore.RowUpdate update(ClaimedPayout row, ClaimedPayout.State state, int polls,
                                                    Instant next, Instant answeredAt) {
        return update(row, state, row.calls(), row.failedCalls(), row.unansweredCalls(), polls, next, answeredAt);
    }

    private static RailPayoutStore.RowUpdate update(ClaimedPayout row, ClaimedPayout.State state, int calls,
                                                    int failed, int unanswered, int polls, Instant next,
                                                    Instant answeredAt) {
        return new RailPayoutStore.RowUpdate(row.key(), row.claim(), state, calls, failed, unanswered, polls, next,
                answeredAt);
    }
}
