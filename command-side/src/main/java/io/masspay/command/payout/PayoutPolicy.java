package io.masspay.command.payout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How hard a payout tries: an unavailable rail is called again after an exponential backoff
 * ({@code initial-backoff}, doubled each time) until {@code max-calls} calls were made; the whole
 * payout gives up after {@code timeout}. Defaults fit a real rail; tests shorten them.
 */
@Component
public class PayoutPolicy {

    private final int maxCalls;
    private final Duration initialBackoff;
    private final Duration timeout;

    public PayoutPolicy(@Value("${masspay.payouts.max-calls:5}") int maxCalls,
                        @Value("${masspay.payouts.initial-backoff:PT1S}") Duration initialBackoff,
                        @Value("${masspay.payouts.timeout:PT15M}") Duration timeout) {
        this.maxCalls = maxCalls;
        this.initialBackoff = initialBackoff;
        this.timeout = timeout;
    }

    public boolean mayCallAgain(int callsMade) {
        return callsMade < maxCalls;
    }

    /** 1x, 2x, 4x ... the initial backoff after the first, second, third call. */
    public Duration backoffAfter(int callsMade) {
        return initialBackoff.multipliedBy(1L << Math.min(callsMade - 1, 20));
    }

    public Duration timeout() {
        return timeout;
    }
}
