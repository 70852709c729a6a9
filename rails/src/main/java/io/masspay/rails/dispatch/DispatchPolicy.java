package io.masspay.rails.dispatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * When a key is sent or asked about again. A rail that says "not now" (or leaves a call unanswered) is
 * called again after {@code masspay.payouts.initial-backoff}, doubled each time, until
 * {@code masspay.payouts.max-calls} calls were made; a pending payout is polled after
 * {@code masspay.rails.poll.initial-interval}, doubled up to {@code max-interval}; a key whose attempt timed
 * out is still polled for a late answer for {@code masspay.rails.reconcile-window}.
 */
@Component
public class DispatchPolicy {

    private final int maxCalls;
    private final Duration initialBackoff;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Duration reconcileWindow;

    DispatchPolicy(@Value("${masspay.payouts.max-calls:5}") int maxCalls,
                   @Value("${masspay.payouts.initial-backoff:PT1S}") Duration initialBackoff,
                   @Value("${masspay.rails.poll.initial-interval:PT2S}") Duration firstPoll,
                   @Value("${masspay.rails.poll.max-interval:PT5M}") Duration maxPoll,
                   @Value("${masspay.rails.reconcile-window:PT72H}") Duration reconcileWindow) {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("masspay.payouts.max-calls must be at least 1, was " + maxCalls);
        }
        this.maxCalls = maxCalls;
        this.initialBackoff = initialBackoff;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
        this.reconcileWindow = reconcileWindow;
    }

    /** After this many calls that did not settle the payout, the dispatcher stops sending it. */
    boolean mayCallAgain(int unsettledCalls) {
        return unsettledCalls < maxCalls;
    }

    /** 1x, 2x, 4x ... the initial backoff after the first, second, third unsettled call. */
    Duration backoffAfter(int unsettledCalls) {
        return initialBackoff.multipliedBy(1L << Math.min(Math.max(unsettledCalls - 1, 0), 20));
    }

    /** The wait before poll number {@code polls + 1} of a pending payout. */
    Duration pollAfter(int polls) {
        Duration wait = firstPoll.multipliedBy(1L << Math.min(polls, 20));
        return wait.compareTo(maxPoll) > 0 ? maxPoll : wait;
    }

    Duration reconcileWindow() {
        return reconcileWindow;
    }
}
