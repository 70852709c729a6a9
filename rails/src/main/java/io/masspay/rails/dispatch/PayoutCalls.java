package io.masspay.rails.dispatch;

import io.masspay.rails.RailGateway;
import io.masspay.rails.RailRegistry;
import io.masspay.rails.RailReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * The rail calls for one claimed payout (ADR 0013), made outside any transaction and without a waiting thread:
 * within the rail's bulkhead, each call after its rate limiter and bounded by its timeout; a payout whose earlier
 * attempt went unanswered asks about that one first. The reply becomes a {@link Decision} ({@link ReplyRules}) for
 * the {@link AnswerRecorder}; a call that ends frees its slot and wakes the dispatcher once claiming is worth it.
 */
final class PayoutCalls {

    private static final Logger log = LoggerFactory.getLogger(PayoutCalls.class);

    private final RailRegistry rails;
    private final ReplyRules rules;
    private final AnswerRecorder recorder;
    private final RailMetrics metrics;
    /** The dispatcher's wake-up: claim again now that calls have ended. */
    private final Runnable wake;

    PayoutCalls(RailRegistry rails, ReplyRules rules, AnswerRecorder recorder, RailMetrics metrics, Runnable wake) {
        this.rails = rails;
        this.rules = rules;
        this.recorder = recorder;
        this.metrics = metrics;
        this.wake = wake;
    }

    /** Starts the row's calls if its rail has a slot after all; returns at once, the calls go on without a thread. */
    void start(ClaimedPayout row, RailLimits rail) {
        RailGateway gateway = rails.of(row.order().method()).orElseThrow();
        if (!rail.inFlight().tryAcquirePermission()) {
            return; // over the limit after all: the lease runs out and the row is claimed again
        }
        decide(row, gateway, rail)
                .doFinally(signal -> {
                    rail.inFlight().onComplete();
                    if (rail.worthClaiming()) {
                        wake.run();
                    }
                })
                .subscribe(decision -> recorder.record(decision),
                        failure -> log.warn("Payout {} not settled, asked again after its lease: {}", row.key(),
                                failure.toString()));
    }

    private Mono<Decision> decide(ClaimedPayout row, RailGateway gateway, RailLimits rail) {
        if (row.state() != ClaimedPayout.State.Due) {
            return call(gateway, rail, gateway.status(row.key()), row)
                    .map(reply -> rules.afterStatus(row, reply, Instant.now()));
        }
        if (row.unresolvedKey() != null) {
            int earlier = attemptOf(row.unresolvedKey());
            return call(gateway, rail, gateway.status(row.unresolvedKey()), row)
                    .flatMap(reply -> {
                        Decision precheck = rules.afterPrecheck(row, earlier, reply, Instant.now());
                        if (!precheck.sendNow()) {
                            return Mono.just(precheck);
                        }
                        return send(gateway, rail, row).map(sent -> new Decision(sent.answer(), sent.update(),
                                precheck.unpaidKey(), false));
                    });
        }
        return send(gateway, rail, row);
    }

    private Mono<Decision> send(RailGateway gateway, RailLimits rail, ClaimedPayout row) {
        return call(gateway, rail, gateway.send(row.order()), row)
                .map(reply -> rules.afterSend(row, reply, Instant.now()));
    }

    /** One call: after the rate limiter allows it, bounded by the rail's timeout, measured, never failing. */
    private Mono<RailReply> call(RailGateway gateway, RailLimits rail, Mono<RailReply> request, ClaimedPayout row) {
        long waitNanos = rail.rate().map(limiter -> limiter.reservePermission()).orElse(0L);
        if (waitNanos < 0) {
            return Mono.just(new RailReply(RailReply.Kind.Throttled, Duration.ofSeconds(1), "local rate limit"));
        }
        long[] start = new long[1];
        return Mono.delay(Duration.ofNanos(waitNanos))
                .then(Mono.defer(() -> {
                    start[0] = System.nanoTime();
                    return request;
                }))
                .timeout(gateway.callTimeout())
                .onErrorResume(failure -> Mono.just(RailReply.unanswered(failure.toString())))
                .doOnNext(reply -> {
                    metrics.answered(row.order().method(), reply.kind(), Duration.ofNanos(System.nanoTime() - start[0]));
                    if (reply.kind() != RailReply.Kind.Paid) {
                        logAnswer(row, reply);
                    }
                });
    }

    /** With the item's TransactionId in the logging context, as every line about an item's work has. */
    private static void logAnswer(ClaimedPayout row, RailReply reply) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("TransactionId", row.order().transactionId().value())) {
            log.info("Rail {} answered {} for payout {}{}", row.order().method(), reply.kind(), row.key(),
                    reply.detail() == null ? "" : " (" + reply.detail() + ")");
        }
    }

    private static int attemptOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    }
}
