package io.masspay.infra.ops;

import org.axonframework.common.AxonThreadFactory;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one-thread executor a pooled processor's coordinator runs on, as Axon builds it by default (same thread
 * name), but telling {@link ProcessorThreads} when a coordinator task ends with an {@link Error}. Axon's
 * coordinator catches exceptions and retries with backoff; an error escapes into the task's future, where
 * nothing looks, and the coordinator is never scheduled again.
 */
final class WatchedCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    private final String processor;
    private final ProcessorThreads threads;

    WatchedCoordinatorExecutor(String processor, ProcessorThreads threads) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
        this.processor = processor;
        this.threads = threads;
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        Throwable failure = thrown;
        if (failure == null && task instanceof Future<?> future && future.isDone()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (CancellationException | InterruptedException cancelledOrStopping) {
                // a cancelled task is the coordinator's own doing (shutdown, a new schedule)
            }
        }
        if (failure instanceof Error) {
            threads.died(processor, Thread.currentThread().getName(), failure);
        }
    }
}
