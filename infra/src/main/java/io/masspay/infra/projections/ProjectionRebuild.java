package io.masspay.infra.projections;

import io.masspay.infra.axon.SkippingEventSource;
import io.masspay.infra.cluster.NodeName;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * which have seen at least everything the live ones had. A switch that cannot take the tables within its lock
 * timeout (long reads) lets go and is tried again ({@link Switchover}); a rebuild that fails leaves the live read
 * model as it was ({@link ReadModelRebuild}).
 *
 * <p>This class is the operator's entry and this node's share: which read models it claims, the threads their
 * rebuilds run on, and stopping them when the node shuts down.
 */
@Component
class ProjectionRebuild implements DisposableBean {

    private final EventProcessingConfiguration processing;
    private final RebuildState state;
    private final ReadModelRebuild rebuilds;
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
                      TokenStore tokenStore, @Qualifier("readModelEvents") SkippingEventSource readModelEvents, StoredTokens tokenRows, NodeName node,
                      @Value("${masspay.rebuild.batch-size:2000}") int batchSize) {
        this.processing = processing;
        this.state = new RebuildState(jdbc, node);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ReadModelCopies copies = new ReadModelCopies(jdbc);
        TokenHandover tokens = new TokenHandover(jdbc, tokenRows);
        Switchover switchover = new Switchover(transactions, copies, tokens, state,
                TokenHandover.holder(node.value()), () -> closing);
        CopyProcessors copyProcessors = new CopyProcessors(batchSize, readModelEvents, tokenStore,
                axonTransactionManager, jdbc);
        this.rebuilds = new ReadModelRebuild(this::processor, copyProcessors, switchover, jdbc, transactions, copies,
                tokens, state, () -> closing);
    }

    /** Starts a rebuild of every read model not being rebuilt already (here or on another node). */
    synchronized List<String> start() {
        List<String> started = new ArrayList<>();
        for (String group : ReadModels.GROUPS) {
            processor(group);
            if (!building.contains(group) && state.claim(group)) {
                building.add(group);
                started.add(group);
                workers.execute(() -> {
                    try {
                        rebuilds.run(group);
                    } finally {
                        building.remove(group);
                    }
                });
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

    @Override
    public void destroy() {
        closing = true;
        workers.shutdownNow();
    }
}
