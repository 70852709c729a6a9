package io.masspay.infra.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.masspay.kernel.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * Per issuer, at most {@code burst} API calls at once and {@code requests-per-second} on average (API.md
 * section 10), with Resilience4j's rate limiter: {@code burst} permits per refill period of burst / rate
 * seconds, never waiting (a call over the limit is answered 429 at once, with the seconds until the next
 * permit). Only issuer calls count: the operator token, health, the token endpoint and rail callbacks carry
 * no issuer. Registered in the security chain after authorization, so a refused token never costs a permit.
 * A batch submission then also needs a place among the issuer's submissions in flight ({@link SubmissionsInFlight}).
 */
@Component
public class IssuerRateLimits {

    private final RateLimiterRegistry limiters;
    private final TooManyRequests tooMany;
    private final SubmissionsInFlight submissions;

    IssuerRateLimits(RateLimitSettings settings, TooManyRequests tooMany, SubmissionsInFlight submissions) {
        this.tooMany = tooMany;
        this.submissions = submissions;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.burst())
                .limitRefreshPeriod(settings.refillPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** A {@link WebFilter}, but not a bean of that type: Spring would run it a second time outside security. */
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(Caller.class::isInstance)
                .map(Caller.class::cast)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> {
                    if (caller.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    RateLimiter limiter = limiters.rateLimiter(caller.get().issuer().value());
                    if (!limiter.acquirePermission()) {
                        return tooMany.write(exchange, RetryAfter.seconds(limiter),
                                "Too many calls for this issuer; retry after the time in Retry-After");
                    }
                    return SubmissionsInFlight.isSubmission(exchange)
                            ? submissions.filter(caller.get().issuer(), exchange, chain) : chain.filter(exchange);
                });
    }
}
