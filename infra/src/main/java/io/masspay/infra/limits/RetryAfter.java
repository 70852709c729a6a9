package io.masspay.infra.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;

/** The {@code Retry-After} header's whole seconds: rounded up, at least 1 (0 would invite an instant retry). */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        long millis = Math.max(wait.toMillis(), 1);
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Until the limiter has a permit again. */
    static long seconds(RateLimiter limiter) {
        return seconds(untilPermit(limiter));
    }

    /** Resilience4j's default limiter knows the wait exactly; another one is assumed to need a full period. */
    static Duration untilPermit(RateLimiter limiter) {
        if (limiter.getMetrics() instanceof AtomicRateLimiter.AtomicRateLimiterMetrics metrics) {
            return Duration.ofNanos(Math.max(metrics.getNanosToWait(), 0));
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
    }
}
