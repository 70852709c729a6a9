package io.masspay.infra.projections;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One read model's rebuild on this node, from its empty copies to the switch (ADR 0019): starts the copy's
 * processor, waits until it has caught up, marks the copies complete and asks the {@link Switchover} until the
 * switch happens. A rebuild that fails, or ends without a switch, drops the copies, the copy's tokens and its
 * claim: the live read model goes on as it was.
 */
final class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int SWITCH_ATTEMPTS = 20;
    /** A copy whose processor stays in error this long is given up (the live read model is untouched). */
    private static final Duration ERROR_LIMIT = Duration.ofMinutes(5);

    private final Function<String, StreamingEventProcessor> processors;
    private final CopyProcessors copyProcessors;
    private final Switchover switchover;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReadModelCopies copies;
    private final TokenHandover tokens;
    private final RebuildState state;
    /** The node is shutting down: stop waiting, and leave the copies for the next rebuild to drop. */
    private final BooleanSupplier closing;

    ReadModelRebuild(Function<String, StreamingEventProcessor> processors, CopyProcessors copyProcessors,
                     Switchover switchover, JdbcTemplate jdbc, TransactionTemplate transactions, ReadModelCopies copies,
                     TokenHandover tokens, RebuildState state, BooleanSupplier closing) {
        this.processors = processors;
        this.copyProcessors = copyProcessors;
        this.switchover = switchover;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.copies = copies;
        this.tokens = tokens;
        this.state = state;
        this.closing = closing;
    }

    /** Rebuilds {@code group}, whose rebuild this node has claimed; returns when it switched or was given up. */
    void run(String group) {
        CopyProcessor copy = null;
        boolean switched = false;
        try {
            StreamingEventProcessor live = processors.apply(group);
            int segments = Math.max(1, tokens.stored(group).size());
            transactions.executeWithoutResult(status -> {
                copies.create(group);
                tokens.forget(CopyProcessor.nameOf(group));
            });
            copy = copyProcessors.of(group, live, segments);
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
                transactions.executeWithoutResult(status -> copies.complete(group, table));
            }
            for (int attempt = 1; attempt <= SWITCH_ATTEMPTS && !switched; attempt++) {
                if (attempt > 1) {
                    // a long read held the tables, or the copy lagged: give both a moment
                    TimeUnit.SECONDS.sleep(Math.min(attempt, 10));
                }
                awaitCaughtUp(copy, segments);
                switched = switchover.attempt(group, live, copy, segments, replayed, millis);
            }
            if (!switched) {
                throw new IllegalStateException("no switch possible after " + SWITCH_ATTEMPTS + " attempts");
            }
        } catch (Exception e) {
            if (!closing.getAsBoolean()) {
                log.error("Rebuild of {} failed; the live read model goes on serving as it was", group, e);
            }
        } finally {
            try {
                if (copy != null) {
                    copy.stop();
                }
                if (!switched && !closing.getAsBoolean()) {
                    transactions.executeWithoutResult(status -> {
                        copies.dropBuild(group);
                        tokens.forget(CopyProcessor.nameOf(group));
                        state.abandoned(group);
                    });
                }
            } catch (Exception e) {
                log.warn("Cleaning up after the rebuild of {} failed", group, e);
            }
        }
    }

    /** Until the copy has caught up; a copy whose handlers keep failing is given up after {@link #ERROR_LIMIT}. */
    private void awaitCaughtUp(CopyProcessor copy, int segments) throws InterruptedException {
        long failingSince = 0;
        while (!copy.caughtUp(segments)) {
            if (closing.getAsBoolean()) {
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
}
