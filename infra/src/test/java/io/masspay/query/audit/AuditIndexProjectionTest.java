package io.masspay.query.audit;

import io.masspay.infra.support.ProjectionHarness;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.ISSUER_WALLET;
import static io.masspay.infra.support.PayoutEvents.batchSubmitted;
import static io.masspay.infra.support.PayoutEvents.cashoutStarted;
import static io.masspay.infra.support.PayoutEvents.debit;
import static io.masspay.infra.support.PayoutEvents.funded;
import static io.masspay.infra.support.PayoutEvents.issuerDebited;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.payoutRequested;
import static io.masspay.infra.support.PayoutEvents.recipientWallet;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.ProjectionHarness.globalIndex;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit index: which stored event (by global index) concerns which batch and which transaction. */
class AuditIndexProjectionTest {

    private static final String INDEX = """
            select global_index, batch_id, transaction_id from audit_event_index
            order by global_index, transaction_id nulls first""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final AuditIndexProjection projection = new AuditIndexProjection(harness.jdbc());

    @Test
    void eachEventIsIndexedUnderWhatItNamesAndAPostingUnderItsItemsBatch() {
        TrackedEventMessage<?> batch = harness.stored("B1", batchSubmitted(ISSUER, "B1", 2, 2));
        TrackedEventMessage<?> tx1 = harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00"));
        TrackedEventMessage<?> tx2 = harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.00"));
        TrackedEventMessage<?> funding = harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "100.00"));
        // a posting names only its transactions; their batch comes from the ItemSubmitted of the same flush
        TrackedEventMessage<?> debited = harness.stored(ISSUER_WALLET,
                issuerDebited(ISSUER_WALLET, debit("tx1", "10.00"), debit("tx2", "20.00")));
        TrackedEventMessage<?> requested = harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 1, "10.00"));
        TrackedEventMessage<?> succeeded = harness.stored("tx1", succeeded("B1", "tx1", 1));

        harness.handle(projection, batch, tx1, tx2, funding, debited, requested, succeeded);

        assertThat(harness.rows("select batch_id, issuer_account_number from audit_batch")).containsExactly("B1 | SPN001");
        assertThat(harness.rows("select * from audit_transaction order by transaction_id"))
                .containsExactly("tx1 | B1 | SPN001", "tx2 | B1 | SPN001");
        assertThat(harness.rows(INDEX)).as("the funding names neither a batch nor a transaction").containsExactly(
                globalIndex(batch) + " | B1 | null",
                globalIndex(tx1) + " | B1 | tx1",
                globalIndex(tx2) + " | B1 | tx2",
                globalIndex(debited) + " | B1 | tx1",
                globalIndex(debited) + " | B1 | tx2",
                globalIndex(requested) + " | B1 | tx1",
                globalIndex(succeeded) + " | B1 | tx1");
    }

    @Test
    void aPostingFindsItsBatchFromAnEarlierProcessorBatchToo() {
        harness.handle(projection, harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")));
        TrackedEventMessage<?> requested = harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 1, "10.00"));

        harness.handle(projection, requested);

        assertThat(harness.rows(INDEX)).endsWith(globalIndex(requested) + " | B1 | tx1");
    }

    @Test
    void aCashOutIsATransactionOfNoBatch() {
        TrackedEventMessage<?> started = harness.stored("co1", cashoutStarted(ISSUER, "co1", "5.00"));
        TrackedEventMessage<?> requested = harness.stored(recipientWallet("co1"), payoutRequested("co1", 1, "5.00"));

        harness.handle(projection, started, requested);

        assertThat(harness.rows("select * from audit_transaction")).containsExactly("co1 | null | SPN001");
        assertThat(harness.rows(INDEX)).containsExactly(
                globalIndex(started) + " | null | co1",
                globalIndex(requested) + " | null | co1");
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored(ISSUER_WALLET, issuerDebited(ISSUER_WALLET, debit("tx1", "10.00"))),
                harness.stored("tx1", succeeded("B1", "tx1", 1)));
        harness.handle(projection, events);
        List<String> once = snapshot();

        harness.handle(projection, events);

        assertThat(snapshot()).isEqualTo(once).hasSize(1 + 1 + 4);
    }

    @Test
    void theResetHandlerEmptiesItsThreeTables() {
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")));
        assertThat(snapshot()).hasSize(4);

        harness.reset(projection);

        assertThat(snapshot()).isEmpty();
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>(harness.rows("select * from audit_batch order by batch_id"));
        rows.addAll(harness.rows("select * from audit_transaction order by transaction_id"));
        rows.addAll(harness.rows(INDEX));
        return rows;
    }
}
