package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchProgressed;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.batch.ResubmitBatch;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.masspay.kernel.batch.BatchStatus.Completed;
import static io.masspay.kernel.batch.BatchStatus.CompletedWithErrors;
import static io.masspay.kernel.transaction.ItemStatus.Failed;
import static io.masspay.kernel.transaction.ItemStatus.Processing;
import static io.masspay.kernel.transaction.ItemStatus.RetainedInWallet;
import static io.masspay.kernel.transaction.ItemStatus.Success;

class BatchTest {

    private static final BatchId BATCH = new BatchId("bt_1");
    private static final TransactionId TX1 = new TransactionId("tx_1");
    private static final TransactionId TX2 = new TransactionId("tx_2");
    private static final TransactionId TX3 = new TransactionId("tx_3");

    /** Four items received, three accepted (TX1..TX3), one rejected at intake. */
    private static final BatchSubmitted SUBMITTED = new BatchSubmitted(BATCH, new IssuerAccountNumber("IAN-1"),
            "cust-batch-1", new WalletId("WAL-1"), CurrencyCode.USD, 4, 3,
            List.of(new RejectedItem("cust-tx-4", ErrorCode.INVALID_AMOUNT, "Items[3].Amount", "Amount must be > 0")));

    private AggregateTestFixture<Batch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Batch.class);
        fixture.registerInjectableResource((StoppedItems) batchId -> {
            throw new AssertionError("no batch of these tests is stopped");
        });
    }

    @Test
    void shouldRecordOnlyFinalOutcomes() {
        fixture.given(SUBMITTED)
               .when(record(new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Processing)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))));
    }

    @Test
    void shouldIgnoreProcessingOutcomes() {
        fixture.given(SUBMITTED)
               .when(record(new ItemOutcome(TX1, 1, Processing), new ItemOutcome(TX2, 1, Processing)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldCompleteWhenAllAcceptedItemsSucceeded() {
        List<ItemOutcome> all = List.of(
                new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Success), new ItemOutcome(TX3, 1, Success));
        fixture.given(SUBMITTED)
               .when(new RecordItemOutcomes(BATCH, all))
               .expectEvents(new BatchProgressed(BATCH, all), new BatchCompleted(BATCH, Completed, 3, 0, 0));
    }

    @Test
    void shouldCompleteWithErrorsWhenSomeItemsFailed() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))))
               .when(record(new ItemOutcome(TX2, 1, Failed), new ItemOutcome(TX3, 1, Success)))
               .expectEvents(
                       new BatchProgressed(BATCH, List.of(new ItemOutcome(TX2, 1, Failed), new ItemOutcome(TX3, 1, Success))),
                       new BatchCompleted(BATCH, CompletedWithErrors, 2, 1, 0));
    }

    @Test
    void shouldCompleteWithErrorsWhenAnItemIsRetainedInWallet() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(
                       new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Failed))))
               .when(record(new ItemOutcome(TX3, 1, RetainedInWallet)))
               .expectEvents(
                       new BatchProgressed(BATCH, List.of(new ItemOutcome(TX3, 1, RetainedInWallet))),
                       new BatchCompleted(BATCH, CompletedWithErrors, 1, 1, 1));
    }

    @Test
    void cannotCompleteWhileAnAcceptedItemIsNotFinal() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))))
               .when(record(new ItemOutcome(TX2, 1, Success), new ItemOutcome(TX3, 1, Processing)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX2, 1, Success))));
    }

    @Test
    void shouldIgnoreARepeatedOutcome() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))))
               .when(record(new ItemOutcome(TX1, 1, Success)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldRecordOnlyTheNewOutcomesOfAPartlyRepeatedChunk() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))))
               .when(record(new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Failed)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX2, 1, Failed))));
    }

    @Test
    void cannotCompleteTwice() {
        List<ItemOutcome> all = List.of(
                new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Success), new ItemOutcome(TX3, 1, Success));
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, all), new BatchCompleted(BATCH, Completed, 3, 0, 0))
               .when(new RecordItemOutcomes(BATCH, all))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreAnOutcomeOfAnOlderAttempt() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 2, Success))))
               .when(record(new ItemOutcome(TX1, 1, Failed)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldRecordAnItemRepeatedInOneChunkOnce() {
        fixture.given(SUBMITTED)
               .when(record(new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX1, 1, Success)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))));
    }

    @Test
    void shouldRecordTheOutcomeOfANewAttempt() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Failed))))
               .when(record(new ItemOutcome(TX1, 2, Success)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 2, Success))));
    }

    @Test
    void shouldRecordTheItemsAResubmissionAddsAndRetries() {
        TransactionId added = new TransactionId("tx_new");
        ItemDecision retried = new ItemDecision(TX2, ItemDecision.Kind.NewAttempt, 2);
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success),
                       new ItemOutcome(TX2, 1, Failed))))
               .when(new ResubmitBatch(BATCH, 4, List.of(added), List.of(retried), List.of()))
               .expectEvents(new BatchResubmitted(BATCH, 4, List.of(added), List.of(retried), List.of()));
    }

    @Test
    void shouldWriteNothingForAPureReplay() {
        fixture.given(SUBMITTED, new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success))))
               .when(new ResubmitBatch(BATCH, 2, List.of(), List.of(), List.of()))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldCompleteAgainWhenARetriedItemEnds() {
        fixture.given(SUBMITTED,
                       new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Success),
                               new ItemOutcome(TX3, 1, Failed))),
                       new BatchCompleted(BATCH, CompletedWithErrors, 2, 1, 0),
                       new BatchResubmitted(BATCH, 1, List.of(), List.of(new ItemDecision(TX3, ItemDecision.Kind.NewAttempt, 2)),
                               List.of()))
               .when(record(new ItemOutcome(TX3, 2, Success)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX3, 2, Success))),
                       new BatchCompleted(BATCH, Completed, 3, 0, 0));
    }

    @Test
    void cannotCompleteBeforeAnItemAddedByAResubmissionEnds() {
        TransactionId added = new TransactionId("tx_new");
        fixture.given(SUBMITTED, new BatchResubmitted(BATCH, 1, List.of(added), List.of(), List.of()))
               .when(record(new ItemOutcome(TX1, 1, Success), new ItemOutcome(TX2, 1, Success),
                       new ItemOutcome(TX3, 1, Success)))
               .expectEvents(new BatchProgressed(BATCH, List.of(new ItemOutcome(TX1, 1, Success),
                       new ItemOutcome(TX2, 1, Success), new ItemOutcome(TX3, 1, Success))));
    }

    private static RecordItemOutcomes record(ItemOutcome... outcomes) {
        return new RecordItemOutcomes(BATCH, List.of(outcomes));
    }
}
