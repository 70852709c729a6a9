package io.masspay.command.batch;

import io.masspay.command.batch.intake.SubmissionClaims;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transfer.FailItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

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

    CancelledItems(SubmissionClaims claims, CommandGateway commands) {
        this.claims = claims;
        this.commands = commands;
    }

    @Override
    public void cancelAll(BatchId batchId) {
        for (TransactionId item : claims.transactionsOf(batchId)) {
            commands.sendAndWait(new FailItem(item, FIRST_ATTEMPT, ErrorCode.CANCELLED));
        }
    }
}
