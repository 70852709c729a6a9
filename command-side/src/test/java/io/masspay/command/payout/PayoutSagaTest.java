package io.masspay.command.payout;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.wallet.RecoverLatePayout;
import io.masspay.kernel.transaction.RetainItem;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.wallet.ReturnFunds;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.TimeOutPayout;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.masspay.kernel.error.ErrorCode.DESTINATION_CLOSED;
import static io.masspay.kernel.error.ErrorCode.PAYOUT_RETURNED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_DECLINED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_UNAVAILABLE;

/**
 * The PayoutSaga coordinates an attempt that has to wait or be undone (ADR 0013): the timeout of a
 * pending payout, the money back after a failure or a return, and a late payment taken back out of the
 * wallet. The rail calls are the dispatcher's; the saga only reacts to the events they lead to. Deadlines
 * are the fixture's own; time only moves with {@code ...TimeElapses}.
 */
class PayoutSagaTest {

    private static final TransactionId TX = new TransactionId("tx");
    private static final TransactionId OTHER_TX = new TransactionId("tx_other");
    private static final BatchId BATCH = new BatchId("bt_1");
    private static final WalletId WALLET = new WalletId("WAL-2");
    private static final SendMethod METHOD = SendMethod.BANK_TRANSFER;
    private static final Money AMOUNT = Money.of("10.00", CurrencyCode.USD);

    private static final String TIMEOUT = "payout-timeout";
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private SagaTestFixture<PayoutSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayoutSaga.class);
        fixture.registerResource(new PayoutPolicy(FIFTEEN_MINUTES));
    }

    // --- a payout paid at once needs no saga ---

    @Test
    void shouldNotStartForAPayoutRequestedOrPaidAtOnce() {
        fixture.givenAggregate(WALLET.value()).published(new PayoutRequested(WALLET, TX, 1, METHOD, AMOUNT, Map.of()))
               .whenAggregate(TX.value()).publishes(new PayoutSucceeded(TX, 1, METHOD, AMOUNT))
               .expectActiveSagas(0)
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
    }

    // --- pending: the attempt's timeout ---

    @Test
    void shouldStartTheTimeoutOfTheAttemptWhenTheRailLeavesItPending() {
        fixture.givenNoPriorActivity()
               .whenAggregate(TX.value()).publishes(pending(1))
               .expectActiveSagas(1)
               .expectAssociationWith("payoutKey", "tx:1")
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT)
               .expectNoDispatchedCommands();
    }

    /** Paid payouts are not followed (no association lookup per paid item): the deadline finds it settled. */
    @Test
    void shouldEndAtTheTimeoutWhenThePendingPayoutWasPaidMeanwhile() {
        fixture.setCallbackBehavior((command, metaData) -> command instanceof TimeOutPayout ? false : null);
        fixture.givenAggregate(TX.value()).published(pending(1))
               .andThenAggregate(TX.value()).published(new PayoutSucceeded(TX, 1, METHOD, AMOUNT))
               .whenTimeElapses(FIFTEEN_MINUTES)
               .expectDispatchedCommands(new TimeOutPayout(TX, 1))
               .expectActiveSagas(0);
    }

    @Test
    void shouldGiveTheAttemptUpWhenTheTimeoutPassesWithoutAnAnswer() {
        fixture.setCallbackBehavior((command, metaData) -> command instanceof TimeOutPayout ? true : null);
        fixture.givenAggregate(TX.value()).published(pending(1))
               .whenTimeElapses(FIFTEEN_MINUTES)
               .expectTriggeredDeadlinesWithName(TIMEOUT)
               .expectDispatchedCommands(new TimeOutPayout(TX, 1))
               .expectActiveSagas(1);
    }

    @Test
    void shouldNotTimeOutBeforeTheTimeoutPasses() {
        fixture.givenAggregate(TX.value()).published(pending(1))
               .whenTimeElapses(FIFTEEN_MINUTES.minusSeconds(1))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
    }

    /** The money goes back; the key stays open to a late answer (the Transaction remembers it). */
    @Test
    void shouldSendTheMoneyBackOfAnAttemptThatTimedOut() throws Exception {
        fixture.setCallbackBehavior((command, metaData) -> command instanceof TimeOutPayout ? true : null);
        fixture.givenAggregate(TX.value()).published(pending(1))
               .andThenTimeElapses(FIFTEEN_MINUTES)
               .whenAggregate(TX.value()).publishes(failed(1, PROVIDER_UNAVAILABLE, true))
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT))
               .expectNoScheduledDeadlines();
    }

    @Test
    void shouldCancelTheTimeoutWhenThePendingPayoutIsDeclined() {
        fixture.givenAggregate(TX.value()).published(pending(1))
               .whenAggregate(TX.value()).publishes(failed(1, PROVIDER_DECLINED, false))
               .expectNoScheduledDeadlines()
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT));
    }

    // --- compensation of a failed payout ---

    @Test
    void shouldReturnTheMoneyOfARefusedPayoutToTheWallet() {
        fixture.givenNoPriorActivity()
               .whenAggregate(TX.value()).publishes(failed(1, DESTINATION_CLOSED, false))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT));
    }

    @Test
    void shouldRetainTheItemWithTheRailsReasonOnceTheMoneyIsBack() {
        fixture.givenAggregate(TX.value()).published(failed(1, DESTINATION_CLOSED, false))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectDispatchedCommands(new RetainItem(TX, 1, DESTINATION_CLOSED, WALLET));
    }

    @Test
    void shouldEndOnceTheItemIsRetained() {
        fixture.givenAggregate(TX.value()).published(failed(1, PROVIDER_DECLINED, false))
               .andThenAggregate(WALLET.value()).published(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .whenAggregate(TX.value()).publishes(retained(1, PROVIDER_DECLINED))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    // --- a return ---

    @Test
    void shouldBringAReturnedPayoutBackToTheWallet() {
        fixture.givenNoPriorActivity()
               .whenAggregate(TX.value()).publishes(returned(1))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT));
    }

    @Test
    void shouldRetainAReturnedItemWithPayoutReturned() {
        fixture.givenAggregate(TX.value()).published(returned(1))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectDispatchedCommands(new RetainItem(TX, 1, PAYOUT_RETURNED, WALLET));
    }

    // --- a late payment ---

    @Test
    void shouldTakeALatePaymentBackOutOfTheWalletItWasReturnedTo() {
        fixture.givenNoPriorActivity()
               .whenAggregate(TX.value()).publishes(new PayoutSettledLate(TX, BATCH, 1, WALLET, METHOD, AMOUNT))
               .expectDispatchedCommands(new RecoverLatePayout(WALLET, TX, 1, METHOD, AMOUNT))
               .expectActiveSagas(1);
    }

    @Test
    void shouldEndOnceTheLatePaymentLeftTheWallet() {
        fixture.givenAggregate(TX.value()).published(new PayoutSettledLate(TX, BATCH, 1, WALLET, METHOD, AMOUNT))
               .whenAggregate(WALLET.value()).publishes(new LatePayoutRecovered(WALLET, TX, 1, METHOD, AMOUNT))
               .expectActiveSagas(0);
    }

    // --- one saga per attempt ---

    @Test
    void shouldIgnoreEventsOfAnotherAttempt() {
        fixture.givenAggregate(TX.value()).published(pending(2))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT);
    }

    @Test
    void shouldIgnoreEventsOfAnotherTransaction() {
        fixture.givenAggregate(TX.value()).published(pending(1))
               .whenAggregate(OTHER_TX.value()).publishes(new PayoutSucceeded(OTHER_TX, 1, METHOD, AMOUNT))
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT);
    }

    // --- helpers ---

    private static PayoutPending pending(int attemptNo) {
        return new PayoutPending(TX, attemptNo, WALLET, METHOD, AMOUNT);
    }

    private static PayoutFailed failed(int attemptNo, ErrorCode reason, boolean outcomeUnknown) {
        return new PayoutFailed(TX, attemptNo, reason, WALLET, METHOD, AMOUNT, outcomeUnknown);
    }

    private static PayoutReturned returned(int attemptNo) {
        return new PayoutReturned(TX, BATCH, attemptNo, WALLET, METHOD, AMOUNT, "R01");
    }

    private static RetainedInWallet retained(int attemptNo, ErrorCode reason) {
        return new RetainedInWallet(TX, BATCH, attemptNo, reason, WALLET);
    }
}
