package io.masspay.command.payment;

import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.payout.ItemStatus;
import io.masspay.kernel.transfer.AttemptStart;
import io.masspay.kernel.transfer.AttemptStarted;
import io.masspay.kernel.transfer.CompleteItem;
import io.masspay.kernel.transfer.FailItem;
import io.masspay.kernel.transfer.ItemSubmitted;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.CreditRecipientWallet;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pays submitted items wallet-first, a chunk at a time. The pooled processor hands over up to its
 * batch size of events in one unit of work; the items are collected there and paid once, just before
 * that unit commits: one debit command per issuer wallet, one credit command per recipient wallet,
 * then one step per item and one progress note per batch. The commands join the processor's transaction, so the money, the item
 * outcomes and the processor's token commit together (DESIGN.md, step 2).
 *
 * <p>Never replayed: it issues commands, and a replay would pay again.
 */
@Component
@ProcessingGroup(WalletFirstPayments.GROUP)
public class WalletFirstPayments {

    public static final String GROUP = "payments";
    private static final String CHUNK = WalletFirstPayments.class.getName() + ".chunk";

    private final CommandGateway commands;
    private final EventStore events;

    public WalletFirstPayments(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    @DisallowReplay
    void on(ItemSubmitted item) {
        chunk().add(PaymentAttempt.of(item, item.attemptNo()));
    }

    /**
     * A Failed item's new attempt is paid like a new item. Retries are rare, so reading the item's
     * submission back from the event store here (one query) is cheaper than carrying it in every event.
     */
    @EventHandler
    @DisallowReplay
    void on(AttemptStarted attempt) {
        if (attempt.startFrom() == AttemptStart.IssuerDebit) {
            ItemSubmitted item = (ItemSubmitted) events.readEvents(attempt.transactionId().value()).next().getPayload();
            chunk().add(PaymentAttempt.of(item, attempt.attemptNo()));
        }
    }

    private List<PaymentAttempt> chunk() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(CHUNK, key -> {
            List<PaymentAttempt> items = new ArrayList<>();
            root.onPrepareCommit(unit -> pay(items));
            return items;
        });
    }

    private void pay(List<PaymentAttempt> items) {
        Set<TransactionId> debited = debitIssuers(items);
        creditRecipients(items, debited);
        Map<BatchId, List<ItemOutcome>> outcomes = new LinkedHashMap<>();
        for (PaymentAttempt item : items) {
            ItemStatus status = null;
            if (!debited.contains(item.transactionId())) {
                commands.sendAndWait(new FailItem(item.transactionId(), item.attemptNo(),
                        ErrorCode.INSUFFICIENT_FUNDS_RUNTIME));
                status = ItemStatus.Failed;
            } else if (item.sendMethod().isWallet()) {
                commands.sendAndWait(new CompleteItem(item.transactionId(), item.attemptNo()));
                status = ItemStatus.Success;
            }
            if (status != null) {
                outcomes.computeIfAbsent(item.batchId(), k -> new ArrayList<>())
                        .add(new ItemOutcome(item.transactionId(), item.attemptNo(), status));
            }
        }
        outcomes.forEach((batch, finished) -> commands.sendAndWait(new RecordItemOutcomes(batch, finished)));
    }

    /** Items keep their event order per issuer wallet, which is submission order. */
    private Set<TransactionId> debitIssuers(List<PaymentAttempt> items) {
        Map<WalletId, List<Debit>> bySource = new LinkedHashMap<>();
        for (PaymentAttempt item : items) {
            bySource.computeIfAbsent(item.sourceWalletId(), k -> new ArrayList<>())
                    .add(new Debit(item.transactionId(), item.attemptNo(), item.amount()));
        }
        Set<TransactionId> debited = new HashSet<>();
        bySource.forEach((wallet, debits) -> {
            List<TransactionId> accepted = commands.sendAndWait(new DebitIssuerWallet(wallet, debits));
            debited.addAll(accepted);
        });
        return debited;
    }

    private void creditRecipients(List<PaymentAttempt> items, Set<TransactionId> debited) {
        Map<WalletId, List<PaymentAttempt>> byWallet = new LinkedHashMap<>();
        for (PaymentAttempt item : items) {
            if (debited.contains(item.transactionId())) {
                byWallet.computeIfAbsent(item.recipientWalletId(), k -> new ArrayList<>()).add(item);
            }
        }
        byWallet.forEach((wallet, credited) -> {
            PaymentAttempt first = credited.get(0);
            commands.sendAndWait(new CreditRecipientWallet(wallet, first.issuer(), first.recipientId(),
                    first.amount().currency(),
                    credited.stream().map(i -> new Credit(i.transactionId(), i.attemptNo(), i.amount())).toList()));
        });
    }
}
