package io.masspay.infra.projections;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The switch of one read model to its rebuilt copy (ADR 0019): holds the live processor still on every node, lets
 * the copy see everything the live one had, then one transaction swaps the tables, hands the copy's tokens to the
 * live processor and records the new generation. A switch that cannot happen now (the copy not level in time, the
 * tables not free within {@link #LOCK_TIMEOUT}, the hold lost) lets go and leaves the copy running, to be tried
 * again; either way the live processor starts again here.
 */
final class Switchover {

    private static final Logger log = LoggerFactory.getLogger(Switchover.class);
    /** How long a swap may wait for reads in progress; reads arriving meanwhile wait behind it as long at most. */
    private static final String LOCK_TIMEOUT = "2s";
    private static final Duration COVER_WAIT = Duration.ofSeconds(30);
    /** Well within the shortest claim timeout in use (3 s in the process tests, 10 s by default). */
    private static final Duration HOLD_RENEWAL = Duration.ofMillis(500);

    private final TransactionTemplate transactions;
    private final ReadModelCopies copies;
    private final TokenHandover tokens;
    private final RebuildState state;
    /** This node's owner name on held token claims. */
    private final String holder;
    private final BooleanSupplier closing;

    Switchover(TransactionTemplate transactions, ReadModelCopies copies, TokenHandover tokens, RebuildState state,
               String holder, BooleanSupplier closing) {
        this.transactions = transactions;
        this.copies = copies;
        this.tokens = tokens;
        this.state = state;
        this.holder = holder;
        this.closing = closing;
    }

    /**
     * The switch: holds the live processor still everywhere, lets the copy see everything the live one had,
     * then swaps. False when it could not happen now (the copy goes on, and the caller tries again).
     */
    boolean attempt(String group, StreamingEventProcessor live, CopyProcessor copy, int segments, long replayed,
                    long millis) throws Exception {
        state.switching(group);
        boolean swapped = false;
        long begun = System.nanoTime();
        live.shutdownAsync().get(1, TimeUnit.MINUTES);
        long stopped = System.nanoTime();
        long paused = stopped;
        try {
            Map<Integer, TrackingToken> held = transactions.execute(status -> tokens.hold(group, holder));
            if (held.size() != segments) {
                log.warn("{} has {} segments, its copy {}: not switched", group, held.size(), segments);
                return false;
            }
            if (!awaitCopyLevel(group, copy, held)) {
                return false;
            }
            transactions.executeWithoutResult(status -> tokens.hold(group, holder));
            copy.pause();
            paused = System.nanoTime();
            try {
                swapped = transactions.execute(status -> {
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
                transactions.executeWithoutResult(status -> {
                    tokens.release(group, holder);
                    state.rebuilding(group);
                });
            }
            live.start();
            if (swapped) {
                long now = System.nanoTime();
                log.info("{} now serves reads from its rebuilt tables (switch {} ms: live processor stopped in {} ms,"
                                + " then held {} ms: copy level and stopped after {} ms, tables and tokens swapped in {} ms)",
                        group, millis(now - begun), millis(stopped - begun), millis(now - stopped),
                        millis(paused - stopped), millis(now - paused));
                try {
                    transactions.executeWithoutResult(status -> copies.dropRetired(group));
                } catch (RuntimeException e) {
                    log.warn("The retired tables of {} stay until the next rebuild: {}", group, e.getMessage());
                }
            }
        }
    }

    /**
     * Until the copy has seen every event of the held live tokens, renewing the hold meanwhile; false when it did
     * not get there within {@link #COVER_WAIT} (or the node is shutting down).
     */
    private boolean awaitCopyLevel(String group, CopyProcessor copy, Map<Integer, TrackingToken> held)
            throws InterruptedException {
        Map<Integer, TrackingToken> holding = held;
        long until = System.nanoTime() + COVER_WAIT.toNanos();
        long renewAt = System.nanoTime() + HOLD_RENEWAL.toNanos();
        // the copy's stored tokens, not its segments' positions in memory: those run ahead over events of other
        // segments, and only what is stored is what the switch hands over
        while (!tokens.caughtUpWith(tokens.stored(copy.name()), holding)) {
            if (System.nanoTime() > until || closing.getAsBoolean()) {
                log.warn("The copy of {} did not reach the live position within {}; trying again", group,
                        COVER_WAIT);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
            if (System.nanoTime() > renewAt) {
                holding = transactions.execute(status -> tokens.hold(group, holder));
                renewAt = System.nanoTime() + HOLD_RENEWAL.toNanos();
            }
        }
        return true;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
