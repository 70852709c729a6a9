package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import org.springframework.core.env.Environment;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the provider of one send method, from {@code masspay.rails.http.<SendMethodId>.*}: its
 * {@code base-url}, the {@code timeout} of one call, the {@code api-key} we send, the {@code callback-secret}
 * its callbacks are signed with, and as many pooled connections as the rail may have calls in flight
 * ({@code masspay.rails.<SendMethodId>.max-in-flight}). A method without a base URL stays on the sandbox.
 */
record HttpRailSettings(SendMethod method, String baseUrl, Duration timeout, String apiKey, String callbackSecret,
                        int connections) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_CONNECTIONS = 64;

    HttpRailSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(method + ": timeout must be positive, was " + timeout);
        }
    }

    static Optional<HttpRailSettings> from(Environment environment, SendMethod method) {
        String prefix = "masspay.rails.http." + method.id() + ".";
        String baseUrl = environment.getProperty(prefix + "base-url");
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        String timeout = environment.getProperty(prefix + "timeout");
        String secret = environment.getProperty(prefix + "callback-secret");
        return Optional.of(new HttpRailSettings(method, baseUrl.strip(),
                timeout == null ? DEFAULT_TIMEOUT : DurationFormatterUtils.detectAndParse(timeout),
                environment.getProperty(prefix + "api-key"), secret == null || secret.isBlank() ? null : secret,
                environment.getProperty("masspay.rails." + method.id() + ".max-in-flight", Integer.class,
                        DEFAULT_CONNECTIONS)));
    }

    /** Settings end up in logs and error messages; the api key and the callback secret must not. */
    @Override
    public String toString() {
        return "HttpRailSettings[method=" + method + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", callbackSecret="
                + (callbackSecret == null ? "none" : "***") + ", connections=" + connections + "]";
    }
}
