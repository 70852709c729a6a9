package io.masspay.infra.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Throttles credential guessing (API.md section 10): each failed authentication spends one permit of a
 * Resilience4j rate limiter per client address ({@code auth-failures-per-address}) and per credential name
 * ({@code auth-failures}: an OAuth client id, an API key's first characters); once one of them has none left, every attempt under that name is answered 429
 * {@code RATE_LIMITED} with {@code Retry-After}, before any credential is checked, until the window has
 * passed. Successful authentications spend nothing, so other clients and other addresses are unaffected.
 * Per node, in memory; the names kept are bounded (least recently failed forgotten first).
 */
@Component
public class AuthenticationThrottle {

    /** Enough for every address that failed within a window on a busy node; an attacker's spread costs it memory only up to here. */
    private static final int MAX_NAMES = 20_000;
    private static final int API_KEY_PREFIX = 12;

    private static final String ADDRESS = "address:";

    private final RateLimiterConfig perCredential;
    private final RateLimiterConfig perAddress;
    private final Map<String, RateLimiter> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_NAMES;
        }
    };

    AuthenticationThrottle(RateLimitSettings settings) {
        this.perCredential = failures(settings.authFailures(), settings.authFailureWindow());
        this.perAddress = failures(settings.authFailuresPerAddress(), settings.authFailureWindow());
    }

    private static RateLimiterConfig failures(int allowed, Duration window) {
        return RateLimiterConfig.custom().limitForPeriod(allowed).limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** The names an attempt counts under: its client address and, when it names one, its credential. */
    public static List<String> names(ServerWebExchange exchange, String credential) {
        List<String> names = new ArrayList<>(2);
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            names.add(ADDRESS + remote.getAddress().getHostAddress());
        }
        if (credential != null && !credential.isEmpty()) {
            names.add("credential:" + credential.substring(0, Math.min(credential.length(), API_KEY_PREFIX + 64)));
        }
        return names;
    }

    /** An API key's first characters: enough to tell keys apart, never enough to use one. */
    public static String apiKeyPrefix(String apiKey) {
        return "key:" + apiKey.substring(0, Math.min(apiKey.length(), API_KEY_PREFIX));
    }

    /** How long until an attempt under these names is let through again; empty when it may go ahead now. */
    public Optional<Duration> blocked(Collection<String> names) {
        Duration longest = null;
        synchronized (failures) {
            for (String name : names) {
                RateLimiter limiter = failures.get(name);
                if (limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0) {
                    Duration wait = RetryAfter.untilPermit(limiter);
                    longest = longest == null || wait.compareTo(longest) > 0 ? wait : longest;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    public void failed(Collection<String> names) {
        synchronized (failures) {
            for (String name : names) {
                failures.computeIfAbsent(name, n -> RateLimiter.of(n, n.startsWith(ADDRESS) ? perAddress : perCredential))
                        .acquirePermission();
            }
        }
    }
}
