package io.masspay.command.walletfirst;

import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemSubmitted;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the items to pay wallet-first into chunks. A pooled processor hands over up to its batch size of
 * events in one unit of work; its handlers {@link #add} the items there, and just before that unit commits the
 * node's cached aggregates for the whole chunk are checked in one query and the chunk is paid once
 * ({@link ChunkPayment}). The commands join the processor's transaction, so the money, the item outcomes and
 * the processor's token commit together (docs/DESIGN.md, "Wallet first"). Two processors use it, one per lane ({@link WalletFirstPayments},
 * {@link ExpressPayments}, ADR 0014); each unit of work is one processor's.
 */
@Component
class PaymentChunks {

    private final ChunkPayment payment;
    private final EventStore events;
    private final CachedAggregates cached;
    private final HeldItems heldItems;
    /** Flushed before the unit of work commits: the cached aggregates checked first, then the chunk paid. */
    private final UnitOfWorkBuffer<List<PaymentAttempt>> chunk =
            new UnitOfWorkBuffer<>(PaymentChunks.class.getName() + ".chunk", ArrayList::new, this::verifyThenPay);

    PaymentChunks(ChunkPayment payment, EventStore events, CachedAggregates cached, HeldItems heldItems) {
        this.heldItems = heldItems;
        this.payment = payment;
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

    /** The node's cached aggregates are checked for the whole chunk in one query before the chunk is paid. */
    private void verifyThenPay(List<PaymentAttempt> items) {
        cached.verify(aggregatesTouched(items));
        payment.pay(items);
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
}
