package io.masspay.command.batch.intake;

import io.masspay.command.directory.DestinationDirectory;
import io.masspay.command.directory.Destinations;
import io.masspay.command.directory.RecipientDirectory;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.AmountParser;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.payout.SendMethod;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reviews a submission in a constant number of queries, whatever its size: format rules per item, one
 * bulk load each of recipients, named wallets, bank accounts and cards, ownership rules per item, and
 * one bulk resolution of default wallets. It claims nothing: {@code BatchSubmissionHandler} decides
 * whether the batch is new or a retry. Runs inside the submission's transaction.
 */
@Component
public class BatchIntake {

    private final EnvelopeReview envelope;
    private final RecipientDirectory recipients;
    private final DestinationDirectory destinations;
    private final WalletRegistry wallets;

    BatchIntake(EnvelopeReview envelope, RecipientDirectory recipients, DestinationDirectory destinations,
                WalletRegistry wallets) {
        this.envelope = envelope;
        this.recipients = recipients;
        this.destinations = destinations;
        this.wallets = wallets;
    }

    public Review review(IssuerAccountNumber caller, BatchRequest request) {
        return review(caller, request, true);
    }

    /**
     * The same review for a dry run: every rule alike, but a recipient without a default wallet gets none (the
     * wallet a real submission would reserve is not reserved), so the review writes nothing.
     */
    public Review preview(IssuerAccountNumber caller, BatchRequest request) {
        return review(caller, request, false);
    }

    private Review review(IssuerAccountNumber caller, BatchRequest request, boolean reserveWallets) {
        WalletEntry source = envelope.review(caller, request);
        IntakeContext context = new IntakeContext(caller, source.currency());
        List<RejectedItem> rejected = new ArrayList<>();

        List<ItemRequest> wellFormed = apply(FormatRules.withDestinations(), request.items(), context, rejected);
        List<RecipientId> recipientIds = wellFormed.stream().map(i -> new RecipientId(i.recipientId())).toList();
        context.useLookups(recipients.findAll(caller, recipientIds), namedWallets(wellFormed),
                needsDestinations(wellFormed) ? destinations.forRecipients(caller, recipientIds) : Destinations.NONE);
        List<ItemRequest> valid = apply(OwnershipRules.all(), wellFormed, context, rejected);

        rejected.sort(Comparator.comparing(RejectedItem::field, FieldOrder.BY_ITEM_INDEX));
        String customerBatchId = Optional.ofNullable(request.customerBatchId()).orElseGet(() -> ServerIds.newId("cb_"));
        return new Review(caller, source, customerBatchId, request.items().size(),
                resolve(caller, valid, context, reserveWallets), rejected,
                ScheduledFor.startAt(request.scheduledFor(), Instant.now()));
    }

    /**
     * Reviews a single payout item outside a batch (a cash-out) with the same rules, and answers its
     * resolved destination; every problem refuses it with 422 VALIDATION_FAILED.
     */
    public Map<String, String> reviewCashout(IssuerAccountNumber caller, ItemRequest item, CurrencyCode currency) {
        IntakeContext context = new IntakeContext(caller, currency);
        List<RejectedItem> rejected = new ArrayList<>();
        List<ItemRequest> wellFormed = apply(FormatRules.withDestinations(), List.of(item), context, rejected);
        if (wellFormed.isEmpty()) {
            throw refused(rejected);
        }
        List<RecipientId> recipient = List.of(new RecipientId(item.recipientId()));
        context.useLookups(recipients.findAll(caller, recipient), Map.of(),
                destinations.forRecipients(caller, recipient));
        if (apply(OwnershipRules.all(), wellFormed, context, rejected).isEmpty()) {
            throw refused(rejected);
        }
        return DestinationResolver.resolve(item, context);
    }

    private static MassPayException refused(List<RejectedItem> rejected) {
        return new MassPayException(ErrorCode.VALIDATION_FAILED, "The cash-out was refused", rejected.stream()
                .map(r -> new FieldError(r.field().replaceFirst("^Items\\[0]\\.", ""), r.errorCode(), r.message()))
                .toList());
    }

    private Map<WalletId, WalletEntry> namedWallets(List<ItemRequest> items) {
        List<WalletId> named = items.stream().map(i -> i.destination().get(OwnershipRules.WALLET_ID))
                .filter(Objects::nonNull).map(WalletId::new).toList();
        return named.isEmpty() ? Map.of() : wallets.findAll(named);
    }

    private static boolean needsDestinations(List<ItemRequest> items) {
        return items.stream().map(i -> SendMethod.fromId(i.sendMethodId())).anyMatch(SendMethod::needsStoredDestination);
    }

    /** Each item's first failing rule rejects it; the items no rule rejects pass on, in order. */
    static List<ItemRequest> apply(List<ItemRule> rules, List<ItemRequest> items, IntakeContext context,
                                   List<RejectedItem> rejected) {
        List<ItemRequest> passed = new ArrayList<>();
        for (ItemRequest item : items) {
            rules.stream()
                    .map(rule -> rule.check(item, context))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresentOrElse(
                            f -> rejected.add(new RejectedItem(item.customerTransactionId(), f.errorCode(), f.field(),
                                    f.message())),
                            () -> passed.add(item));
        }
        return passed;
    }

    /** Every valid item gets its recipient wallet: the named one, or the default (reserved when new). */
    private List<ValidItem> resolve(IssuerAccountNumber caller, List<ItemRequest> valid, IntakeContext context,
                                    boolean reserveWallets) {
        Set<RecipientId> needDefault = new LinkedHashSet<>();
        for (ItemRequest item : valid) {
            if (!SendMethod.fromId(item.sendMethodId()).isWallet()
                    || item.destination().get(OwnershipRules.WALLET_ID) == null) {
                needDefault.add(new RecipientId(item.recipientId()));
            }
        }
        Map<RecipientId, WalletId> defaults = needDefault.isEmpty() ? Map.of()
                : reserveWallets ? wallets.defaultRecipientWallets(caller, needDefault, context.currency())
                : wallets.existingDefaults(caller, needDefault, context.currency());
        return valid.stream().map(item -> {
            RecipientId recipient = new RecipientId(item.recipientId());
            SendMethod method = SendMethod.fromId(item.sendMethodId());
            String named = method.isWallet() ? item.destination().get(OwnershipRules.WALLET_ID) : null;
            return new ValidItem(item, recipient, method,
                    AmountParser.parse(item.amount(), context.currency()).orElseThrow(),
                    named != null ? new WalletId(named) : defaults.get(recipient),
                    DestinationResolver.resolve(item, context));
        }).toList();
    }
}
