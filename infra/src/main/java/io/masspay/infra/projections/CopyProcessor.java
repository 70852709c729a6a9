package io.masspay.infra.projections;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second processor for a read model's own handlers, building its copy in the rebuild schema (ADR 0019): the
 * live processor's handler invoker (the same projection beans, sequencing policy and segments), its own name
 * and tokens ({@code <group>@rebuild}, from the first event), and a transaction manager that points every
 * unqualified table name at the rebuild schema ({@code set local search_path}, so it lasts for the transaction
 * only and the pooled connection comes back as it was). It runs on the node that started the rebuild only.
 */
final class CopyProcessor {

    private final String name;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    private CopyProcessor(String name, PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                          ScheduledExecutorService workers) {
        this.name = name;
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
    }

    static String nameOf(String group) {
        return group + "@rebuild";
    }

    static CopyProcessor of(String group, StreamingEventProcessor live, int segments, int batchSize,
                            StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                            TransactionManager transactions, JdbcTemplate jdbc) {
        if (!(live instanceof AbstractEventProcessor handlers)) {
            throw new IllegalStateException(group + " is not a processor whose handlers can be run twice");
        }
        String name = nameOf(group);
        String schema = ReadModelCopies.buildSchema(group);
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1, named(name + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments, named(name + "-worker"));
        TransactionManager inCopy = () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                jdbc.execute("set local search_path to " + schema + ", public");
                // a copy lost in a crash is rebuilt, never read: its commits need not wait for the disk
                jdbc.execute("set local synchronous_commit to off");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(handlers.eventHandlerInvoker())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(inCopy)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                // it runs on this node alone: claim its segments without Axon's 5 s pause between claim rounds
                .tokenClaimInterval(200)
                // a segment whose events all belong to other segments advances in memory and stores its token only
                // when its claim is extended (5 s by default); the switch compares stored tokens, so store often
                .claimExtensionThreshold(200)
                .build();
        return new CopyProcessor(name, processor, coordinator, workers);
    }

    String name() {
        return name;
    }

    void start() {
        processor.start();
    }

    /** Every segment claimed here and at the end of the store when last it looked. */
    boolean caughtUp(int segments) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.size() == segments && status.values().stream()
                .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    /** A segment in error: its handlers failed, and Axon retries with a backoff. */
    boolean failing() {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /** Committed positions, by segment (only the segments claimed here). */
    Map<Integer, TrackingToken> positions() {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        processor.processingStatus().forEach((segment, status) -> tokens.put(segment, status.getTrackingToken()));
        return tokens;
    }

    /** Stops it (the batch in hand commits, the claims go) and its threads. */
    void stop() throws Exception {
        try {
            processor.shutdownAsync().get(1, TimeUnit.MINUTES);
        } finally {
            shutdown(coordinator);
            shutdown(workers);
        }
    }

    /** Stops it for the switch, keeping its threads: it may have to go on if the switch cannot happen now. */
    void pause() throws Exception {
        processor.shutdownAsync().get(1, TimeUnit.MINUTES);
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
