package io.masspay.infra.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code masspay.rate-limit.*} (README, "Configuration"). Per node: N nodes behind a balancer admit up to N times
 * these figures; the admission cap on open items ({@code masspay.admission.*}) is the one limit that holds across
 * nodes, because it is counted in the database.
 *
 * @param requestsPerSecond an issuer's sustained API calls per second
 * @param burst             calls an idle issuer may make at once; the budget refills at {@code requestsPerSecond}
 * @param authFailures      failed authentications allowed per credential (an OAuth client id, an API key's prefix)
 *                          in {@code authFailureWindow}; then 429 until the window has passed
 * @param authFailuresPerAddress failed authentications allowed per client address in that window (higher: one
 *                          address may be a whole office behind NAT)
 */
@ConfigurationProperties("masspay.rate-limit")
public record RateLimitSettings(@DefaultValue("50") int requestsPerSecond,
                                @DefaultValue("100") int burst,
                                @DefaultValue("10") int authFailures,
                                @DefaultValue("50") int authFailuresPerAddress,
                                @DefaultValue("1m") Duration authFailureWindow) {

    public RateLimitSettings {
        if (requestsPerSecond < 1 || burst < requestsPerSecond || authFailures < 1 || authFailuresPerAddress < 1
                || authFailureWindow.isNegative() || authFailureWindow.isZero()) {
            throw new IllegalArgumentException("masspay.rate-limit: requests-per-second >= 1, burst >= "
                    + "requests-per-second, auth-failures(-per-address) >= 1 and a positive auth-failure-window are required");
        }
    }

    /** The refill period in which {@code burst} permits come back: burst / rate seconds. */
    Duration refillPeriod() {
        return Duration.ofNanos(Duration.ofSeconds(1).toNanos() * burst / requestsPerSecond);
    }
}
