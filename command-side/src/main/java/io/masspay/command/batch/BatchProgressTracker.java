package io.masspay.command.batch;

import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSucceeded;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells each batch where its items ended, whichever path ended them (a wallet credit, a failed debit,
 * a payout saga): one {@link RecordItemOutcomes} per batch per processed chunk, in the processor's
 * transaction. Never replayed: it issues commands.
 */
@Component
@ProcessingGroup(BatchProgressTracker.GROUP)
class BatchProgressTracker {

    static final String GROUP = "batch-progress";
    private final CommandGateway commands;
    private final UnitOfWorkBuffer<Map<BatchId, List<ItemOutcome>>> outcomes;

    BatchProgressTracker(CommandGateway commands) {
        this.commands = commands;
        this.outcomes = new UnitOfWorkBuffer<>(BatchProgressTracker.class.getName() + ".outcomes", LinkedHashMap::new,
                perBatch -> perBatch.forEach((id, finished) -> commands.sendAndWait(new RecordItemOutcomes(id, finished))));
    }

    @EventHandler
    @DisallowReplay
    void on(ItemSucceeded event) {
        record(event.batchId(), event.transactionId(), event.attemptNo(), ItemStatus.Success);
    }

    @EventHandler
    @DisallowReplay
    void on(ItemFailed event) {
        record(event.batchId(), event.transactionId(), event.attemptNo(), ItemStatus.Failed);
    }

    @EventHandler
    @DisallowReplay
    void on(RetainedInWallet event) {
        record(event.batchId(), event.transactionId(), event.attemptNo(), ItemStatus.RetainedInWallet);
    }

    /** A cash-out has no batch to tell. */
    private void record(BatchId batch, TransactionId item, int attemptNo, ItemStatus status) {
        if (batch == null) {
            return;
        }
        outcomes.current().computeIfAbsent(batch, k -> new ArrayList<>()).add(new ItemOutcome(item, attemptNo, status));
    }
}
