package io.masspay.infra.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every read model from the event store through Axon: per processor, shut it down (its
 * segments are released), reset its tokens (the reset handlers empty its tables, in the same
 * transaction that stores the replay tokens) and start it again; it then replays from the first event
 * while new events keep coming in. Runs in the background: the request only starts it.
 *
 * <p>Resetting needs every segment unclaimed, so on several nodes the others must not hold the
 * processor at that moment; a reset that fails is logged and the processor restarted unchanged.
 */
@Component
class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Starts a rebuild of every read model; while one runs, asking again changes nothing. */
    synchronized void start() {
        if (!pending.isEmpty()) {
            return;
        }
        pending.addAll(ReadModels.GROUPS);
        worker.execute(() -> ReadModels.GROUPS.forEach(this::rebuild));
    }

    /** Still waiting for its reset: its tables may still be the old ones, or empty. */
    boolean isPending(String name) {
        return pending.contains(name);
    }

    StreamingEventProcessor processor(String name) {
        if (ReadModels.ACTING.contains(name)) {
            throw new IllegalArgumentException(name + " acts on events and is never rebuilt");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }

    private void rebuild(String name) {
        try {
            StreamingEventProcessor processor = processor(name);
            if (!processor.supportsReset()) {
                log.error("Processor {} does not support a reset; left as it is", name);
                return;
            }
            try {
                processor.shutdownAsync().get(1, TimeUnit.MINUTES);
                processor.resetTokens();
                log.info("Processor {} reset; replaying the event store", name);
            } finally {
                processor.start();
            }
        } catch (Exception e) {
            log.error("Rebuild of {} failed; the processor goes on from where it was", name, e);
        } finally {
            pending.remove(name);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
