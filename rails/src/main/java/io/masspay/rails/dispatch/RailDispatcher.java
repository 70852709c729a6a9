package io.masspay.rails.dispatch;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailRegistry;
import io.masspay.rails.RailReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due payouts to their rails on every node (ADR 0013). One thread claims rows, as many per rail as
 * that rail has free calls, and starts the calls; the calls are non-blocking, so hundreds can wait on
 * slow rails while no thread and no database connection waits with them. Each reply is turned into a
 * {@link Decision} by {@link ReplyRules} and recorded in batches by the {@link AnswerRecorder}. The claim
 * runs when this node committed new payouts or a call came back, and every {@code masspay.rails.poll-interval}
 * to find what other nodes added or what became due.
 */
@Component
class RailDispatcher implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 2048;
    private static final Logger log = LoggerFactory.getLogger(RailDispatcher.class);
    /** How long a claimed call may also wait for the rate limiter, and for its reply to be recorded. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final RailRegistry rails;
    private final RailPayoutStore store;
    private final ReplyRules rules;
    private final AnswerRecorder recorder;
    private final RailMetrics metrics;
    private final DispatchSignal signal;
    private final Duration pollInterval;
    private final Map<SendMethod, RailLimits> limits = new EnumMap<>(SendMethod.class);
    private final SecureRandom claims = new SecureRandom();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService pumper;

    RailDispatcher(RailRegistry rails, RailPayoutStore store, ReplyRules rules, AnswerRecorder recorder,
                   RailMetrics metrics, DispatchSignal signal, Environment environment,
                   @Value("${masspay.rails.poll-interval:PT0.25S}") Duration pollInterval) {
        this.rails = rails;
        this.store = store;
        this.rules = rules;
        this.recorder = recorder;
        this.metrics = metrics;
        this.signal = signal;
        this.pollInterval = pollInterval;
        for (SendMethod method : rails.methods()) {
            RailLimits rail = RailLimits.from(environment, method, lease(method).dividedBy(2));
            limits.put(method, rail);
            metrics.inFlight(rail);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        pumper = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "rail-dispatcher"));
        signal.onWake(this::wake);
        pumper.scheduleWithFixedDelay(this::pumpQuietly, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Claims nothing more; calls in flight finish and are recorded, or are asked again after their lease. */
    @Override
    public synchronized void stop() {
        running = false;
        if (pumper != null) {
            pumper.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    void wake() {
        if (running && pumpQueued.compareAndSet(false, true)) {
            try {
                pumper.execute(() -> {
                    pumpQueued.set(false);
                    pumpQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pumpQueued.set(false);
            }
        }
    }

    private void pumpQuietly() {
        try {
            pump();
        } catch (RuntimeException e) {
            log.warn("Claiming rail payouts failed, trying again in {}: {}", pollInterval, e.toString());
        }
    }

    private void pump() {
        List<SendMethod> methods = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        List<Duration> leases = new ArrayList<>();
        limits.forEach((method, rail) -> {
            int slots = rail.free();
            if (slots > 0) {
                methods.add(method);
                free.add(slots);
                leases.add(lease(method));
            }
        });
        if (!running || methods.isEmpty()) {
            return;
        }
        for (ClaimedPayout row : store.claim(methods, free, leases, claims.nextLong(1, Long.MAX_VALUE))) {
            start(row);
        }
    }

    private Duration lease(SendMethod method) {
        return rails.of(method).map(RailGateway::callTimeout).orElse(Duration.ZERO).multipliedBy(2).plus(LEASE_MARGIN);
    }

    private void start(ClaimedPayout row) {
        RailLimits rail = limits.get(row.order().method());
        RailGateway gateway = rails.of(row.order().method()).orElseThrow();
        if (!rail.inFlight().tryAcquirePermission()) {
            return; // over the limit after all: the lease runs out and the row is claimed again
        }
        decide(row, gateway, rail)
                .doFinally(signal -> {
                    rail.inFlight().onComplete();
                    if (rail.worthClaiming()) {
                        wake();
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
