package io.masspay.command.batch;

import io.masspay.command.batch.intake.Review;
import io.masspay.command.batch.intake.SubmissionClaims.NewClaim;
import io.masspay.command.batch.intake.ValidItem;
import io.masspay.command.transaction.Transaction;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.ExpressItems;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.PaymentLane;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates one Transaction aggregate per new item with {@code Repository.newInstance}, inside the
 * submission's unit of work: no command round trip per item, one append at commit for all of them.
 */
@Component
class BatchItems {

    static final int FIRST_ATTEMPT = 1;

    private final Repository<Transaction> transactions;
    private final EventGateway events;

    BatchItems(Repository<Transaction> transactions, EventGateway events) {
        this.transactions = transactions;
        this.events = events;
    }

    void create(BatchId batchId, Review review, List<NewClaim> newClaims, PaymentLane lane) throws Exception {
        List<ItemSubmitted> express = new ArrayList<>();
        for (NewClaim claim : newClaims) {
            ValidItem item = claim.item();
            ItemSubmitted submitted = new ItemSubmitted(claim.transactionId(), batchId,
                    review.issuer(), item.customerTransactionId(), item.recipientId(), item.method(), item.amount(),
                    review.source().walletId(), item.recipientWallet(), item.destination(), FIRST_ATTEMPT,
                    item.position(), lane);
            transactions.newInstance(() -> new Transaction(submitted));
            if (lane == PaymentLane.EXPRESS) {
                express.add(submitted);
            }
        }
        if (!express.isEmpty()) {
            // after the Transactions: stored after their ItemSubmitted events, in the same transaction
            events.publish(new ExpressItems(review.source().walletId(), express));
        }
    }

    static SubmissionOutcome.Accepted accepted(NewClaim claim) {
        return new SubmissionOutcome.Accepted(claim.item().position(), claim.customerTransactionId(),
                claim.transactionId(), claim.item().recipientId(), FIRST_ATTEMPT);
    }
}
