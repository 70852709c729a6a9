package io.masspay.command.batch;

import io.masspay.command.batch.dryrun.BatchForecast;
import io.masspay.command.batch.dryrun.DryRunReceipt;
import io.masspay.command.batch.dryrun.Forecast;
import io.masspay.command.batch.dryrun.ForecastItem;
import io.masspay.command.batch.dryrun.RailRisks;
import io.masspay.command.batch.intake.BatchIntake;
import io.masspay.command.batch.intake.BatchRequest;
import io.masspay.command.batch.intake.FieldOrder;
import io.masspay.command.batch.intake.Review;
import io.masspay.command.batch.intake.SubmissionClaims;
import io.masspay.command.batch.intake.SubmissionClaims.ExistingBatch;
import io.masspay.command.batch.intake.SubmissionClaims.ItemClaim;
import io.masspay.command.batch.intake.ValidItem;
import io.masspay.command.wallet.DebitForecasts;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code POST /API/v4/Fund/BatchTransfer?DryRun=true} (API.md section 11): the submission's own review and
 * refusals (same rules, same 4xx), then a forecast of each accepted item against the source wallet's balance now.
 * It runs in a read-only database transaction that is rolled back, so PostgreSQL itself refuses any write: no
 * event, no claim, no admission row, and no recipient wallet reserved (the review's preview reserves none).
 * Admission is not asked: a dry run adds nothing to the issuer's open items and is never refused for them.
 */
@Component
class BatchDryRun {

    private final BatchIntake intake;
    private final SubmissionClaims claims;
    private final DebitForecasts debits;
    private final RailRisks rails;
    private final TransactionTemplate readOnly;

    BatchDryRun(BatchIntake intake, SubmissionClaims claims, DebitForecasts debits, RailRisks rails,
                PlatformTransactionManager transactions) {
        this.intake = intake;
        this.claims = claims;
        this.debits = debits;
        this.rails = rails;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The items of the request sorted as a real submission would treat them. */
    private record Sorted(List<ValidItem> fresh, Map<ValidItem, ItemClaim> known, List<RejectedItem> rejected) {
    }

    DryRunReceipt run(IssuerAccountNumber caller, BatchRequest request) {
        return readOnly.execute(transaction -> {
            transaction.setRollbackOnly();
            return forecast(caller, request);
        });
    }

    private DryRunReceipt forecast(IssuerAccountNumber caller, BatchRequest request) {
        Review review = intake.preview(caller, request);
        Optional<ExistingBatch> existing = request.customerBatchId() == null ? Optional.empty()
                : claims.findBatch(review.issuer(), review.customerBatchId());
        Map<String, ItemClaim> held = claims.find(review.issuer(),
                review.valid().stream().map(ValidItem::customerTransactionId).toList());
        Sorted sorted = existing.map(batch -> asRetry(batch, review, held)).orElseGet(() -> asNew(review, held));

        List<ForecastItem> items = sorted.fresh().stream()
                .map(item -> new ForecastItem(item.position(), item.amount(), item.method())).toList();
        BatchForecast forecast = BatchForecast.of(items,
                debits.plan(review.source().walletId(), items, ForecastItem::amount), rails.now());
        List<DryRunReceipt.DryRunAccepted> accepted = accepted(sorted, forecast);
        return new DryRunReceipt(existing.map(b -> b.batchId().value()).orElse(null), request.customerBatchId(),
                DryRunReceipt.STATUS, review.receivedCount(), accepted.size(), accepted,
                sorted.rejected().stream().map(r -> new DryRunReceipt.DryRunRejected(r.customerTransactionId(),
                        r.errorCode(), r.field(), r.message())).toList(),
                DryRunReceipt.ForecastTotals.of(forecast), existing.map(b -> retryNote(b, sorted)).orElse(null));
    }

    /** As {@link BatchSubmissionHandler}: nothing valid is 422, an id of another batch 409. */
    private static Sorted asNew(Review review, Map<String, ItemClaim> held) {
        if (review.valid().isEmpty()) {
            throw BatchSubmissionHandler.refusedWhole(review.rejected());
        }
        BatchSubmissionHandler.refuseIfTaken(held.keySet(), review);
        return new Sorted(review.valid(), Map.of(), review.rejected());
    }

    /** As {@link BatchRetry}, up to where it would ask each known item's Transaction what to do. */
    private static Sorted asRetry(ExistingBatch batch, Review review, Map<String, ItemClaim> held) {
        BatchRetry.requireSameSource(batch, review);
        BatchSubmissionHandler.refuseIfTaken(held.values().stream().filter(c -> !c.batchId().equals(batch.batchId()))
                .map(ItemClaim::customerTransactionId).collect(Collectors.toSet()), review);
        List<ValidItem> fresh = new ArrayList<>();
        Map<ValidItem, ItemClaim> known = new LinkedHashMap<>();
        List<RejectedItem> rejected = new ArrayList<>(review.rejected());
        for (ValidItem item : review.valid()) {
            ItemClaim claim = held.get(item.customerTransactionId());
            if (claim == null) {
                fresh.add(item);
            } else if (item.sameAs(claim.recipientId(), claim.sendMethodId(), claim.amountMinor(), claim.currency())) {
                known.put(item, claim);
            } else {
                rejected.add(BatchRetry.mismatch(item));
            }
        }
        rejected.sort(Comparator.comparing(RejectedItem::field, FieldOrder.BY_ITEM_INDEX));
        if (fresh.isEmpty() && known.isEmpty()) {
            throw BatchSubmissionHandler.refusedWhole(rejected);
        }
        return new Sorted(fresh, known, rejected);
    }

    private static List<DryRunReceipt.DryRunAccepted> accepted(Sorted sorted, BatchForecast forecast) {
        List<ValidItem> all = new ArrayList<>(sorted.fresh());
        all.addAll(sorted.known().keySet());
        all.sort(Comparator.comparingInt(ValidItem::position));
        return all.stream().map(item -> {
            ItemClaim claim = sorted.known().get(item);
            if (claim != null) {
                return new DryRunReceipt.DryRunAccepted(item.customerTransactionId(), claim.transactionId().value(),
                        item.recipientId().value(), DryRunReceipt.STATUS, null, null, null);
            }
            Forecast f = forecast.byPosition().get(item.position());
            return new DryRunReceipt.DryRunAccepted(item.customerTransactionId(), null, item.recipientId().value(),
                    DryRunReceipt.STATUS, BatchItems.FIRST_ATTEMPT, f.outcome(), f.errorCode());
        }).toList();
    }

    private static String retryNote(ExistingBatch batch, Sorted sorted) {
        return "CustomerBatchId names batch " + batch.batchId().value() + ": submitted for real, this request is a "
                + "retry of it (API.md section 2). The " + sorted.fresh().size() + " item(s) new to the batch are "
                + "forecast; the " + sorted.known().size() + " it already holds are not (Forecast null): a retry "
                + "completes, replays or pays each again according to its outcome so far, which GET "
                + "/API/v4/Fund/BatchTransfer/" + batch.batchId().value() + " shows. Nothing was changed.";
    }
}
