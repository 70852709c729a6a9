package io.masspay.query.audit;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.ExpressItems;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.ISSUER_WALLET;
import static io.masspay.infra.support.PayoutEvents.batchSubmitted;
import static io.masspay.infra.support.PayoutEvents.debit;
import static io.masspay.infra.support.PayoutEvents.funded;
import static io.masspay.infra.support.PayoutEvents.issuerDebited;
import static io.masspay.infra.support.PayoutEvents.issuerWalletCreated;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.payoutSucceeded;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.ProjectionHarness.globalIndex;
import static org.assertj.core.api.Assertions.assertThat;

/** The event feed's index (ADR 0018): each stored event under the issuer it belongs to, and how far it is complete. */
class EventFeedProjectionTest {

    private static final String OTHER_ISSUER = "SPN002";
    private static final String OTHER_WALLET = "WAL-SPN002";
    private static final String INDEX = """
            select issuer_account_number, global_index from event_feed_index
            order by issuer_account_number, global_index""";
    private static final String POSITION = "select token_index, gaps from event_feed_position";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final JdbcFeed feed = new JdbcFeed();

    @Test
    void eachEventIsListedUnderItsIssuerFoundThroughWhatItNames() {
        TrackedEventMessage<?> wallet = harness.stored(ISSUER_WALLET, issuerWalletCreated(ISSUER, ISSUER_WALLET));
        TrackedEventMessage<?> otherWallet = harness.stored(OTHER_WALLET, issuerWalletCreated(OTHER_ISSUER, OTHER_WALLET));
        TrackedEventMessage<?> funding = harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "100.00"));
        TrackedEventMessage<?> otherFunding = harness.stored(OTHER_WALLET, funded(OTHER_WALLET, "7.00"));
        TrackedEventMessage<?> batch = harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1));
        TrackedEventMessage<?> item = harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00"));
        // the express lane's work list repeats ItemSubmitted events: not listed
        TrackedEventMessage<?> express = harness.stored(ISSUER_WALLET, new ExpressItems(WalletId.of(ISSUER_WALLET),
                List.of(itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00"))));
        TrackedEventMessage<?> debited = harness.stored(ISSUER_WALLET, issuerDebited(ISSUER_WALLET, debit("tx1", "10.00")));
        TrackedEventMessage<?> paid = harness.stored("tx1", payoutSucceeded("tx1", 1, "10.00"));
        TrackedEventMessage<?> succeeded = harness.stored("tx1", succeeded("B1", "tx1", 1));
        // a transaction the feed never saw start leads to no issuer: not listed rather than listed wrong
        TrackedEventMessage<?> stray = harness.stored("tx-unknown", payoutSucceeded("tx-unknown", 1, "1.00"));

        feed.handle(wallet, otherWallet, funding, otherFunding, batch, item, express, debited, paid, succeeded, stray);

        assertThat(harness.rows(INDEX)).containsExactly(
                ISSUER + " | " + globalIndex(wallet),
                ISSUER + " | " + globalIndex(funding),
                ISSUER + " | " + globalIndex(batch),
                ISSUER + " | " + globalIndex(item),
                ISSUER + " | " + globalIndex(debited),
                ISSUER + " | " + globalIndex(paid),
                ISSUER + " | " + globalIndex(succeeded),
                OTHER_ISSUER + " | " + globalIndex(otherWallet),
                OTHER_ISSUER + " | " + globalIndex(otherFunding));
        assertThat(harness.rows(POSITION)).containsExactly(globalIndex(stray) + " | {}");
    }

    @Test
    void aGapKeepsTheHorizonAndTimeItWasFirstSeenUntilItIsFilled() {
        TrackedEventMessage<?> first = harness.stored(ISSUER_WALLET, issuerWalletCreated(ISSUER, ISSUER_WALLET));
        long gap = globalIndex(first) + 1;
        harness.jdbc().queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class);
        TrackedEventMessage<?> after = harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "1.00"));

        feed.handle(first, withGap(after, gap));
        List<String> seen = harness.rows("select token_index, gaps, horizons, seen_at from event_feed_position");
        assertThat(seen).singleElement().asString().startsWith(globalIndex(after) + " | {" + gap + "} | {");

        TrackedEventMessage<?> later = harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "2.00"));
        feed.handle(withGap(later, gap));
        assertThat(harness.rows("select gaps, horizons, seen_at from event_feed_position"))
                .as("still open: first seen as before").containsExactly(seen.get(0)
                        .substring(seen.get(0).indexOf(" | ") + 3));
        assertThat(harness.rows(POSITION)).containsExactly(globalIndex(later) + " | {" + gap + "}");

        TrackedEventMessage<?> last = harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "3.00"));
        feed.handle(last);
        assertThat(harness.rows(POSITION)).containsExactly(globalIndex(last) + " | {}");
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored(ISSUER_WALLET, issuerWalletCreated(ISSUER, ISSUER_WALLET)),
                harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "100.00")),
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", payoutSucceeded("tx1", 1, "10.00")));
        feed.handle(events.toArray(TrackedEventMessage<?>[]::new));
        List<String> once = snapshot();

        feed.handle(events.toArray(TrackedEventMessage<?>[]::new));

        assertThat(snapshot()).isEqualTo(once).hasSize(1 + 1 + 1 + 5 + 1);
    }

    @Test
    void theResetHandlerEmptiesItsTablesAndItsPosition() {
        feed.handle(harness.stored(ISSUER_WALLET, issuerWalletCreated(ISSUER, ISSUER_WALLET)),
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")));
        assertThat(snapshot()).hasSize(1 + 1 + 1 + 3 + 1);

        harness.reset(feed.projection);

        assertThat(snapshot()).isEmpty();
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>(harness.rows("select * from event_feed_wallet order by 1"));
        rows.addAll(harness.rows("select * from event_feed_batch order by 1"));
        rows.addAll(harness.rows("select * from event_feed_transaction order by 1"));
        rows.addAll(harness.rows(INDEX));
        rows.addAll(harness.rows(POSITION));
        return rows;
    }

    /** The event as a processor reads it while an earlier global index is still uncommitted. */
    private static TrackedEventMessage<?> withGap(TrackedEventMessage<?> event, long gap) {
        return withToken(GapAwareTrackingToken.newInstance(globalIndex(event), Set.of(gap)),
                (DomainEventMessage<?>) event);
    }

    private static <T> TrackedEventMessage<T> withToken(GapAwareTrackingToken token, DomainEventMessage<T> event) {
        return new GenericTrackedDomainEventMessage<>(token, event);
    }

    /** The projection with its position writer, as the application wires them. */
    private final class JdbcFeed {

        final EventFeedProjection projection = new EventFeedProjection(harness.jdbc(),
                new FeedPositionWriter(harness.jdbc()));

        void handle(TrackedEventMessage<?>... events) {
            harness.handle(projection, events);
        }
    }
}
