package io.masspay.infra.limits;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.masspay.command.admission.RecentRefusals;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Per issuer and node, at most {@code masspay.admission.concurrent-submissions} batch submissions being handled
 * at once (ADR 0014), with a Resilience4j bulkhead that never waits: one more is answered 429
 * {@code RATE_LIMITED} before its body is read. Without it, a flood of one issuer's 5,000-item POSTs fills the
 * threads that run blocking work and the database connections, and every other issuer's calls and the payment
 * processors wait behind it, whatever the admission cap says. Its {@code Retry-After} is 1 s, or what is left of
 * the issuer's last admission refusal ({@link RecentRefusals}): a client told "come back in 1 s" while its
 * submissions are refused anyway only makes the node read its body again sooner.
 */
@Component
class SubmissionsInFlight {

    private static final String PATH = "/API/v4/Fund/BatchTransfer";

    private final BulkheadRegistry bulkheads;
    private final TooManyRequests tooMany;
    private final RecentRefusals recentRefusals;

    SubmissionsInFlight(@Value("${masspay.admission.concurrent-submissions:4}") int concurrent,
                        TooManyRequests tooMany, RecentRefusals recentRefusals) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("masspay.admission.concurrent-submissions must be >= 1");
        }
        this.tooMany = tooMany;
        this.recentRefusals = recentRefusals;
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(concurrent)
                .maxWaitDuration(Duration.ZERO).build());
    }

    static boolean isSubmission(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value());
    }

    Mono<Void> filter(IssuerAccountNumber issuer, ServerWebExchange exchange, WebFilterChain chain) {
        Bulkhead bulkhead = bulkheads.bulkhead(issuer.value());
        if (!bulkhead.tryAcquirePermission()) {
            long retryAfter = recentRefusals.remaining(issuer).map(RetryAfter::seconds).orElse(1L);
            return tooMany.write(exchange, retryAfter, "This issuer already has " + bulkhead.getBulkheadConfig()
                    .getMaxConcurrentCalls() + " submissions being handled; retry after the time in Retry-After");
        }
        return chain.filter(exchange).doFinally(signal -> bulkhead.onComplete());
    }
}
