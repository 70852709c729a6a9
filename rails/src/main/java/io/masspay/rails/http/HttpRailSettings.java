package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import org.springframework.core.env.Environment;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the provider of one send method, from {@code masspay.rails.http.<SendMethodId>.*}.
 * A method without a {@code base-url} has no connector and stays on the sandbox.
 */
record HttpRailSettings(SendMethod method, String baseUrl, Duration timeout, int maxAttempts, String apiKey,
                        Duration firstBackoff) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Short on purpose: the connector only rides out a blip; the saga's deadlines handle real outages. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    HttpRailSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(method + ": timeout must be positive, was " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(method + ": max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    static Optional<HttpRailSettings> from(Environment environment, SendMethod method) {
        String prefix = "masspay.rails.http." + method.name() + ".";
        String baseUrl = environment.getProperty(prefix + "base-url");
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        String timeout = environment.getProperty(prefix + "timeout");
        return Optional.of(new HttpRailSettings(method, baseUrl.strip(),
                timeout == null ? DEFAULT_TIMEOUT : DurationFormatterUtils.detectAndParse(timeout),
                environment.getProperty(prefix + "max-attempts", Integer.class, DEFAULT_MAX_ATTEMPTS),
                environment.getProperty(prefix + "api-key"), FIRST_BACKOFF));
    }

    /** Settings end up in logs and error messages; the api key must not. */
    @Override
    public String toString() {
        return "HttpRailSettings[method=" + method + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", maxAttempts=" + maxAttempts + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
