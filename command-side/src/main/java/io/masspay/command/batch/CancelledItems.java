package io.masspay.command.batch;

import io.masspay.command.batch.intake.SubmissionClaims;
import io.masspay.command.walletfirst.CachedAggregates;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transaction.FailItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@link StoppedItems} through each item's Transaction: the commands join the stopping unit of work (one
 * database transaction). A held batch's items are all in their first attempt: a retry of a held batch adds or
 * replays items, it never starts an attempt, since nothing of it was tried yet.
 */
@Component
class CancelledItems implements StoppedItems {

    private static final int FIRST_ATTEMPT = 1;

    private final SubmissionClaims claims;
    private final CommandGateway commands;
    private final CachedAggregates cached;

    CancelledItems(SubmissionClaims claims, CommandGateway commands, CachedAggregates cached) {
        this.claims = claims;
        this.commands = commands;
        this.cached = cached;
    }

    /**
     * One query for the ids and one for the cached Transactions' versions (as a payments chunk does), then one
     * in-memory command per item; only a Transaction the node's cache no longer holds is read from the store.
     */
    @Override
    public void cancelAll(BatchId batchId) {
        List<TransactionId> items = claims.transactionsOf(batchId);
        cached.verify(items.stream().map(TransactionId::value).toList());
        for (TransactionId item : items) {
            commands.sendAndWait(new FailItem(item, FIRST_ATTEMPT, ErrorCode.CANCELLED));
        }
    }
}
