package io.masspay.infra.reads;

import io.masspay.infra.projections.ReadModelPositions;
import io.masspay.infra.projections.ReadModels;
import io.masspay.infra.projections.ReadModelPositions.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for every read of API.md section 10: a read is answered only once the read models it reads
 * (every one, unless it names some) have committed every event that was stored when the read arrived, so
 * whatever a 2xx told the client before it asked (a batch accepted, a wallet funded, a status that says
 * Completed) is in every view it reads. A view that is ahead shows events stored after the read arrived; any
 * later read waits for those too, since they were stored before it arrived (ADR 0023).
 *
 * <p>One thread serves all waiting reads: per round it reads the store's head once for every read that
 * arrived since the last round (a read needs the head as of its own arrival, or later), then compares it
 * with where the read models stand ({@link ReadModelPositions}: from memory for this node's segments).
 * While nobody waits the thread sleeps; while somebody does it looks again every {@link #ROUND}, in memory.
 * No read polls the database in a loop: a round costs at most one head query for all new reads together,
 * and one query for gaps below the position (indexes the processors passed before they were committed).
 *
 * <p>A read waits at most {@code masspay.reads.max-wait}, then is answered as the views stand (counted in
 * {@code masspay.reads.waited.out}); while a read model is being rebuilt reads do not wait at all.
 */
@Component
public class ReadBarrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadBarrier.class);
    private static final long ROUND = Duration.ofMillis(2).toNanos();

    private record Waiter(long arrivedAt, List<String> readModels, Sinks.Empty<Void> done) {
    }

    private record Waiting(Waiter waiter, long head) {
    }

    private final ReadModelPositions positions;
    private final long maxWaitNanos;
    private final Counter waitedOut;
    private final ConcurrentLinkedQueue<Waiter> arrived = new ConcurrentLinkedQueue<>();
    private final List<Waiting> waiting = new ArrayList<>();
    /** A gap known not to be a stored event as of the given time: it cannot hold back a read that arrived before. */
    private final Map<Long, Long> gapAbsentAt = new HashMap<>();
    private volatile Thread thread;
    private volatile boolean running;

    ReadBarrier(ReadModelPositions positions, MeterRegistry registry,
                @Value("${masspay.reads.max-wait:PT5S}") Duration maxWait) {
        this.positions = positions;
        this.maxWaitNanos = maxWait.toNanos();
        this.waitedOut = Counter.builder("masspay.reads.waited.out")
                .description("Reads answered before the read models had caught up with the store (max-wait passed)")
                .register(registry);
    }

    /** Completes once every read model shows everything stored before this call (or max-wait has passed). */
    public Mono<Void> caughtUp() {
        return caughtUp(ReadModels.GROUPS);
    }

    /**
     * Completes once the given read models ({@link ReadModels#GROUPS}) show everything stored before this call
     * (or max-wait has passed): for a read that reads only those.
     */
    public Mono<Void> caughtUp(List<String> readModels) {
        if (!running) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Waiter waiter = new Waiter(System.nanoTime(), readModels, Sinks.empty());
            arrived.add(waiter);
            LockSupport.unpark(thread);
            // the barrier's own thread completes it: the read itself goes on elsewhere. Should that thread be
            // gone (an Error it could not survive), the read still waits no longer than the bound, plus a second
            return waiter.done().asMono()
                    .timeout(Duration.ofNanos(maxWaitNanos).plusSeconds(1), Mono.empty())
                    .publishOn(Schedulers.parallel());
        });
    }

    private void serve() {
        while (running) {
            try {
                if (arrived.isEmpty() && waiting.isEmpty()) {
                    LockSupport.park(this);
                    continue;
                }
                round();
            } catch (RuntimeException e) {
                log.warn("Read barrier round failed; the reads waiting are answered as the views stand: {}",
                        e.toString());
                releaseAll();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                continue;
            }
            if (!waiting.isEmpty()) {
                LockSupport.parkNanos(this, ROUND);
            }
        }
        releaseAll();
    }

    private void round() {
        List<Waiter> fresh = new ArrayList<>();
        for (Waiter w; (w = arrived.poll()) != null; ) {
            fresh.add(w);
        }
        if (!fresh.isEmpty()) {
            long head = positions.head();
            fresh.forEach(w -> waiting.add(new Waiting(w, head)));
        }
        // one snapshot per set of read models waited for in this round (all of them, or the status model alone)
        Map<List<String>, Snapshot> snapshots = new HashMap<>();
        waiting.forEach(w -> snapshots.computeIfAbsent(w.waiter().readModels(), positions::snapshot));
        long now = System.nanoTime();
        long oldestArrival = waiting.stream().mapToLong(w -> w.waiter().arrivedAt()).min().orElse(now);
        long highestHead = waiting.stream().mapToLong(Waiting::head).max().orElse(-1);
        Set<Long> toCheck = new TreeSet<>();
        Set<Long> allGaps = new TreeSet<>();
        snapshots.values().forEach(snapshot -> allGaps.addAll(snapshot.gaps()));
        for (Long gap : allGaps) {
            Long absentAt = gapAbsentAt.get(gap);
            if (gap <= highestHead && (absentAt == null || absentAt - oldestArrival < 0)) {
                toCheck.add(gap);
            }
        }
        Set<Long> committed = Set.of();
        if (!toCheck.isEmpty()) {
            long askedAt = System.nanoTime();
            committed = positions.committed(toCheck);
            for (Long gap : toCheck) {
                if (!committed.contains(gap)) {
                    gapAbsentAt.put(gap, askedAt);
                }
            }
        }
        gapAbsentAt.keySet().retainAll(allGaps);
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            Snapshot snapshot = snapshots.get(w.waiter().readModels());
            // while a read model it reads is being replayed there is no position worth waiting for
            if (snapshot.rebuilding() || through(snapshot, committed, w.waiter().arrivedAt()) >= w.head()) {
                w.waiter().done().tryEmitEmpty();
                it.remove();
            } else if (now - w.waiter().arrivedAt() > maxWaitNanos) {
                waitedOut.increment();
                w.waiter().done().tryEmitEmpty();
                it.remove();
            }
        }
    }

    /** The position for a read that arrived at {@code arrivedAt}: only gaps stored before then hold it back. */
    private long through(Snapshot snapshot, Set<Long> committed, long arrivedAt) {
        for (Long gap : snapshot.gaps()) {
            Long absentAt = gapAbsentAt.get(gap);
            boolean knownAbsent = absentAt != null && absentAt - arrivedAt >= 0 && !committed.contains(gap);
            if (!knownAbsent) {
                return Math.min(snapshot.lowest(), gap - 1);
            }
        }
        return snapshot.lowest();
    }

    private void releaseAll() {
        waiting.forEach(w -> w.waiter().done().tryEmitEmpty());
        waiting.clear();
        for (Waiter w; (w = arrived.poll()) != null; ) {
            w.done().tryEmitEmpty();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::serve, "read-barrier");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
