package io.masspay.command.batch;

import io.masspay.command.batch.intake.AcceptedItem;
import io.masspay.command.batch.intake.BatchIntake;
import io.masspay.command.batch.intake.Intake;
import io.masspay.command.transfer.Transaction;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.transfer.ItemSubmitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Accepts a batch in ONE unit of work, hence one database transaction: the id claims, the Batch
 * aggregate and one Transaction aggregate per accepted item commit together or not at all. The 202
 * is sent after that commit, so an accepted item is never lost (see DESIGN.md, "the cost model").
 */
@Component
class BatchSubmissionHandler {

    private static final int FIRST_ATTEMPT = 1;

    private final BatchIntake intake;
    private final Repository<Batch> batches;
    private final Repository<Transaction> transactions;

    BatchSubmissionHandler(BatchIntake intake, Repository<Batch> batches, Repository<Transaction> transactions) {
        this.intake = intake;
        this.batches = batches;
        this.transactions = transactions;
    }

    @CommandHandler
    public Intake handle(SubmitBatch command) throws Exception {
        Intake accepted = intake.review(command.caller(), command.request());
        batches.newInstance(() -> new Batch(new BatchSubmitted(accepted.batchId(), accepted.issuer(),
                accepted.customerBatchId(), accepted.sourceWallet(), accepted.currency(), accepted.receivedCount(),
                accepted.accepted().size(), accepted.rejected())));
        for (AcceptedItem item : accepted.accepted()) {
            transactions.newInstance(() -> new Transaction(new ItemSubmitted(item.transactionId(), accepted.batchId(),
                    accepted.issuer(), item.customerTransactionId(), item.recipientId(), item.sendMethod(),
                    item.amount(), accepted.sourceWallet(), item.recipientWallet(), FIRST_ATTEMPT, item.position())));
        }
        return accepted;
    }
}
