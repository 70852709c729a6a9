package io.masspay.rails.dispatch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.masspay.kernel.payout.SendMethod;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Optional;

/**
 * One rail's limits on this node: at most {@code masspay.rails.<SendMethodId>.max-in-flight} calls at once
 * (default 64; a Resilience4j bulkhead, whose free permits size each claim) and, when
 * {@code .rate-per-second} is set, at most that many calls started per second (a Resilience4j rate
 * limiter). Both are per node: N nodes make up to N times as many calls.
 */
record RailLimits(SendMethod method, Bulkhead inFlight, Optional<RateLimiter> rate) {

    static final int DEFAULT_MAX_IN_FLIGHT = 64;

    static RailLimits from(Environment environment, SendMethod method, Duration longestRateWait) {
        String prefix = "masspay.rails." + method.id() + ".";
        int maxInFlight = environment.getProperty(prefix + "max-in-flight", Integer.class, DEFAULT_MAX_IN_FLIGHT);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException(prefix + "max-in-flight must be at least 1, was " + maxInFlight);
        }
        Bulkhead bulkhead = Bulkhead.of("rail-" + method.id(), BulkheadConfig.custom()
                .maxConcurrentCalls(maxInFlight).maxWaitDuration(Duration.ZERO).build());
        Integer perSecond = environment.getProperty(prefix + "rate-per-second", Integer.class);
        if (perSecond != null && perSecond < 1) {
            throw new IllegalArgumentException(prefix + "rate-per-second must be at least 1, was " + perSecond);
        }
        Optional<RateLimiter> limiter = Optional.ofNullable(perSecond).map(rate -> RateLimiter.of(
                "rail-" + method.id(), RateLimiterConfig.custom().limitForPeriod(rate)
                        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(longestRateWait).build()));
        return new RailLimits(method, bulkhead, limiter);
    }

    /** How many more calls may start now. */
    int free() {
        int slots = inFlight.getMetrics().getAvailableConcurrentCalls();
        return rate.map(limiter -> Math.min(slots, Math.max(limiter.getMetrics().getAvailablePermissions(), 0)))
                .orElse(slots);
    }

    /**
     * Whether enough calls have ended to claim again: a claim per ended call would cost a statement per
     * payout; an eighth of the rail's calls at a time keeps it busy at a fraction of that.
     */
    boolean worthClaiming() {
        int max = inFlight.getBulkheadConfig().getMaxConcurrentCalls();
        return free() >= Math.max(1, max / 8);
    }

    int inFlightNow() {
        return inFlight.getBulkheadConfig().getMaxConcurrentCalls() - inFlight.getMetrics().getAvailableConcurrentCalls();
    }
}
