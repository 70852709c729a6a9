package io.masspay.infra.projections;

import io.masspay.infra.axon.NotifiedEventSource;
import io.masspay.infra.cluster.NodeName;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Rebuilds every read model beside the live one, blue/green (ADR 0019). Per read model, on the node that was
 * asked (and claimed it in {@code read_model_rebuild}):
 * <ol>
 *   <li>empty copies of its tables in {@code rm_build_<group>} ({@link ReadModelCopies});</li>
 *   <li>a second processor of its own handlers, {@code <group>@rebuild}, replays the store from the first event
 *       into the copies ({@link CopyProcessor}), in large batches, while the live processor goes on serving
 *       reads and projecting new events into the live tables;</li>
 *   <li>once the copy has caught up: the live processor's segments are held still on every node
 *       ({@link TokenHandover#hold}), the copy runs until it has seen every event the live one had, stops, and
 *       one transaction swaps the tables, gives the live processor the copy's tokens and records the new
 *       generation; then the live processor starts again here (other nodes claim their share as usual) and the
 *       retired tables are dropped.</li>
 * </ol>
 * Reads never see an empty or half-built view: until the swap they read the live tables, after it the copies,
 * which have seen at least everything the live ones had. A switch that cannot take the tables within
 * {@link #LOCK_TIMEOUT} (long reads) lets go and is tried again; a rebuild that fails leaves the live read model
 * as it was.
 */
@Component
class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** How long a swap may wait for reads in progress; reads arriving meanwhile wait behind it as long at most. */
    private static final String LOCK_TIMEOUT = "2s";
    private static final Duration COVER_WAIT = Duration.ofSeconds(30);
    /** Well within the shortest claim timeout in use (3 s in the process tests, 10 s by default). */
    private static final Duration HOLD_RENEWAL = Duration.ofMillis(500);
    private static final int SWITCH_ATTEMPTS = 20;
    /** A copy whose processor stays in error this long is given up (the live read model is untouched). */
    private static final Duration ERROR_LIMIT = Duration.ofMinutes(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionManager axonTransactions;
    private final TokenStore tokenStore;
    private final NotifiedEventSource events;
    private final ReadModelCopies copies;
    private final TokenHandover tokens;
    private final RebuildState state;
    private final String holder;
    private final int batchSize;
    /** The read models this node is rebuilding now. */
    private final Set<String> building = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(ReadModels.GROUPS.size(), task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    ProjectionRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                      PlatformTransactionManager transactionManager, TransactionManager axonTransactionManager,
                      TokenStore tokenStore, NotifiedEventSource readModelEvents, StoredTokens tokenRows, NodeName node,
                      @Value("${masspay.rebuild.batch-size:2000}") int batchSize) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.axonTransactions = axonTransactionManager;
        this.tokenStore = tokenStore;
        this.events = readModelEvents;
        this.copies = new ReadModelCopies(jdbc);
        this.tokens = new TokenHandover(jdbc, tokenRows);
        this.state = new RebuildState(jdbc, node);
        this.holder = TokenHandover.holder(node.value());
        this.batchSize = batchSize;
    }

    /** Starts a rebuild of every read model not being rebuilt already (here or on another node). */
    synchronized List<String> start() {
        List<String> started = new ArrayList<>();
        for (String group : ReadModels.GROUPS) {
            processor(group);
            if (!building.contains(group) && state.claim(group)) {
                building.add(group);
                started.add(group);
                workers.execute(() -> rebuild(group));
            }
        }
        return started;
    }

    /** The rebuild state of every read model, as every node sees it. */
    Map<String, RebuildState.Row> rows() {
        return state.all();
    }

    StreamingEventProcessor processor(String name) {
        if (ReadModels.ACTING.contains(name)) {
            throw new IllegalArgumentException(name + " acts on events and is never rebuilt");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }

    private void rebuild(String group) {
        CopyProcessor copy = null;
        boolean switched = false;
        try {
            StreamingEventProcessor live = processor(group);
            int segments = Math.max(1, tokens.stored(group).size());
            inTransaction(() -> {
                copies.create(group);
                tokens.forget(CopyProcessor.nameOf(group));
                return null;
            });
            copy = CopyProcessor.of(group, live, segments, batchSize, events, tokenStore, axonTransactions, jdbc);
            long started = System.nanoTime();
            copy.start();
            log.info("Rebuilding {} beside the live read model ({} segment(s), schema {})", group, segments,
                    ReadModelCopies.buildSchema(group));
            awaitCaughtUp(copy, segments);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long replayed = eventsThrough(copy.positions());
            log.info("Rebuilt copy of {} caught up: {} events in {} ms ({} events/s); switching", group, replayed,
                    millis, millis == 0 ? replayed : replayed * 1000 / millis);
            for (String table : ReadModelCopies.tables(group)) {
                inTransaction(() -> {
                    copies.complete(group, table);
                    return null;
                });
            }
            for (int attempt = 1; attempt <= SWITCH_ATTEMPTS && !switched; attempt++) {
                if (attempt > 1) {
                    // a long read held the tables, or the copy lagged: give both a moment
                    TimeUnit.SECONDS.sleep(Math.min(attempt, 10));
                }
                awaitCaughtUp(copy, segments);
                switched = switchOver(group, live, copy, segments, replayed, millis);
            }
            if (!switched) {
                throw new IllegalStateException("no switch possible after " + SWITCH_ATTEMPTS + " attempts");
            }
        } catch (Exception e) {
            if (!closing) {
                log.error("Rebuild of {} failed; the live read model goes on serving as it was", group, e);
            }
        } finally {
            try {
                if (copy != null) {
                    copy.stop();
                }
                if (!switched && !closing) {
                    inTransaction(() -> {
                        copies.dropBuild(group);
                        tokens.forget(CopyProcessor.nameOf(group));
                        state.abandoned(group);
                        return null;
                    });
                }
            } catch (Exception e) {
                log.warn("Cleaning up after the rebuild of {} failed", group, e);
            } finally {
                building.remove(group);
            }
        }
    }

    /** Until the copy has caught up; a copy whose handlers keep failing is given up after {@link #ERROR_LIMIT}. */
    private void awaitCaughtUp(CopyProcessor copy, int segments) throws InterruptedException {
        long failingSince = 0;
        while (!copy.caughtUp(segments)) {
            if (closing) {
                throw new InterruptedException("shutting down");
            }
            if (!copy.failing()) {
                failingSince = 0;
            } else if (failingSince == 0) {
                failingSince = System.nanoTime();
            } else if (System.nanoTime() - failingSince > ERROR_LIMIT.toNanos()) {
                throw new IllegalStateException("the copy's handlers kept failing for " + ERROR_LIMIT);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * The switch: holds the live processor still everywhere, lets the copy see everything the live one had,
     * then swaps. False when it could not happen now (the copy goes on, and the caller tries again).
     */
    private boolean switchOver(String group, StreamingEventProcessor live, CopyProcessor copy, int segments,
                               long replayed, long millis) throws Exception {
        state.switching(group);
        boolean swapped = false;
        long begun = System.nanoTime();
        live.shutdownAsync().get(1, TimeUnit.MINUTES);
        long stopped = System.nanoTime();
        long paused = stopped;
        try {
            Map<Integer, TrackingToken> held = inTransaction(() -> tokens.hold(group, holder));
            if (held.size() != segments) {
                log.warn("{} has {} segments, its copy {}: not switched", group, held.size(), segments);
                return false;
            }
            long until = System.nanoTime() + COVER_WAIT.toNanos();
            long renewAt = System.nanoTime() + HOLD_RENEWAL.toNanos();
            // the copy's stored tokens, not its segments' positions in memory: those run ahead over events of other
            // segments, and only what is stored is what the switch hands over
            while (!tokens.caughtUpWith(tokens.stored(copy.name()), held)) {
                if (System.nanoTime() > until || closing) {
                    log.warn("The copy of {} did not reach the live position within {}; trying again", group,
                            COVER_WAIT);
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(20);
                if (System.nanoTime() > renewAt) {
                    held = inTransaction(() -> tokens.hold(group, holder));
                    renewAt = System.nanoTime() + HOLD_RENEWAL.toNanos();
                }
            }
            inTransaction(() -> tokens.hold(group, holder));
            copy.pause();
            paused = System.nanoTime();
            try {
                swapped = inTransaction(() -> {
                    if (!tokens.handOver(group, copy.name(), holder)) {
                        log.warn("Switch of {} not possible now (hold lost, or the copy not level at the swap);"
                                + " trying again", group);
                        return false;
                    }
                    copies.swap(group, LOCK_TIMEOUT);
                    state.switched(group, replayed, millis);
                    return true;
                });
            } catch (RuntimeException e) {
                log.warn("Switch of {} not possible now ({}); trying again", group, e.getMessage());
            }
            if (!swapped) {
                copy.start();
            }
            return swapped;
        } finally {
            if (!swapped) {
                inTransaction(() -> {
                    tokens.release(group, holder);
                    state.rebuilding(group);
                    return null;
                });
            }
            live.start();
            if (swapped) {
                long now = System.nanoTime();
                log.info("{} now serves reads from its rebuilt tables (switch {} ms: live processor stopped in {} ms,"
                                + " then held {} ms: copy level and stopped after {} ms, tables and tokens swapped in {} ms)", group, millis(now - begun),
                        millis(stopped - begun), millis(now - stopped), millis(paused - stopped), millis(now - paused));
                try {
                    inTransaction(() -> {
                        copies.dropRetired(group);
                        return null;
                    });
                } catch (RuntimeException e) {
                    log.warn("The retired tables of {} stay until the next rebuild: {}", group, e.getMessage());
                }
            }
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** How many stored events lie at or below the lowest of these positions: what the copy has replayed. */
    private long eventsThrough(Map<Integer, TrackingToken> positions) {
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : positions.values()) {
            TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
            long index = current instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex()
                    : current == null ? -1 : current.position().orElse(-1);
            lowest = Math.min(lowest, index);
        }
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                lowest);
        return count == null ? 0 : count;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public void destroy() {
        closing = true;
        workers.shutdownNow();
    }
}
