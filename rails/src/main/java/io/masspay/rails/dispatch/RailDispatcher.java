package io.masspay.rails.dispatch;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
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
 * that rail has free calls, and starts the calls ({@link PayoutCalls}); the calls are non-blocking, so
 * hundreds can wait on slow rails while no thread and no database connection waits with them. Each reply is
 * turned into a {@link Decision} by {@link ReplyRules} and recorded in batches by the {@link AnswerRecorder}.
 * The claim runs when this node committed new payouts or a call came back, and every
 * {@code masspay.rails.poll-interval} to find what other nodes added or what became due.
 */
@Component
class RailDispatcher implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 2048;
    private static final Logger log = LoggerFactory.getLogger(RailDispatcher.class);
    /** How long a claimed call may also wait for the rate limiter, and for its reply to be recorded. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final RailRegistry rails;
    private final RailPayoutStore store;
    private final PayoutCalls calls;
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
        this.calls = new PayoutCalls(rails, rules, recorder, metrics, this::wake);
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
            calls.start(row, limits.get(row.order().method()));
        }
    }

    private Duration lease(SendMethod method) {
        return rails.of(method).map(RailGateway::callTimeout).orElse(Duration.ZERO).multipliedBy(2).plus(LEASE_MARGIN);
    }
}
