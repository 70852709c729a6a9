package io.masspay.rails.dispatch;

import io.masspay.kernel.transaction.RailAnswer;
import io.masspay.kernel.transaction.RecordRailAnswers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records rail replies in batches: whatever arrived within {@code masspay.rails.record-window} (up to 500)
 * goes into one unit of work and one transaction, the items' answers ({@link RecordRailAnswers}) and the
 * dispatch rows' bookkeeping together (ADR 0013). A batch that fails is tried again whole, then answer by
 * answer, so one that cannot be recorded holds up no other; an unrecorded reply loses nothing, its row's
 * lease expires and the key is asked again.
 */
@Component
class AnswerRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnswerRecorder.class);
    private static final int MAX_BATCH = 500;

    private record Pending(Decision decision, CompletableFuture<Void> recorded) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final RailPayoutStore store;
    private final DispatchSignal signal;
    private final Duration window;
    private volatile boolean running;
    private Thread worker;

    AnswerRecorder(CommandGateway commands, TransactionManager transactions, RailPayoutStore store,
                   DispatchSignal signal, @Value("${masspay.rails.record-window:PT0.02S}") Duration window) {
        this.commands = commands;
        this.transactions = transactions;
        this.store = store;
        this.signal = signal;
        this.window = window;
    }

    /** Completes once the decision is committed (a callback answers its provider only then). */
    CompletableFuture<Void> record(Decision decision) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        if (!running) {
            recorded.completeExceptionally(new IllegalStateException("The answer recorder is stopped"));
            return recorded;
        }
        queue.add(new Pending(decision, recorded));
        return recorded;
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "rail-answers");
        worker.setDaemon(true);
        worker.start();
    }

    /** Records what is queued, then stops; replies that arrive later are asked for again after their lease. */
    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the dispatcher (which feeds it) and before the database pool. */
    @Override
    public int getPhase() {
        return RailDispatcher.PHASE - 1;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                List<Pending> batch = nextBatch();
                if (!batch.isEmpty()) {
                    recordInBatches(batch);
                    signal.wake();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    drainOnce();
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Recording rail answers failed; their keys are asked again after their lease", e);
            }
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + window.toNanos();
        while (batch.size() < MAX_BATCH) {
            Pending next = queue.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
        return batch;
    }

    private void drainOnce() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            recordInBatches(rest);
        }
    }

    private void recordInBatches(List<Pending> batch) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                write(batch);
                batch.forEach(p -> p.recorded().complete(null));
                return;
            } catch (RuntimeException e) {
                log.warn("Recording {} rail answers failed (try {} of 3): {}", batch.size(), attempt, e.toString());
            }
        }
        for (Pending one : batch) {
            try {
                write(List.of(one));
                one.recorded().complete(null);
            } catch (RuntimeException e) {
                log.error("Rail answer {} not recorded; asked again after its lease", one.decision().update() == null
                        ? one.decision().answer() : one.decision().update().key(), e);
                one.recorded().completeExceptionally(e);
            }
        }
    }

    private void write(List<Pending> batch) {
        List<RailAnswer> answers = batch.stream().map(p -> p.decision().answer()).filter(Objects::nonNull).toList();
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("rail-answers"));
        unit.attachTransaction(transactions);
        ResultMessage<?> result = unit.executeWithResult(() -> {
            List<String> waiting = answers.isEmpty() ? List.of() : commands.sendAndWait(new RecordRailAnswers(answers));
            store.update(batch.stream().map(p -> p.decision().update()).filter(Objects::nonNull).toList());
            store.settleUnpaid(batch.stream().map(p -> p.decision().unpaidKey()).filter(Objects::nonNull).toList());
            store.retrySoon(waiting, ReplyRules.LATE_PAYMENT_RETRY);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
