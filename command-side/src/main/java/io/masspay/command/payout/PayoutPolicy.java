package io.masspay.command.payout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long a payout attempt may wait for its rail's final answer once the rail has left it pending
 * ({@code masspay.payouts.timeout}); then the money goes back to the recipient wallet. How often a rail is
 * called is the rail dispatcher's business (ADR 0013).
 */
@Component
public class PayoutPolicy {

    private final Duration timeout;

    public PayoutPolicy(@Value("${masspay.payouts.timeout:PT15M}") Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
