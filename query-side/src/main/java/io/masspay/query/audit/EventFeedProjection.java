package io.masspay.query.audit;

import io.masspay.kernel.transaction.ExpressItems;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.wallet.WalletCreated;
import io.masspay.query.support.PendingWrites;
import io.masspay.query.support.TransactionViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which stored events concern which issuer, by global index: the index behind the event feed (ADR 0018).
 * An event naming only its wallet, batch or transaction finds its issuer through the rows written for that
 * wallet's WalletCreated, that batch's BatchSubmitted or that transaction's ItemSubmitted / CashoutStarted,
 * which store order (the processor's single segment) delivers before, and which an earlier statement of the
 * same flush writes at the latest. Rows are keyed by issuer and global index: redelivery and replay change
 * nothing. Every event also moves the feed's position ({@link FeedPositionWriter}).
 */
@Component
@ProcessingGroup(TransactionViews.GROUP)
public class EventFeedProjection {

    /** The read model's name, also the key of its pending writes within the shared processor's batch. */
    public static final String READ_MODEL = "event-feed";

    private static final String WALLET = """
            insert into event_feed_wallet (wallet_id, issuer_account_number) values (?, ?) on conflict do nothing""";
    private static final String BATCH = """
            insert into event_feed_batch (batch_id, issuer_account_number) values (?, ?) on conflict do nothing""";
    private static final String TRANSACTION = """
            insert into event_feed_transaction (transaction_id, issuer_account_number) values (?, ?)
            on conflict do nothing""";
    /**
     * The global index comes from the stored row, found by event identifier: the tracking token of an event
     * that fills a gap points past the event itself (ADR 0007). One statement for the whole batch (columns).
     */
    private static final String INDEX = """
            insert into event_feed_index (issuer_account_number, global_index)
            select coalesce(t.issuer, w.issuer_account_number, b.issuer_account_number, x.issuer_account_number),
                e.global_index
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) with ordinality
                as t(issuer, wallet_id, batch_id, transaction_id, event_identifier, n)
            join domain_event_entry e on e.event_identifier = t.event_identifier
            left join event_feed_wallet w on w.wallet_id = t.wallet_id
            left join event_feed_batch b on b.batch_id = t.batch_id
            left join event_feed_transaction x on x.transaction_id = t.transaction_id
            where coalesce(t.issuer, w.issuer_account_number, b.issuer_account_number, x.issuer_account_number)
                is not null
            order by t.n
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;
    private final FeedPositionWriter position;

    EventFeedProjection(JdbcTemplate jdbc, FeedPositionWriter position) {
        this.jdbc = jdbc;
        this.position = position;
        this.writes = new PendingWrites(jdbc, READ_MODEL, List.of(WALLET, BATCH, TRANSACTION, INDEX));
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        if (event instanceof ExpressItems) {
            // the express lane's work list (ADR 0014) repeats its items' ItemSubmitted events: not a fact of its
            // own, and no audit stream lists it either
            position.advanceTo(token);
            return;
        }
        if (event instanceof WalletCreated created) {
            writes.add(WALLET, created.walletId().value(), created.issuer().value());
        } else if (event instanceof BatchSubmitted submitted) {
            writes.add(BATCH, submitted.batchId().value(), submitted.issuer().value());
        } else if (event instanceof ItemSubmitted item) {
            writes.add(TRANSACTION, item.transactionId().value(), item.issuer().value());
        } else if (event instanceof CashoutStarted cashout) {
            writes.add(TRANSACTION, cashout.transactionId().value(), cashout.issuer().value());
        }
        FeedOwner owner = FeedOwner.of(event);
        if (owner.isKnown()) {
            writes.add(INDEX, owner.issuer(), owner.walletId(), owner.batchId(), owner.transactionId(),
                    message.getIdentifier());
        }
        position.advanceTo(token);
    }

    @ResetHandler
    void reset() {
        jdbc.update("""
                truncate event_feed_wallet, event_feed_batch, event_feed_transaction, event_feed_index,
                    event_feed_position""");
    }
}
