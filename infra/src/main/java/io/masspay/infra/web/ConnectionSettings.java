package io.masspay.infra.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code masspay.http.*} connection limits of the server (README "Configuration", ADR 0015): how long a
 * connection may wait between requests ({@code idle-timeout}), how long a request's line and headers may take
 * to arrive ({@code request-head-timeout}, the slow-loris bound: trickled bytes do not extend it), how long
 * between two reads of a body ({@code read-timeout}) and for a whole body ({@code request-timeout}), and how
 * many connections are open at once ({@code max-connections}; past it new ones are closed on accept).
 */
@ConfigurationProperties("masspay.http")
public record ConnectionSettings(Duration idleTimeout, Duration requestHeadTimeout, Duration readTimeout,
                                 Duration requestTimeout, Integer maxConnections) {

    public ConnectionSettings {
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        requestHeadTimeout = requestHeadTimeout == null ? Duration.ofSeconds(10) : requestHeadTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(120) : requestTimeout;
        maxConnections = maxConnections == null ? 4096 : maxConnections;
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestHeadTimeout.isNegative()
                || requestHeadTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
                || requestTimeout.isNegative() || requestTimeout.isZero() || maxConnections < 1) {
            throw new IllegalArgumentException("masspay.http: timeouts must be positive and max-connections >= 1");
        }
    }
}
