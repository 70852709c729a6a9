package io.masspay.infra.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code masspay.webhooks.*} (README, "Configuration"). The contract asks for retries over at least 24 h;
 * {@code give-up-after} defaults to 72 h and is shorter only in tests.
 */
@ConfigurationProperties("masspay.webhooks")
record WebhookSettings(@DefaultValue("false") boolean requireHttps,
                       @DefaultValue("10s") Duration timeout,
                       @DefaultValue("1s") Duration initialBackoff,
                       @DefaultValue("1h") Duration maxBackoff,
                       @DefaultValue("72h") Duration giveUpAfter,
                       @DefaultValue("500ms") Duration pollInterval,
                       @DefaultValue("4") int maxInFlightPerIssuer) {

    WebhookSettings {
        if (timeout.isNegative() || timeout.isZero() || initialBackoff.isNegative() || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0 || pollInterval.isNegative() || pollInterval.isZero()
                || maxInFlightPerIssuer < 1) {
            throw new IllegalArgumentException("masspay.webhooks: durations must be positive, max-backoff >= "
                    + "initial-backoff, max-in-flight-per-issuer >= 1");
        }
    }

    /** The wait after the {@code failures}-th failure in a row: initial, then doubling, capped. */
    Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 40);
        long millis = initialBackoff.toMillis() << doublings;
        return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }

    /** How long a claimed row stays with the node delivering it: well past the call's own timeout. */
    Duration lease() {
        return timeout.multipliedBy(3).plusSeconds(30);
    }
}
