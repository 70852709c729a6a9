package io.masspay.command.transaction;

import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.ConfirmPayout;
import io.masspay.kernel.transaction.FailPayout;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.transaction.RecordPayoutPending;
import io.masspay.kernel.transaction.RetainItem;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ReturnPayout;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.SettleLatePayout;
import io.masspay.kernel.transaction.TimeOutPayout;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CompleteItem;
import io.masspay.kernel.transaction.FailItem;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.transaction.LatePayoutApplied;
import io.masspay.kernel.transaction.ResumeItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.masspay.kernel.error.ErrorCode.DESTINATION_CLOSED;
import static io.masspay.kernel.error.ErrorCode.INSUFFICIENT_FUNDS_RUNTIME;
import static io.masspay.kernel.error.ErrorCode.PAYOUT_RETURNED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_DECLINED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_UNAVAILABLE;

class TransactionTest {

    private static final TransactionId TX = new TransactionId("tx_1");
    private static final BatchId BATCH = new BatchId("bt_1");
    private static final WalletId RECIPIENT_WALLET = new WalletId("WAL-2");
    private static final SendMethod BANK = SendMethod.BANK_TRANSFER;
    private static final Money AMOUNT = Money.of("10.00", CurrencyCode.USD);

    private AggregateTestFixture<Transaction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transaction.class);
    }

    @Test
    void shouldSucceedAProcessingItem() {
        fixture.given(submitted(1))
               .when(new CompleteItem(TX, 1))
               .expectEvents(new ItemSucceeded(TX, BATCH, 1));
    }

    @Test
    void shouldFailAProcessingItemWithTheGivenReason() {
        fixture.given(submitted(1))
               .when(new FailItem(TX, 1, INSUFFICIENT_FUNDS_RUNTIME))
               .expectEvents(new ItemFailed(TX, BATCH, 1, INSUFFICIENT_FUNDS_RUNTIME));
    }

    @Test
    void cannotCompleteTwice() {
        fixture.given(submitted(1), new ItemSucceeded(TX, BATCH, 1))
               .when(new CompleteItem(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotFailASucceededItem() {
        fixture.given(submitted(1), new ItemSucceeded(TX, BATCH, 1))
               .when(new FailItem(TX, 1, PROVIDER_DECLINED))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotCompleteAFailedItem() {
        fixture.given(submitted(1), new ItemFailed(TX, BATCH, 1, INSUFFICIENT_FUNDS_RUNTIME))
               .when(new CompleteItem(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreACompletionForAnotherAttempt() {
        fixture.given(submitted(2))
               .when(new CompleteItem(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreAFailureForAnotherAttempt() {
        fixture.given(submitted(2))
               .when(new FailItem(TX, 3, PROVIDER_DECLINED))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldSucceedTheCurrentAttempt() {
        fixture.given(submitted(2))
               .when(new CompleteItem(TX, 2))
               .expectEvents(new ItemSucceeded(TX, BATCH, 2));
    }

    @Test
    void shouldNeverDebitTheIssuerAgainOnceTheMoneyReachedTheRecipientWallet() {
        fixture.given(submitted(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, new WalletId("WAL-2")),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet),
                       new ItemFailed(TX, BATCH, 2, INSUFFICIENT_FUNDS_RUNTIME))
               .when(new ResumeItem(TX))
               .expectEvents(new AttemptStarted(TX, BATCH, 3, AttemptStart.RecipientWallet))
               .expectResultMessagePayload(new ItemDecision(TX, ItemDecision.Kind.NewAttempt, 3));
    }

    private static ItemSubmitted submitted(int attemptNo) {
        return new ItemSubmitted(TX, BATCH, new IssuerAccountNumber("IAN-1"), "cust-tx-1",
                new RecipientId("RCP-1"), SendMethod.INDIVIDUAL_WALLET, Money.of("10.00", CurrencyCode.USD),
                new WalletId("WAL-1"), new WalletId("WAL-2"), java.util.Map.of(), attemptNo, 0, null);
    }

    @Test
    void shouldStartANewAttemptOfAFailedItemFromTheIssuerDebit() {
        fixture.given(submitted(1), new ItemFailed(TX, BATCH, 1, ErrorCode.INSUFFICIENT_FUNDS_RUNTIME))
               .when(new ResumeItem(TX))
               .expectEvents(new AttemptStarted(TX, BATCH, 2, AttemptStart.IssuerDebit))
               .expectResultMessagePayload(new ItemDecision(TX, ItemDecision.Kind.NewAttempt, 2));
    }

    @Test
    void shouldReplayAnItemThatIsStillProcessing() {
        fixture.given(submitted(1))
               .when(new ResumeItem(TX))
               .expectNoEvents()
               .expectResultMessagePayload(new ItemDecision(TX, ItemDecision.Kind.Replay, 1));
    }

    @Test
    void cannotStartANewAttemptOfASucceededItem() {
        fixture.given(submitted(1), new ItemSucceeded(TX, BATCH, 1))
               .when(new ResumeItem(TX))
               .expectNoEvents()
               .expectResultMessagePayload(new ItemDecision(TX, ItemDecision.Kind.AlreadyCompleted, 1));
    }

    @Test
    void shouldIgnoreTheOldAttemptOnceANewOneStarted() {
        fixture.given(submitted(1), new ItemFailed(TX, BATCH, 1, ErrorCode.INSUFFICIENT_FUNDS_RUNTIME),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.IssuerDebit))
               .when(new CompleteItem(TX, 1))
               .expectNoEvents();
    }

    @Test
    void shouldCompleteTheNewAttempt() {
        fixture.given(submitted(1), new ItemFailed(TX, BATCH, 1, ErrorCode.INSUFFICIENT_FUNDS_RUNTIME),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.IssuerDebit))
               .when(new CompleteItem(TX, 2))
               .expectEvents(new ItemSucceeded(TX, BATCH, 2));
    }

    // --- rail payouts ---

    @Test
    void shouldSucceedTheItemWhenItsPayoutIsConfirmed() {
        fixture.given(railItem(1))
               .when(new ConfirmPayout(TX, 1))
               .expectEvents(new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1));
    }

    @Test
    void cannotConfirmAPayoutTwice() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1))
               .when(new ConfirmPayout(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldFailThePayoutWithTheRailsReasonAndKeepTheItemProcessing() {
        fixture.given(railItem(1))
               .when(new FailPayout(TX, 1, PROVIDER_DECLINED))
               .expectEvents(failed(1, PROVIDER_DECLINED));
    }

    @Test
    void cannotConfirmAFailedPayout() {
        fixture.given(railItem(1), failed(1, PROVIDER_UNAVAILABLE))
               .when(new ConfirmPayout(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreASecondFailPayout() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED))
               .when(new FailPayout(TX, 1, PROVIDER_UNAVAILABLE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotFailAConfirmedPayout() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1))
               .when(new FailPayout(TX, 1, PROVIDER_UNAVAILABLE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldRetainTheItemInTheWalletAfterAFailedPayout() {
        fixture.given(railItem(1), failed(1, DESTINATION_CLOSED))
               .when(new RetainItem(TX, 1, DESTINATION_CLOSED, RECIPIENT_WALLET))
               .expectEvents(new RetainedInWallet(TX, BATCH, 1, DESTINATION_CLOSED, RECIPIENT_WALLET));
    }

    @Test
    void cannotRetainAnItemWhosePayoutDidNotFail() {
        fixture.given(railItem(1))
               .when(new RetainItem(TX, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRetainAPaidItem() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1))
               .when(new RetainItem(TX, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRetainAnItemTwice() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .when(new RetainItem(TX, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldStartANewAttemptOfARetainedItemFromTheRecipientWallet() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .when(new ResumeItem(TX))
               .expectEvents(new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet));
    }

    @Test
    void canConfirmThePayoutOfTheNewAttemptOfARetainedItem() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet))
               .when(new ConfirmPayout(TX, 2))
               .expectEvents(new PayoutSucceeded(TX, 2, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 2));
    }

    @Test
    void canFailThePayoutOfTheNewAttemptOfARetainedItem() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet))
               .when(new FailPayout(TX, 2, PROVIDER_UNAVAILABLE))
               .expectEvents(failed(2, PROVIDER_UNAVAILABLE));
    }

    @Test
    void shouldIgnoreAConfirmationForAnotherAttempt() {
        fixture.given(railItem(2))
               .when(new ConfirmPayout(TX, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreAPayoutFailureForAnotherAttempt() {
        fixture.given(railItem(2))
               .when(new FailPayout(TX, 3, PROVIDER_DECLINED))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreARetentionForAnotherAttempt() {
        fixture.given(railItem(2), failed(2, PROVIDER_DECLINED))
               .when(new RetainItem(TX, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void shouldIgnoreTheOldAttemptsPayoutCommandsOnceANewAttemptStarted() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET),
                       new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet))
               .when(new RetainItem(TX, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    // --- pending, timeouts and late payments (ADR 0013) ---

    @Test
    void shouldRecordAPendingPayoutOnce() {
        fixture.given(railItem(1))
               .when(new RecordPayoutPending(TX, 1))
               .expectEvents(new PayoutPending(TX, 1, RECIPIENT_WALLET, BANK, AMOUNT));
        fixture.given(railItem(1), new PayoutPending(TX, 1, RECIPIENT_WALLET, BANK, AMOUNT))
               .when(new RecordPayoutPending(TX, 1))
               .expectNoEvents();
    }

    @Test
    void shouldGiveUpATimedOutPayoutWithItsOutcomeUnknown() {
        fixture.given(railItem(1), new PayoutPending(TX, 1, RECIPIENT_WALLET, BANK, AMOUNT))
               .when(new TimeOutPayout(TX, 1))
               .expectEvents(new PayoutFailed(TX, 1, PROVIDER_UNAVAILABLE, RECIPIENT_WALLET, BANK, AMOUNT, true));
    }

    @Test
    void cannotTimeOutAPaidPayout() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1))
               .when(new TimeOutPayout(TX, 1))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void shouldSettleALatePaymentOfARetainedItemAndSucceedIt() {
        fixture.given(timedOutAndRetained(1))
               .when(new ConfirmPayout(TX, 1))
               .expectEvents(new PayoutSettledLate(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT),
                       new ItemSucceeded(TX, BATCH, 1))
               .expectResultMessagePayload(true);
    }

    @Test
    void shouldSettleALatePaymentOnlyOnce() {
        fixture.given(timedOutAndRetained(1, new PayoutSettledLate(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT),
                       new ItemSucceeded(TX, BATCH, 1)))
               .when(new ConfirmPayout(TX, 1))
               .expectNoEvents();
    }

    @Test
    void shouldLetALatePaymentWaitWhileTheMoneyIsStillOnItsWayBack() {
        fixture.given(railItem(1), new PayoutFailed(TX, 1, PROVIDER_UNAVAILABLE, RECIPIENT_WALLET, BANK, AMOUNT, true))
               .when(new ConfirmPayout(TX, 1))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void cannotSettleLateAPayoutTheRailRefused() {
        fixture.given(railItem(1), failed(1, PROVIDER_DECLINED),
                       new RetainedInWallet(TX, BATCH, 1, PROVIDER_DECLINED, RECIPIENT_WALLET))
               .when(new ConfirmPayout(TX, 1))
               .expectNoEvents();
    }

    /** The earlier key was paid after all: the new attempt is settled by it and never sent (nothing paid twice). */
    @Test
    void shouldSettleANewAttemptByTheLatePaymentOfTheEarlierOne() {
        fixture.given(timedOutAndRetained(1, new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet)))
               .when(new ConfirmPayout(TX, 2, 1))
               .expectEvents(new LatePayoutApplied(TX, 1, 2), new PayoutSucceeded(TX, 2, BANK, AMOUNT),
                       new ItemSucceeded(TX, BATCH, 2));
    }

    @Test
    void shouldLetALatePaymentWaitWhileANewerAttemptIsUnderWay() {
        fixture.given(timedOutAndRetained(1, new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet)))
               .when(new SettleLatePayout(TX, 1))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    // --- returns ---

    @Test
    void shouldReturnAPaidPayout() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1))
               .when(new ReturnPayout(TX, 1, "R01"))
               .expectEvents(new PayoutReturned(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT, "R01"));
    }

    @Test
    void cannotReturnAPayoutTwice() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1),
                       new PayoutReturned(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT, "R01"))
               .when(new ReturnPayout(TX, 1, "R01"))
               .expectNoEvents();
    }

    @Test
    void cannotReturnAPayoutThatWasNotPaid() {
        fixture.given(railItem(1), new PayoutPending(TX, 1, RECIPIENT_WALLET, BANK, AMOUNT))
               .when(new ReturnPayout(TX, 1, "R01"))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void shouldRetainAReturnedItemOnceItsMoneyIsBack() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1),
                       new PayoutReturned(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT, "R01"))
               .when(new RetainItem(TX, 1, PAYOUT_RETURNED, RECIPIENT_WALLET))
               .expectEvents(new RetainedInWallet(TX, BATCH, 1, PAYOUT_RETURNED, RECIPIENT_WALLET));
    }

    @Test
    void shouldPayAReturnedItemAgainFromTheWalletOnRetry() {
        fixture.given(railItem(1), new PayoutSucceeded(TX, 1, BANK, AMOUNT), new ItemSucceeded(TX, BATCH, 1),
                       new PayoutReturned(TX, BATCH, 1, RECIPIENT_WALLET, BANK, AMOUNT, "R01"),
                       new RetainedInWallet(TX, BATCH, 1, PAYOUT_RETURNED, RECIPIENT_WALLET))
               .when(new ResumeItem(TX))
               .expectEvents(new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet));
    }

    private static Object[] timedOutAndRetained(int attemptNo, Object... later) {
        List<Object> events = new ArrayList<>(List.of(railItem(attemptNo),
                new PayoutPending(TX, attemptNo, RECIPIENT_WALLET, BANK, AMOUNT),
                new PayoutFailed(TX, attemptNo, PROVIDER_UNAVAILABLE, RECIPIENT_WALLET, BANK, AMOUNT, true),
                new RetainedInWallet(TX, BATCH, attemptNo, PROVIDER_UNAVAILABLE, RECIPIENT_WALLET)));
        events.addAll(List.of(later));
        return events.toArray();
    }

    private static PayoutFailed failed(int attemptNo, ErrorCode reason) {
        return new PayoutFailed(TX, attemptNo, reason, RECIPIENT_WALLET, BANK, AMOUNT, false);
    }

    private static ItemSubmitted railItem(int attemptNo) {
        return new ItemSubmitted(TX, BATCH, new IssuerAccountNumber("IAN-1"), "cust-tx-1",
                new RecipientId("RCP-1"), BANK, AMOUNT, new WalletId("WAL-1"), RECIPIENT_WALLET,
                java.util.Map.of("bankAccountId", "ba_1"), attemptNo, 0, null);
    }
}
