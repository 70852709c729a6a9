package io.masspay.query.status;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.batch.BatchApproved;
import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchScheduled;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.ISSUER_WALLET;
import static io.masspay.infra.support.PayoutEvents.attemptStarted;
import static io.masspay.infra.support.PayoutEvents.batchSubmitted;
import static io.masspay.infra.support.PayoutEvents.failed;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.retained;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.PayoutEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch status read model's rows, written by the projection's own handlers and SQL (API.md section 4). */
class BatchStatusProjectionTest {

    private static final String ITEMS = """
            select transaction_id, position, status, error_code, attempt_no, amount_minor, last_sequence
            from batch_item_view order by position""";
    private static final String BATCHES = """
            select batch_id, customer_batch_id, received_count, accepted_count, rejected_count, hold, scheduled_for
            from batch_view order by batch_id""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final BatchStatusProjection projection = new BatchStatusProjection(harness.jdbc());

    @Test
    void eachItemShowsItsLatestOutcomeAndTheBatchItsCounts() {
        harness.handle(projection, List.of(
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 4, 3)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.00")),
                harness.stored("tx3", itemSubmitted(ISSUER, "B1", "tx3", 2, "30.00")),
                harness.stored("tx1", succeeded("B1", "tx1", 1)),
                harness.stored("tx2", failed("B1", "tx2", 1, ErrorCode.PROVIDER_DECLINED)),
                harness.stored("tx3", retained("B1", "tx3", 1, ErrorCode.PROVIDER_UNAVAILABLE))));

        assertThat(harness.rows(BATCHES)).containsExactly("B1 | C-B1 | 4 | 3 | 1 | null | null");
        assertThat(harness.rows(ITEMS)).containsExactly(
                "tx1 | 0 | Success | null | 1 | 1000 | 1",
                "tx2 | 1 | Failed | PROVIDER_DECLINED | 1 | 2000 | 1",
                "tx3 | 2 | RetainedInWallet | PROVIDER_UNAVAILABLE | 1 | 3000 | 1");
    }

    @Test
    void aRetriedItemIsProcessingAgainThenShowsItsNewAttempt() {
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_UNAVAILABLE)));
        harness.handle(projection, harness.stored("tx1", attemptStarted("B1", "tx1", 2)));
        assertThat(harness.rows(ITEMS)).containsExactly("tx1 | 0 | Processing | null | 2 | 1000 | 2");

        harness.handle(projection, harness.stored("tx1", succeeded("B1", "tx1", 2)));
        assertThat(harness.rows(ITEMS)).containsExactly("tx1 | 0 | Success | null | 2 | 1000 | 3");
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 2, 2)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.00")),
                harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_DECLINED)),
                harness.stored("tx1", attemptStarted("B1", "tx1", 2)),
                harness.stored("tx1", succeeded("B1", "tx1", 2)),
                harness.stored("tx2", succeeded("B1", "tx2", 1)));
        harness.handle(projection, events);
        List<String> batches = harness.rows(BATCHES);
        List<String> items = harness.rows(ITEMS);

        harness.handle(projection, events);
        // an older event of tx1 redelivered alone, after its newer ones: the sequence guard keeps the newer state
        harness.handle(projection, events.get(3));

        assertThat(harness.rows(BATCHES)).isEqualTo(batches);
        assertThat(harness.rows(ITEMS)).isEqualTo(items).contains("tx1 | 0 | Success | null | 2 | 1000 | 3");
    }

    @Test
    void aRetryOfTheBatchAddsWhatItReceivedAcceptedAndRefused() {
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 3, 2)));
        TrackedEventMessage<?> retry = harness.stored("B1", new BatchResubmitted(BatchId.of("B1"), 2,
                List.of(TransactionId.of("tx3")), List.of(),
                List.of(new RejectedItem("X", ErrorCode.INVALID_AMOUNT, "Amount", "bad"))));
        harness.handle(projection, retry);
        assertThat(harness.rows(BATCHES)).containsExactly("B1 | C-B1 | 5 | 3 | 2 | null | null");

        harness.handle(projection, retry);
        assertThat(harness.rows(BATCHES)).as("the same retry redelivered adds nothing")
                .containsExactly("B1 | C-B1 | 5 | 3 | 2 | null | null");
    }

    @Test
    void aHeldBatchShowsItsWaitUntilItsOwnLaterEventsClearIt() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        TrackedEventMessage<?> awaiting = harness.stored("B1", new BatchAwaitingApproval(BatchId.of("B1"), "alice",
                usd("5000.00"), new BigDecimal("1000.00"), null));
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)), awaiting);
        assertThat(harness.rows(BATCHES)).containsExactly("B1 | C-B1 | 1 | 1 | 0 | AwaitingApproval | null");

        // approved for later: both in one unit of work, the later event wins
        harness.handle(projection, harness.stored("B1", new BatchApproved(BatchId.of("B1"), "bob", at)),
                harness.stored("B1", new BatchScheduled(BatchId.of("B1"), at)));
        assertThat(harness.rows(BATCHES)).containsExactly("B1 | C-B1 | 1 | 1 | 0 | Scheduled | 2026-12-01T08:00:00Z");

        harness.handle(projection, harness.stored("B1", new BatchReleased(BatchId.of("B1"), WalletId.of(ISSUER_WALLET))));
        harness.handle(projection, awaiting);
        assertThat(harness.rows(BATCHES)).as("the redelivered hold is older than the release")
                .containsExactly("B1 | C-B1 | 1 | 1 | 0 | null | null");
    }

    @Test
    void aProcessorBatchWhoseWriteFailsLeavesNoRowOfAnyOfItsEvents() {
        String tooLong = "tx".repeat(40); // transaction_id is varchar(64): the flush before commit fails

        assertThatThrownBy(() -> harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored(tooLong, itemSubmitted(ISSUER, "B1", tooLong, 0, "10.00"))))
                .hasRootCauseInstanceOf(java.sql.SQLException.class);

        assertThat(harness.rows(BATCHES)).as("rolled back with the item's insert").isEmpty();
    }

    @Test
    void theResetHandlerEmptiesBothTables() {
        harness.handle(projection, harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")));
        assertThat(harness.rows(BATCHES)).hasSize(1);

        harness.reset(projection);

        assertThat(harness.rows(BATCHES)).isEmpty();
        assertThat(harness.rows(ITEMS)).isEmpty();
    }
}
