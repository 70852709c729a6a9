package io.masspay.command.batch;

import io.masspay.command.admission.Admission;
import io.masspay.command.batch.intake.FieldOrder;
import io.masspay.command.batch.intake.Review;
import io.masspay.command.batch.intake.SubmissionClaims;
import io.masspay.command.batch.intake.SubmissionClaims.ItemClaim;
import io.masspay.command.batch.intake.SubmissionClaims.NewClaim;
import io.masspay.command.batch.intake.ValidItem;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.batch.ResubmitBatch;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transaction.PaymentLane;
import io.masspay.kernel.transaction.ResumeItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resubmission of an existing CustomerBatchId (API.md section 2). Per item, matched by
 * CustomerTransactionId: the same id with another RecipientId, Amount or SendMethodId is an
 * IDEMPOTENCY_MISMATCH; an id of another batch refuses the request (409); a new id is a new item of
 * the batch; for each item the batch already has, its Transaction decides (already completed,
 * idempotent replay, or a new attempt): it is the one that knows, the batch's own view may lag.
 * A pure replay writes nothing.
 */
@Component
class BatchRetry {

    private final SubmissionClaims claims;
    private final CommandGateway commands;
    private final BatchItems items;
    private final Admission admission;

    BatchRetry(SubmissionClaims claims, CommandGateway commands, BatchItems items, Admission admission) {
        this.admission = admission;
        this.claims = claims;
        this.commands = commands;
        this.items = items;
    }

    SubmissionOutcome resubmit(SubmissionClaims.ExistingBatch batch, Review review) throws Exception {
        requireSameSource(batch, review);
        Map<String, ItemClaim> held = claims.find(review.issuer(),
                review.valid().stream().map(ValidItem::customerTransactionId).toList());
        BatchSubmissionHandler.refuseIfTaken(held.values().stream()
                .filter(c -> !c.batchId().equals(batch.batchId()))
                .map(ItemClaim::customerTransactionId).collect(Collectors.toSet()), review);

        List<RejectedItem> rejected = new ArrayList<>(review.rejected());
        // sorted: concurrent retries of one batch lock its Transactions in the same order, never crosswise
        Map<TransactionId, ValidItem> known = new TreeMap<>(Comparator.comparing(TransactionId::value));
        List<NewClaim> added = new ArrayList<>();
        for (ValidItem item : review.valid()) {
            ItemClaim claim = held.get(item.customerTransactionId());
            if (claim == null) {
                added.add(new NewClaim(item.customerTransactionId(), ServerIds.newTransactionId(), item));
            } else if (item.sameAs(claim.recipientId(), claim.sendMethodId(), claim.amountMinor(), claim.currency())) {
                known.put(claim.transactionId(), item);
            } else {
                rejected.add(mismatch(item));
            }
        }
        Set<String> taken = claims.claimItems(review.issuer(), batch.batchId(), added);
        if (!taken.isEmpty()) {
            throw new ConcurrentSubmission("Items of batch " + batch.batchId() + " were claimed concurrently");
        }
        // new items count against the issuer's cap; new attempts of known ones were admitted once already
        PaymentLane lane = added.isEmpty() ? PaymentLane.BULK
                : admission.admit(review.issuer(), batch.batchId(), added.size());

        List<SubmissionOutcome.Accepted> accepted = new ArrayList<>();
        List<ItemDecision> retried = new ArrayList<>();
        for (Map.Entry<TransactionId, ValidItem> entry : known.entrySet()) {
            ItemDecision decision = commands.sendAndWait(new ResumeItem(entry.getKey()));
            switch (decision.kind()) {
                case AlreadyCompleted -> rejected.add(rejection(entry.getValue(), ErrorCode.ALREADY_COMPLETED,
                        "This item already succeeded; no money moves"));
                case NewAttempt -> {
                    retried.add(decision);
                    accepted.add(accepted(entry.getValue(), decision));
                }
                case Replay -> accepted.add(accepted(entry.getValue(), decision));
            }
        }
        BatchStatus hold = commands.sendAndWait(new ResubmitBatch(batch.batchId(), review.receivedCount(),
                added.stream().map(NewClaim::transactionId).toList(), retried, rejected));
        // items added to a held batch wait with it, and are paid when it is released
        items.create(batch.batchId(), review, added, hold != null ? PaymentLane.HELD : lane);
        added.forEach(c -> accepted.add(BatchItems.accepted(c)));

        accepted.sort(Comparator.comparingInt(SubmissionOutcome.Accepted::position));
        rejected.sort(Comparator.comparing(RejectedItem::field, FieldOrder.BY_ITEM_INDEX));
        SubmissionOutcome outcome = new SubmissionOutcome(batch.batchId(), review.customerBatchId(),
                review.receivedCount(), accepted, rejected, hold);
        if (accepted.isEmpty() && !outcome.nothingLeftToDo()) {
            throw BatchSubmissionHandler.refusedWhole(rejected);
        }
        return outcome;
    }

    static void requireSameSource(SubmissionClaims.ExistingBatch batch, Review review) {
        if (!batch.sourceWallet().equals(review.source().walletId())) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "A retry must use the batch's SourceWalletId",
                    List.of(new FieldError("SourceWalletId", ErrorCode.IDEMPOTENCY_MISMATCH,
                            "Batch " + review.customerBatchId() + " pays from " + batch.sourceWallet().value())));
        }
    }

    /** An item the batch already has, sent again with another RecipientId, Amount or SendMethodId. */
    static RejectedItem mismatch(ValidItem item) {
        return rejection(item, ErrorCode.IDEMPOTENCY_MISMATCH,
                "The batch already has this CustomerTransactionId with another RecipientId, Amount or SendMethodId");
    }

    private static SubmissionOutcome.Accepted accepted(ValidItem item, ItemDecision decision) {
        return new SubmissionOutcome.Accepted(item.position(), item.customerTransactionId(), decision.transactionId(),
                item.recipientId(), decision.attemptNo());
    }

    private static RejectedItem rejection(ValidItem item, ErrorCode code, String message) {
        return new RejectedItem(item.customerTransactionId(), code, item.request().path("CustomerTransactionId"), message);
    }
}
