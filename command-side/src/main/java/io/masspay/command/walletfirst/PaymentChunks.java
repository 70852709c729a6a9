package io.masspay.command.walletfirst;

import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.wallet.RequestPayouts;
import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CompleteItem;
import io.masspay.kernel.transaction.FailItem;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.CreditRecipientWallet;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pays items wallet-first, a chunk at a time. A pooled processor hands over up to its batch size of events in
 * one unit of work; its handlers {@link #add} the items there and they are paid once, just before that unit
 * commits: one debit command per issuer wallet, one credit command per recipient wallet, one payout request
 * per recipient wallet for rail items (a PayoutSaga takes each from there), then one step per wallet item.
 * The commands join the processor's transaction, so the money, the item outcomes and the processor's token
 * commit together (docs/DESIGN.md, "Wallet first"). Two processors use it, one per lane ({@link WalletFirstPayments},
 * {@link ExpressPayments}, ADR 0014); each unit of work is one processor's.
 */
@Component
class PaymentChunks {

    private final CommandGateway commands;
    private final EventStore events;
    private final CachedAggregates cached;
    private final HeldItems heldItems;
    /** Flushed before the unit of work commits: the cached aggregates checked first, then the chunk paid. */
    private final UnitOfWorkBuffer<List<PaymentAttempt>> chunk =
            new UnitOfWorkBuffer<>(PaymentChunks.class.getName() + ".chunk", ArrayList::new, this::verifyThenPay);

    PaymentChunks(CommandGateway commands, EventStore events, CachedAggregates cached, HeldItems heldItems) {
        this.heldItems = heldItems;
        this.commands = commands;
        this.events = events;
        this.cached = cached;
    }

    void add(ItemSubmitted item) {
        chunk.current().add(PaymentAttempt.of(item, item.attemptNo(), true));
    }

    /**
     * A new attempt is paid like a new item, from the issuer (a Failed item moved no money) or from the
     * recipient wallet (a retained item's money is there). Retries are rare, so reading the item's
     * submission back from the event store (one query) beats carrying it in every event.
     */
    void add(AttemptStarted attempt) {
        ItemSubmitted item = submission(attempt.transactionId());
        chunk.current().add(PaymentAttempt.of(item, attempt.attemptNo(), attempt.startFrom() == AttemptStart.IssuerDebit));
    }

    /**
     * A held batch released (approved, or its time came): its items are paid now, from the issuer, as first
     * attempts (a held batch's items never started one), in submission order, read back in one query.
     */
    void add(BatchReleased released) {
        heldItems.of(released.batchId())
                .forEach(item -> chunk.current().add(PaymentAttempt.of(item, item.attemptNo(), true)));
    }

    private ItemSubmitted submission(TransactionId transactionId) {
        return (ItemSubmitted) events.readEvents(transactionId.value()).next().getPayload();
    }

    private void verifyThenPay(List<PaymentAttempt> items) {
        cached.verify(aggregatesTouched(items));
        pay(items);
    }

    /** Debit the issuers, credit the recipients, then complete each wallet item or request its payout. */
    private void pay(List<PaymentAttempt> items) {
        List<PaymentAttempt> fromIssuer = items.stream().filter(PaymentAttempt::fromIssuer).toList();
        Set<TransactionId> debited = debitIssuers(fromIssuer);
        creditRecipients(fromIssuer, debited);
        List<PaymentAttempt> toRails = new ArrayList<>();
        for (PaymentAttempt item : items) {
            if (item.fromIssuer() && !debited.contains(item.transactionId())) {
                fail(item);
            } else if (item.sendMethod().isWallet()) {
                commands.sendAndWait(new CompleteItem(item.transactionId(), item.attemptNo()));
            } else {
                toRails.add(item);
            }
        }
        requestPayouts(toRails);
    }

    /** Items keep their event order per issuer wallet, which is submission order. */
    private Set<TransactionId> debitIssuers(List<PaymentAttempt> items) {
        Set<TransactionId> debited = new HashSet<>();
        groupBy(items, PaymentAttempt::sourceWalletId).forEach((wallet, debits) -> debited.addAll(commands.sendAndWait(
                new DebitIssuerWallet(wallet, debits.stream()
                        .map(i -> new Debit(i.transactionId(), i.attemptNo(), i.amount())).toList()))));
        return debited;
    }

    private void creditRecipients(List<PaymentAttempt> items, Set<TransactionId> debited) {
        List<PaymentAttempt> credited = items.stream().filter(i -> debited.contains(i.transactionId())).toList();
        groupBy(credited, PaymentAttempt::recipientWalletId).forEach((wallet, credits) -> {
            PaymentAttempt first = credits.get(0);
            commands.sendAndWait(new CreditRecipientWallet(wallet, first.issuer(), first.recipientId(),
                    first.amount().currency(),
                    credits.stream().map(i -> new Credit(i.transactionId(), i.attemptNo(), i.amount())).toList()));
        });
    }

    private void requestPayouts(List<PaymentAttempt> items) {
        Map<TransactionId, PaymentAttempt> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.transactionId(), i));
        groupBy(items, PaymentAttempt::recipientWalletId).forEach((wallet, payouts) -> {
            List<TransactionId> refused = commands.sendAndWait(
                    new RequestPayouts(wallet, payouts.stream().map(PaymentAttempt::payout).toList()));
            refused.forEach(id -> fail(byId.get(id)));
        });
    }

    private void fail(PaymentAttempt item) {
        commands.sendAndWait(new FailItem(item.transactionId(), item.attemptNo(), ErrorCode.INSUFFICIENT_FUNDS_RUNTIME));
    }

    /** Every aggregate the chunk's commands load: issuer and recipient wallets, and each item's Transaction. */
    private static Set<String> aggregatesTouched(List<PaymentAttempt> items) {
        Set<String> ids = new HashSet<>();
        for (PaymentAttempt item : items) {
            ids.add(item.transactionId().value());
            ids.add(item.sourceWalletId().value());
            ids.add(item.recipientWalletId().value());
        }
        return ids;
    }

    private static Map<WalletId, List<PaymentAttempt>> groupBy(List<PaymentAttempt> items,
                                                               Function<PaymentAttempt, WalletId> key) {
        Map<WalletId, List<PaymentAttempt>> groups = new LinkedHashMap<>();
        items.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return groups;
    }
}
