package io.masspay.infra.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One issuer's deliveries on this node: at most {@code cap} in flight, claimed oldest first, and the next
 * one claimed as soon as a slot frees, so a busy issuer is not held to the poll interval. Lanes share
 * nothing but the database, so a hanging endpoint fills its own lane and no other.
 */
final class IssuerLane {

    private static final Logger log = LoggerFactory.getLogger(IssuerLane.class);

    private final String issuer;
    private final int cap;
    private final Duration lease;
    private final OutboxClaims claims;
    private final DeliveryAttempt attempt;
    private final Mono<Boolean> stopping;
    private final BooleanSupplier running;
    private int inFlight;

    IssuerLane(String issuer, WebhookSettings settings, OutboxClaims claims, DeliveryAttempt attempt,
               Mono<Boolean> stopping, BooleanSupplier running) {
        this.issuer = issuer;
        this.cap = settings.maxInFlightPerIssuer();
        this.lease = settings.lease();
        this.claims = claims;
        this.attempt = attempt;
        this.stopping = stopping;
        this.running = running;
    }

    /** Claims what the free slots allow and starts sending; blocking (JDBC): never on an event loop. */
    void pump() {
        List<ClaimedDelivery> claimed;
        synchronized (this) {
            int free = cap - inFlight;
            if (free <= 0 || !running.getAsBoolean()) {
                return;
            }
            claimed = claims.claim(issuer, free, lease);
            inFlight += claimed.size();
        }
        claimed.forEach(this::start);
    }

    private void start(ClaimedDelivery delivery) {
        attempt.run(delivery)
                .takeUntilOther(stopping)
                .doFinally(signal -> {
                    release();
                    // asynchronously: endpoints that fail at once must not make this a deep recursion
                    Schedulers.boundedElastic().schedule(this::pumpQuietly);
                })
                .subscribe(null, failure -> log.warn("Webhook {} of issuer {} not recorded, retried after its lease: {}",
                        delivery.eventId(), issuer, failure.toString()));
    }

    private synchronized void release() {
        inFlight--;
    }

    void pumpQuietly() {
        try {
            pump();
        } catch (RuntimeException e) {
            log.warn("Claiming webhooks of issuer {} failed: {}", issuer, e.toString());
        }
    }
}
