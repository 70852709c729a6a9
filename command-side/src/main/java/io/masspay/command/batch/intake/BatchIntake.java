package io.masspay.command.batch.intake;

import io.masspay.command.directory.RecipientDirectory;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.AmountParser;
import io.masspay.kernel.payout.SendMethod;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reviews a submission in a constant number of queries, whatever its size: format rules per item,
 * then one bulk load of recipients and named wallets, ownership rules per item, one bulk resolution of
 * default wallets and one statement claiming every CustomerTransactionId. Must run inside the
 * submission's transaction so the claims commit with the events.
 */
@Component
public class BatchIntake {

    private final EnvelopeReview envelope;
    private final RecipientDirectory recipients;
    private final WalletRegistry wallets;
    private final SubmissionClaims claims;

    BatchIntake(EnvelopeReview envelope, RecipientDirectory recipients, WalletRegistry wallets,
                SubmissionClaims claims) {
        this.envelope = envelope;
        this.recipients = recipients;
        this.wallets = wallets;
        this.claims = claims;
    }

    public Intake review(IssuerAccountNumber caller, BatchRequest request) {
        WalletEntry source = envelope.review(caller, request);
        IntakeContext context = new IntakeContext(caller, source.currency());
        List<RejectedItem> rejected = new ArrayList<>();

        List<ItemRequest> wellFormed = apply(FormatRules.all(), request.items(), context, rejected);
        context.useLookups(
                recipients.findAll(caller, wellFormed.stream().map(i -> new RecipientId(i.recipientId())).toList()),
                wallets.findAll(wellFormed.stream().map(i -> i.destination().get(OwnershipRules.WALLET_ID))
                        .filter(id -> id != null).map(WalletId::new).toList()));
        List<ItemRequest> valid = apply(OwnershipRules.all(), wellFormed, context, rejected);

        if (valid.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "No item of the batch is valid",
                    rejected.stream().map(r -> new FieldError(r.field(), r.errorCode(), r.message())).toList());
        }
        BatchId batchId = ServerIds.newBatchId();
        String customerBatchId = Optional.ofNullable(request.customerBatchId()).orElseGet(() -> ServerIds.random("cb_"));
        List<AcceptedItem> accepted = accept(caller, valid, context);
        claims.claimBatch(caller, customerBatchId, batchId);
        claims.claimItems(caller, batchId, accepted);
        rejected.sort(java.util.Comparator.comparing(RejectedItem::field, FieldOrder.BY_ITEM_INDEX));
        return new Intake(batchId, caller, customerBatchId, source.walletId(), source.currency(),
                request.items().size(), accepted, rejected);
    }

    private static List<ItemRequest> apply(List<ItemRule> rules, List<ItemRequest> items, IntakeContext context,
                                           List<RejectedItem> rejected) {
        List<ItemRequest> passed = new ArrayList<>();
        for (ItemRequest item : items) {
            Optional<FieldError> failure = rules.stream()
                    .map(rule -> rule.check(item, context))
                    .flatMap(Optional::stream)
                    .findFirst();
            failure.ifPresentOrElse(
                    f -> rejected.add(new RejectedItem(item.customerTransactionId(), f.errorCode(), f.field(), f.message())),
                    () -> passed.add(item));
        }
        return passed;
    }

    private List<AcceptedItem> accept(IssuerAccountNumber caller, List<ItemRequest> valid, IntakeContext context) {
        Set<RecipientId> needDefault = new LinkedHashSet<>();
        for (ItemRequest item : valid) {
            if (item.destination().get(OwnershipRules.WALLET_ID) == null) {
                needDefault.add(new RecipientId(item.recipientId()));
            }
        }
        Map<RecipientId, WalletId> defaults = needDefault.isEmpty()
                ? Map.of()
                : wallets.defaultRecipientWallets(caller, needDefault, context.currency());
        return valid.stream().map(item -> {
            RecipientId recipient = new RecipientId(item.recipientId());
            String named = item.destination().get(OwnershipRules.WALLET_ID);
            WalletId wallet = named != null ? new WalletId(named) : defaults.get(recipient);
            return new AcceptedItem(item.index(), ServerIds.newTransactionId(), item.customerTransactionId(),
                    recipient, SendMethod.valueOf(item.sendMethodId()),
                    AmountParser.parse(item.amount(), context.currency()).orElseThrow(), wallet);
        }).toList();
    }
}
