package io.masspay.infra.axon;

import io.masspay.command.batch.ConcurrentSubmission;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one retry of a lost race: sends a command again when it lost a race for its aggregate to another
 * node (the event store refused its append: {@link ConcurrencyException}; a lock wait broken as a
 * {@link DeadlockException}) or two submissions of one CustomerBatchId met ({@link ConcurrentSubmission}: the
 * retry finds the other's batch and answers as for a repeat), so an operator's funding or a recipient's cash-out on one
 * node does not fail with a 500 because the payments processor on another node just wrote to the same
 * wallet (ADR 0010). Only for commands sent from outside any unit of work or transaction, i.e. from the
 * web layer: a command sent inside an event processor's batch must fail that batch instead, whose
 * rollback and retry (with the whole batch, from its token) are the processor's. Any other failure is a
 * decision of the aggregate and is never retried.
 */
public class ConflictRetry implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration backoff;

    public ConflictRetry(ScheduledExecutorService executor, int maxRetries, Duration backoff) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || !isConflict(lastFailure) || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        executor.schedule(commandDispatch, backoff.toMillis() * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DeadlockException || t instanceof ConcurrentSubmission) {
                return true;
            }
        }
        return false;
    }
}
