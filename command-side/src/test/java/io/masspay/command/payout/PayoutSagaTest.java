package io.masspay.command.payout;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.ConfirmPayout;
import io.masspay.kernel.payout.FailPayout;
import io.masspay.kernel.payout.FundsReturnedToWallet;
import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.PayoutFailed;
import io.masspay.kernel.payout.PayoutRequested;
import io.masspay.kernel.payout.PayoutSucceeded;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.RetainItem;
import io.masspay.kernel.payout.RetainedInWallet;
import io.masspay.kernel.payout.ReturnFunds;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static io.masspay.kernel.error.ErrorCode.DESTINATION_CLOSED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_DECLINED;
import static io.masspay.kernel.error.ErrorCode.PROVIDER_UNAVAILABLE;
import static io.masspay.kernel.payout.RailOutcome.Declined;
import static io.masspay.kernel.payout.RailOutcome.DestinationClosed;
import static io.masspay.kernel.payout.RailOutcome.Paid;
import static io.masspay.kernel.payout.RailOutcome.Unavailable;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The PayoutSaga against a scripted rail: the fixture's command bus answers every {@link PayOut} with the
 * next scripted {@link RailResponse} (the last one repeats) and every other command with nothing, and
 * records what was dispatched. Deadlines are the fixture's own; time only moves with {@code ...TimeElapses}.
 */
class PayoutSagaTest {

    private static final TransactionId TX = new TransactionId("tx");
    private static final TransactionId OTHER_TX = new TransactionId("tx_other");
    private static final BatchId BATCH = new BatchId("bt_1");
    private static final WalletId WALLET = new WalletId("WAL-2");
    private static final SendMethod METHOD = SendMethod.XTR94500;
    private static final Money AMOUNT = Money.of("10.00", CurrencyCode.USD);
    private static final Map<String, String> DESTINATION = Map.of("bankAccountId", "ba_1");

    private static final String RETRY = "payout-retry";
    private static final String TIMEOUT = "payout-timeout";
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private SagaTestFixture<PayoutSaga> fixture;
    /** What the rail answers, in order; the last answer repeats. */
    private final Deque<RailOutcome> rail = new ArrayDeque<>();
    /** Every rail call, of the given and the when phase alike. */
    private final List<PayOut> railCalls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new PayoutPolicy(5, Duration.ofSeconds(1), FIFTEEN_MINUTES));
    }

    private SagaTestFixture<PayoutSaga> fixtureWith(PayoutPolicy policy) {
        SagaTestFixture<PayoutSaga> sagaFixture = new SagaTestFixture<>(PayoutSaga.class);
        sagaFixture.registerResource(policy);
        sagaFixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof PayOut payOut) {
                railCalls.add(payOut);
                return new RailResponse(rail.size() > 1 ? rail.poll() : rail.peek());
            }
            return null;
        });
        return sagaFixture;
    }

    private void railAnswers(RailOutcome... outcomes) {
        rail.clear();
        rail.addAll(List.of(outcomes));
    }

    // --- the rail call ---

    @Test
    void shouldCallTheRailWithTheIdempotencyKeyOfTheAttempt() {
        railAnswers(Paid);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectDispatchedCommands(payOut("tx:1", 1), new ConfirmPayout(TX, 1));
        assertEquals(List.of("tx:1"), keysOfRailCalls());
    }

    @Test
    void shouldCallTheRailOfALaterAttemptWithItsOwnKey() {
        railAnswers(Paid);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(2))
               .expectDispatchedCommands(payOut("tx:2", 2), new ConfirmPayout(TX, 2));
        assertEquals(List.of("tx:2"), keysOfRailCalls());
    }

    @Test
    void shouldScheduleTheTimeoutOfTheWholeAttemptWhenItHasToWait() {
        railAnswers(Unavailable);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT)
               .expectActiveSagas(1)
               .expectAssociationWith("transactionId", TX);
    }

    // --- paid ---

    /** ConfirmPayout records PayoutSucceeded in the saga's own unit of work: nothing is left to wait for. */
    @Test
    void shouldEndWithoutAnyDeadlineWhenTheFirstCallPays() {
        railAnswers(Paid);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectDispatchedCommands(payOut("tx:1", 1), new ConfirmPayout(TX, 1))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void shouldCancelTheTimeoutAndEndWhenARetryPays() {
        railAnswers(Unavailable, Paid);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(Duration.ofSeconds(1))
               .expectDispatchedCommands(payOut("tx:1", 1), new ConfirmPayout(TX, 1))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void shouldNotFailAPaidPayoutOnceItEnded() {
        railAnswers(Paid);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenAggregate(TX.value()).published(new PayoutSucceeded(TX, 1, METHOD, AMOUNT))
               .whenTimeElapses(FIFTEEN_MINUTES)
               .expectNoDispatchedCommands()
               .expectTriggeredDeadlines();
    }

    // --- refused for good ---

    @Test
    void shouldFailThePayoutAsDeclinedWhenTheRailDeclines() {
        railAnswers(Declined);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectDispatchedCommands(payOut("tx:1", 1), new FailPayout(TX, 1, PROVIDER_DECLINED))
               .expectNoScheduledDeadlineMatching(deadlineNamed(RETRY))
               .expectActiveSagas(1);
    }

    @Test
    void shouldFailThePayoutAsDestinationClosedWhenTheRailSaysSo() {
        railAnswers(DestinationClosed);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectDispatchedCommands(payOut("tx:1", 1), new FailPayout(TX, 1, DESTINATION_CLOSED))
               .expectNoScheduledDeadlineMatching(deadlineNamed(RETRY))
               .expectActiveSagas(1);
    }

    @Test
    void shouldNotCallADecliningRailAgain() {
        railAnswers(Declined);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(Duration.ofMinutes(1))
               .expectNoDispatchedCommands();
        assertEquals(1, railCalls.size());
    }

    // --- unavailable: retries with backoff ---

    @Test
    void shouldScheduleARetryAfterOneSecondWhenTheRailIsUnavailable() {
        railAnswers(Unavailable);
        fixture.givenNoPriorActivity()
               .whenAggregate(WALLET.value()).publishes(requested(1))
               .expectDispatchedCommands(payOut("tx:1", 1))
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY)
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void shouldNotCallTheRailAgainBeforeTheBackoffElapsed() {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(Duration.ofMillis(999))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofMillis(1), RETRY);
    }

    @Test
    void shouldCallTheRailAgainWithTheSameKeyWhenTheRetryIsDue() {
        railAnswers(Unavailable, Paid);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(Duration.ofSeconds(1))
               .expectTriggeredDeadlinesWithName(RETRY)
               .expectDispatchedCommands(payOut("tx:1", 1), new ConfirmPayout(TX, 1))
               .expectNoScheduledDeadlines();
        assertEquals(List.of("tx:1", "tx:1"), keysOfRailCalls());
    }

    /** After the n-th unavailable call the saga waits 1 s, 2 s, 4 s, 8 s. */
    @ParameterizedTest(name = "after call {0} it waits {1} s")
    @CsvSource({"2, 2", "3, 4", "4, 8"})
    void shouldDoubleTheBackoffAfterEachUnavailableCall(int callsMade, long backoffSeconds) throws Exception {
        railAnswers(Unavailable);
        var given = fixture.givenAggregate(WALLET.value()).published(requested(1));
        long waited = 1;
        for (int call = 2; call < callsMade; call++) {
            given = given.andThenTimeElapses(Duration.ofSeconds(waited));
            waited *= 2;
        }
        given.whenTimeElapses(Duration.ofSeconds(waited))
             .expectDispatchedCommands(payOut("tx:1", 1))
             .expectScheduledDeadlineWithName(Duration.ofSeconds(backoffSeconds), RETRY);
        assertEquals(callsMade, railCalls.size());
    }

    @Test
    void shouldFailAsUnavailableAfterFiveCalls() throws Exception {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenTimeElapses(Duration.ofSeconds(1))
               .andThenTimeElapses(Duration.ofSeconds(2))
               .andThenTimeElapses(Duration.ofSeconds(4))
               .whenTimeElapses(Duration.ofSeconds(8))
               .expectDispatchedCommands(payOut("tx:1", 1), new FailPayout(TX, 1, PROVIDER_UNAVAILABLE))
               .expectNoScheduledDeadlineMatching(deadlineNamed(RETRY))
               .expectActiveSagas(1);
        assertEquals(List.of("tx:1", "tx:1", "tx:1", "tx:1", "tx:1"), keysOfRailCalls());
    }

    @Test
    void shouldCallAnUnavailableRailExactlyFiveTimesAndFailOnce() {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(FIFTEEN_MINUTES)
               .expectTriggeredDeadlinesWithName(RETRY, RETRY, RETRY, RETRY, TIMEOUT)
               .expectDispatchedCommands(payOut("tx:1", 1), payOut("tx:1", 1), payOut("tx:1", 1),
                       payOut("tx:1", 1), new FailPayout(TX, 1, PROVIDER_UNAVAILABLE));
        assertEquals(5, railCalls.size());
    }

    // --- timeout ---

    @Test
    void shouldFailAsUnavailableWhenNoFinalAnswerArrivedWithinTheTimeout() {
        fixture = fixtureWith(new PayoutPolicy(5, Duration.ofMinutes(20), FIFTEEN_MINUTES));
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenTimeElapses(FIFTEEN_MINUTES)
               .expectTriggeredDeadlinesWithName(TIMEOUT)
               .expectDispatchedCommands(new FailPayout(TX, 1, PROVIDER_UNAVAILABLE))
               .expectNoScheduledDeadlineMatching(deadlineNamed(TIMEOUT));
    }

    @Test
    void shouldStopRetryingWhenTheTimeoutFiresFirst() throws Exception {
        fixture = fixtureWith(new PayoutPolicy(5, Duration.ofMinutes(10), FIFTEEN_MINUTES));
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenTimeElapses(Duration.ofMinutes(10))
               .whenTimeElapses(Duration.ofMinutes(5))
               // the fixture lists the deadlines triggered in the given phase too
               .expectTriggeredDeadlinesWithName(RETRY, TIMEOUT)
               .expectDispatchedCommands(new FailPayout(TX, 1, PROVIDER_UNAVAILABLE));
        assertEquals(2, railCalls.size());
    }

    @Test
    void shouldNotCallTheRailAgainOnARetryDueAfterTheTimeout() throws Exception {
        fixture = fixtureWith(new PayoutPolicy(5, Duration.ofMinutes(10), FIFTEEN_MINUTES));
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenTimeElapses(Duration.ofMinutes(10))
               .andThenTimeElapses(Duration.ofMinutes(5))
               .whenTimeElapses(Duration.ofMinutes(15))
               // the fixture lists the deadlines triggered in the given phase too
               .expectTriggeredDeadlinesWithName(RETRY, TIMEOUT, RETRY)
               .expectNoDispatchedCommands();
        assertEquals(2, railCalls.size());
    }

    // --- compensation ---

    @Test
    void shouldReturnTheFundsToTheWalletWhenThePayoutFailed() {
        railAnswers(Declined);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenAggregate(TX.value()).publishes(new PayoutFailed(TX, 1, PROVIDER_DECLINED))
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1);
    }

    @Test
    void shouldCancelAPendingRetryWhenThePayoutFailed() throws Exception {
        fixture = fixtureWith(new PayoutPolicy(5, Duration.ofMinutes(10), FIFTEEN_MINUTES));
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenTimeElapses(Duration.ofMinutes(10))
               .andThenTimeElapses(Duration.ofMinutes(5))
               .whenAggregate(TX.value()).publishes(new PayoutFailed(TX, 1, PROVIDER_UNAVAILABLE))
               .expectDispatchedCommands(new ReturnFunds(WALLET, TX, 1, METHOD, AMOUNT))
               .expectNoScheduledDeadlines();
    }

    @Test
    void shouldRetainTheItemWithTheFailureReasonOnceTheFundsAreBack() {
        railAnswers(Declined);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 1, PROVIDER_DECLINED))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectDispatchedCommands(new RetainItem(TX, 1, PROVIDER_DECLINED, WALLET))
               .expectActiveSagas(1);
    }

    @Test
    void shouldRetainAnItemWhoseRailStayedUnavailableAsUnavailable() throws Exception {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenTimeElapses(Duration.ofSeconds(15))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 1, PROVIDER_UNAVAILABLE))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectDispatchedCommands(new RetainItem(TX, 1, PROVIDER_UNAVAILABLE, WALLET));
    }

    @Test
    void shouldEndWhenTheItemIsRetainedInTheWallet() {
        railAnswers(DestinationClosed);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 1, DESTINATION_CLOSED))
               .andThenAggregate(WALLET.value()).published(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .whenAggregate(TX.value()).publishes(retained(1, DESTINATION_CLOSED))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    // --- other attempts and other transactions ---

    @Test
    void shouldIgnoreASuccessOfAnotherAttempt() {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(2))
               .whenAggregate(TX.value()).publishes(new PayoutSucceeded(TX, 1, METHOD, AMOUNT))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY)
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void shouldIgnoreAFailureOfAnotherAttempt() {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(2))
               .whenAggregate(TX.value()).publishes(new PayoutFailed(TX, 1, PROVIDER_DECLINED))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY)
               .expectScheduledDeadlineWithName(FIFTEEN_MINUTES, TIMEOUT)
               .expectActiveSagas(1);
    }

    @Test
    void shouldKeepRetryingAfterAFailureOfAnotherAttempt() {
        railAnswers(Unavailable, Paid);
        fixture.givenAggregate(WALLET.value()).published(requested(2))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 1, PROVIDER_DECLINED))
               .whenTimeElapses(Duration.ofSeconds(1))
               .expectDispatchedCommands(payOut("tx:2", 2), new ConfirmPayout(TX, 2));
    }

    @Test
    void shouldIgnoreFundsReturnedForAnotherAttempt() {
        railAnswers(Declined);
        fixture.givenAggregate(WALLET.value()).published(requested(2))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 2, PROVIDER_DECLINED))
               .whenAggregate(WALLET.value()).publishes(new FundsReturnedToWallet(WALLET, TX, 1, METHOD, AMOUNT))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
    }

    @Test
    void shouldIgnoreARetentionOfAnotherAttempt() {
        railAnswers(Declined);
        fixture.givenAggregate(WALLET.value()).published(requested(2))
               .andThenAggregate(TX.value()).published(new PayoutFailed(TX, 2, PROVIDER_DECLINED))
               .whenAggregate(TX.value()).publishes(retained(1, PROVIDER_DECLINED))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
    }

    @Test
    void shouldIgnoreEventsOfAnotherTransaction() {
        railAnswers(Unavailable);
        fixture.givenAggregate(WALLET.value()).published(requested(1))
               .whenAggregate(OTHER_TX.value()).publishes(new PayoutFailed(OTHER_TX, 1, PROVIDER_DECLINED))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY)
               .expectActiveSagas(1);
    }

    // --- helpers ---

    private static PayoutRequested requested(int attemptNo) {
        return new PayoutRequested(WALLET, TX, attemptNo, METHOD, AMOUNT, DESTINATION);
    }

    /** The key is spelled out, not computed with {@link PayOut#idempotencyKey}, so its format is asserted too. */
    private static PayOut payOut(String idempotencyKey, int attemptNo) {
        return new PayOut(idempotencyKey, TX, attemptNo, METHOD, AMOUNT, DESTINATION);
    }

    private static RetainedInWallet retained(int attemptNo, ErrorCode reason) {
        return new RetainedInWallet(TX, BATCH, attemptNo, reason, WALLET);
    }

    private List<String> keysOfRailCalls() {
        return railCalls.stream().map(PayOut::idempotencyKey).toList();
    }

    private static Matcher<DeadlineMessage<?>> deadlineNamed(String name) {
        return new FeatureMatcher<>(equalTo(name), "deadline named", "name") {
            @Override
            protected String featureValueOf(DeadlineMessage<?> actual) {
                return actual.getDeadlineName();
            }
        };
    }
}
