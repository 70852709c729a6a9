package io.masspay.query.history;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.error.ErrorCode;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.ISSUER_WALLET;
import static io.masspay.infra.support.PayoutEvents.attemptStarted;
import static io.masspay.infra.support.PayoutEvents.batchSubmitted;
import static io.masspay.infra.support.PayoutEvents.cashoutStarted;
import static io.masspay.infra.support.PayoutEvents.debit;
import static io.masspay.infra.support.PayoutEvents.failed;
import static io.masspay.infra.support.PayoutEvents.issuerDebited;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.payoutRequested;
import static io.masspay.infra.support.PayoutEvents.payoutSucceeded;
import static io.masspay.infra.support.PayoutEvents.recipientWallet;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.PayoutEvents.walletCredited;
import static io.masspay.infra.support.ProjectionHarness.globalIndex;
import static org.assertj.core.api.Assertions.assertThat;

/** Item history rows (API.md section 4): an item, its attempts, and each attempt's steps in store order. */
class ItemHistoryProjectionTest {

    private static final String ITEMS = """
            select transaction_id, batch_id, customer_transaction_id, position, send_method_id, amount_minor
            from item_history_item order by transaction_id""";
    private static final String ATTEMPTS = """
            select transaction_id, attempt_no, status, error_code, started_at, finished_at
            from item_history_attempt order by transaction_id, attempt_no""";
    private static final String STEPS = """
            select global_index, transaction_id, attempt_no, step, occurred_at
            from item_history_step order by transaction_id, global_index""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final ItemHistoryProjection projection = new ItemHistoryProjection(harness.jdbc());

    @Test
    void anAttemptKeepsItsStepsInStoreOrderAndEndsWithItsOutcome() {
        TrackedEventMessage<?> tx1 = harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00"));
        TrackedEventMessage<?> tx2 = harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.00"));
        // one chunk's debit: a step of both items
        TrackedEventMessage<?> debited = harness.stored(ISSUER_WALLET,
                issuerDebited(ISSUER_WALLET, debit("tx1", "10.00"), debit("tx2", "20.00")));
        TrackedEventMessage<?> credited = harness.stored(recipientWallet("tx1"), walletCredited("tx1", "10.00"));
        TrackedEventMessage<?> requested = harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 1, "10.00"));
        TrackedEventMessage<?> paid = harness.stored(recipientWallet("tx1"), payoutSucceeded("tx1", 1, "10.00"));
        TrackedEventMessage<?> succeeded = harness.stored("tx1", succeeded("B1", "tx1", 1));
        TrackedEventMessage<?> failed = harness.stored("tx2", failed("B1", "tx2", 1, ErrorCode.PROVIDER_DECLINED));

        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 2, 2)), tx1, tx2, debited,
                credited, requested, paid, succeeded, failed);

        assertThat(harness.rows("select batch_id, issuer_account_number, customer_batch_id from item_history_batch"))
                .containsExactly("B1 | SPN001 | C-B1");
        assertThat(harness.rows(ITEMS)).containsExactly(
                "tx1 | B1 | C-tx1 | 0 | XTR94500 | 1000",
                "tx2 | B1 | C-tx2 | 1 | XTR94500 | 2000");
        assertThat(harness.rows(ATTEMPTS)).containsExactly(
                "tx1 | 1 | Success | null | " + tx1.getTimestamp() + " | " + succeeded.getTimestamp(),
                "tx2 | 1 | Failed | PROVIDER_DECLINED | " + tx2.getTimestamp() + " | " + failed.getTimestamp());
        assertThat(harness.rows(STEPS)).containsExactly(
                step(debited, "tx1", 1, "IssuerDebited"),
                step(credited, "tx1", 1, "WalletCredited"),
                step(requested, "tx1", 1, "PayoutRequested"),
                step(paid, "tx1", 1, "PayoutSucceeded"),
                step(succeeded, "tx1", 1, "ItemSucceeded"),
                step(debited, "tx2", 1, "IssuerDebited"),
                step(failed, "tx2", 1, "ItemFailed"));
    }

    @Test
    void aRetryIsASecondAttemptBesideTheFailedOne() {
        TrackedEventMessage<?> submitted = harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00"));
        TrackedEventMessage<?> failed = harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_UNAVAILABLE));
        TrackedEventMessage<?> retried = harness.stored("tx1", attemptStarted("B1", "tx1", 2));
        harness.handle(projection, submitted, failed, retried);

        assertThat(harness.rows(ATTEMPTS)).containsExactly(
                "tx1 | 1 | Failed | PROVIDER_UNAVAILABLE | " + submitted.getTimestamp() + " | " + failed.getTimestamp(),
                "tx1 | 2 | Processing | null | " + retried.getTimestamp() + " | null");
    }

    @Test
    void aCashOutHasAHistoryWithoutABatch() {
        TrackedEventMessage<?> started = harness.stored("co1", cashoutStarted(ISSUER, "co1", "5.00"));
        harness.handle(projection, started);

        assertThat(harness.rows(ITEMS)).containsExactly("co1 | null | null | 0 | XTR94508 | 500");
        assertThat(harness.rows(ATTEMPTS)).containsExactly("co1 | 1 | Processing | null | " + started.getTimestamp()
                + " | null");
    }

    @Test
    void redeliveryReplayAndOrderGiveTheSameRows() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored(ISSUER_WALLET, issuerDebited(ISSUER_WALLET, debit("tx1", "10.00"))),
                harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_UNAVAILABLE)),
                harness.stored("tx1", attemptStarted("B1", "tx1", 2)),
                harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 2, "10.00")),
                harness.stored("tx1", succeeded("B1", "tx1", 2)));
        harness.handle(projection, events);
        List<String> expected = snapshot();
        assertThat(expected).hasSize(1 + 1 + 2 + 4);

        harness.handle(projection, events);
        assertThat(snapshot()).as("redelivered").isEqualTo(expected);

        harness.reset(projection);
        List<TrackedEventMessage<?>> backwards = new ArrayList<>(events);
        Collections.reverse(backwards);
        backwards.forEach(event -> harness.handle(projection, event));
        assertThat(snapshot()).as("replayed one by one, last event first").isEqualTo(expected);
    }

    @Test
    void theResetHandlerEmptiesItsFourTables() {
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", succeeded("B1", "tx1", 1)));
        assertThat(snapshot()).hasSize(4);

        harness.reset(projection);

        assertThat(snapshot()).isEmpty();
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>(harness.rows(
                "select batch_id, issuer_account_number, customer_batch_id from item_history_batch"));
        rows.addAll(harness.rows(ITEMS));
        rows.addAll(harness.rows(ATTEMPTS));
        rows.addAll(harness.rows(STEPS));
        return rows;
    }

    private static String step(TrackedEventMessage<?> event, String tx, int attemptNo, String name) {
        return globalIndex(event) + " | " + tx + " | " + attemptNo + " | " + name + " | " + event.getTimestamp();
    }
}
