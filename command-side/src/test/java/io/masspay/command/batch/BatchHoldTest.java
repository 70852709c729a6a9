package io.masspay.command.batch;

import io.masspay.kernel.batch.ApproveBatch;
import io.masspay.kernel.batch.BatchApproved;
import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchScheduled;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.CancelBatch;
import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.batch.RejectBatch;
import io.masspay.kernel.batch.ResubmitBatch;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;

/**
 * The Batch's treasury rules (API.md section 11): who may approve, what a held batch can become, and that a
 * cancel racing an approval or the scheduled start loses or wins whole, never both.
 */
class BatchHoldTest {

    private static final BatchId BATCH = new BatchId("bt_1");
    private static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("IAN-1");
    private static final WalletId SOURCE = new WalletId("WAL-1");
    private static final String MAKER = "key_maker";
    private static final String CHECKER = "key_checker";
    private static final BatchSubmitted SUBMITTED = new BatchSubmitted(BATCH, ISSUER, "cust-batch-1", SOURCE,
            CurrencyCode.USD, 2, 2, List.of());

    private AggregateTestFixture<Batch> fixture;
    private final List<BatchId> cancelled = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Batch.class);
        fixture.registerInjectableResource((StoppedItems) cancelled::add);
    }

    private static BatchAwaitingApproval awaiting(Instant scheduledFor) {
        return new BatchAwaitingApproval(BATCH, MAKER, new Money(2_000_000, CurrencyCode.USD),
                new BigDecimal("10000.00"), scheduledFor);
    }

    @Test
    void anApproverReleasesABatchAwaitingApproval() {
        fixture.given(SUBMITTED, awaiting(null))
               .when(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(BatchStatus.Processing)
               .expectEventsMatching(Matchers.exactSequenceOf(
                       Matchers.messageWithPayload(allOf(instanceOf(BatchApproved.class),
                               hasToString(containsString("approvedBy=" + CHECKER)))),
                       Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(new BatchReleased(BATCH, SOURCE))),
                       Matchers.andNoMore()));
    }

    @Test
    void theSubmitterMayNotApproveItsOwnBatch() {
        fixture.given(SUBMITTED, awaiting(null))
               .when(new ApproveBatch(BATCH, ISSUER, MAKER))
               .expectException(MassPayException.class)
               .expectExceptionMessage(containsString("may not approve"))
               .expectNoEvents();
    }

    @Test
    void anotherIssuerSeesNoBatch() {
        fixture.given(SUBMITTED, awaiting(null))
               .when(new ApproveBatch(BATCH, new IssuerAccountNumber("IAN-2"), CHECKER))
               .expectException(MassPayException.class)
               .expectNoEvents();
        assertThat(cancelled).isEmpty();
    }

    @Test
    void anApprovedBatchWhoseTimeIsStillToComeIsScheduledWithItsRelease() {
        Instant at = Instant.now().plus(Duration.ofHours(2));
        fixture.given(SUBMITTED, awaiting(at))
               .when(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .expectResultMessagePayload(BatchStatus.Scheduled)
               .expectEventsMatching(Matchers.exactSequenceOf(
                       Matchers.messageWithPayload(instanceOf(BatchApproved.class)),
                       Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(new BatchScheduled(BATCH, at))),
                       Matchers.andNoMore()))
               .expectScheduledDeadlineWithName(at, Batch.RELEASE);
    }

    @Test
    void aRepeatedApprovalChangesNothing() {
        fixture.given(SUBMITTED, awaiting(null), new BatchApproved(BATCH, CHECKER, Instant.now()),
                      new BatchReleased(BATCH, SOURCE))
               .when(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .expectResultMessagePayload(BatchStatus.Processing)
               .expectNoEvents();
    }

    @Test
    void aBatchThatNeverAwaitedApprovalCannotBeApproved() {
        fixture.given(SUBMITTED)
               .when(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .expectException(MassPayException.class)
               .expectExceptionMessage(containsString("not awaiting approval"))
               .expectNoEvents();
    }

    @Test
    void aRejectionStopsTheBatchAndCancelsItsItems() {
        fixture.given(SUBMITTED, awaiting(null))
               .when(new RejectBatch(BATCH, ISSUER, CHECKER, "Wrong payroll month"))
               .expectResultMessagePayload(BatchStatus.CompletedWithErrors)
               .expectEventsMatching(Matchers.exactSequenceOf(
                       Matchers.messageWithPayload(allOf(instanceOf(BatchRejected.class),
                               hasToString(containsString("reason=Wrong payroll month")))),
                       Matchers.andNoMore()));
        assertThat(cancelled).containsExactly(BATCH);
    }

    @Test
    void anApprovalAfterARejectionIsRefused() {
        fixture.given(SUBMITTED, awaiting(null), new BatchRejected(BATCH, CHECKER, Instant.now(), "no"))
               .when(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .expectException(MassPayException.class)
               .expectNoEvents();
    }

    @Test
    void aScheduledBatchCanBeCancelled() {
        Instant at = Instant.now().plus(Duration.ofMinutes(5));
        fixture.given(SUBMITTED, new BatchScheduled(BATCH, at))
               .when(new CancelBatch(BATCH, ISSUER, MAKER))
               .expectResultMessagePayload(BatchStatus.CompletedWithErrors)
               .expectEventsMatching(Matchers.exactSequenceOf(
                       Matchers.messageWithPayload(instanceOf(BatchCancelled.class)), Matchers.andNoMore()));
        assertThat(cancelled).containsExactly(BATCH);
    }

    @Test
    void theScheduledTimeOfAnApprovedBatchReleasesIt() {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        fixture.given(SUBMITTED, awaiting(at))
               .andGivenCommands(new ApproveBatch(BATCH, ISSUER, CHECKER))
               .whenThenTimeAdvancesTo(at.plusSeconds(1))
               .expectEvents(new BatchReleased(BATCH, SOURCE));
    }

    /** The race of cancel and start: the cancel came first, so the release that fires later finds it stopped. */
    @Test
    void aReleaseAfterACancelDoesNothing() {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        fixture.given(SUBMITTED, awaiting(at))
               .andGivenCommands(new ApproveBatch(BATCH, ISSUER, CHECKER), new CancelBatch(BATCH, ISSUER, MAKER))
               .whenThenTimeAdvancesTo(at.plusSeconds(1))
               .expectNoEvents();
        assertThat(cancelled).containsExactly(BATCH);
    }

    @Test
    void aBatchThatStartedCannotBeCancelled() {
        fixture.given(SUBMITTED, new BatchScheduled(BATCH, Instant.now()), new BatchReleased(BATCH, SOURCE))
               .when(new CancelBatch(BATCH, ISSUER, MAKER))
               .expectException(MassPayException.class)
               .expectExceptionMessage(containsString("has started processing"))
               .expectNoEvents();
        assertThat(cancelled).isEmpty();
    }

    @Test
    void anOrdinaryBatchCannotBeCancelled() {
        fixture.given(SUBMITTED)
               .when(new CancelBatch(BATCH, ISSUER, MAKER))
               .expectException(MassPayException.class)
               .expectNoEvents();
    }

    @Test
    void aRepeatedCancelChangesNothing() {
        fixture.given(SUBMITTED, awaiting(null), new BatchCancelled(BATCH, MAKER, Instant.now()))
               .when(new CancelBatch(BATCH, ISSUER, MAKER))
               .expectResultMessagePayload(BatchStatus.CompletedWithErrors)
               .expectNoEvents();
        assertThat(cancelled).isEmpty();
    }

    @Test
    void aRetryOfAStoppedBatchMayNotPayAnything() {
        TransactionId item = new TransactionId("tx_1");
        fixture.given(SUBMITTED, awaiting(null), new BatchRejected(BATCH, CHECKER, Instant.now(), "no"))
               .when(new ResubmitBatch(BATCH, 1, List.of(), List.of(new ItemDecision(item, ItemDecision.Kind.NewAttempt, 2)), List.of()))
               .expectException(MassPayException.class)
               .expectNoEvents();
    }

    @Test
    void aRetryOfAHeldBatchAddsItemsThatWaitWithIt() {
        TransactionId added = new TransactionId("tx_3");
        fixture.given(SUBMITTED, awaiting(null))
               .when(new ResubmitBatch(BATCH, 1, List.of(added), List.of(), List.of()))
               .expectResultMessagePayload(BatchStatus.AwaitingApproval)
               .expectEvents(new BatchResubmitted(BATCH, 1, List.of(added), List.of(), List.of()));
    }
}
