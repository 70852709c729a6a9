package io.masspay.rails.dispatch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.RailAnswer;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.PayoutOrder;
import io.masspay.rails.RailReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.masspay.rails.dispatch.ClaimedPayout.State.Due;
import static io.masspay.rails.dispatch.ClaimedPayout.State.Pending;
import static io.masspay.rails.dispatch.ClaimedPayout.State.Unresolved;
import static org.assertj.core.api.Assertions.assertThat;

/** What each rail reply means for a claimed payout (ADR 0013), case by case, without a database. */
class ReplyRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final TransactionId TX = new TransactionId("tx_1");
    private final ReplyRules rules = new ReplyRules(new DispatchPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofHours(72)));

    @ParameterizedTest(name = "sent, {0} after {1} failed and {2} unanswered calls -> answer {3}, state {4}, next in {5} s")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Paid              | 0 | 0 | Paid     | Paid    | -
            Declined          | 0 | 0 | Refused  | Failed  | -
            DestinationClosed | 0 | 0 | Refused  | Failed  | -
            Pending           | 0 | 0 | Pending  | Pending | 2
            Unavailable       | 0 | 0 | -        | Due     | 1
            Unavailable       | 2 | 0 | -        | Due     | 4
            Unavailable       | 4 | 0 | Refused  | Failed  | -
            Unanswered        | 0 | 0 | -        | Due     | 1
            Unanswered        | 3 | 1 | Pending  | Pending | 2
            Throttled         | 4 | 0 | -        | Due     | 1
            """)
    void shouldDecideWhatASendLeadsTo(RailReply.Kind reply, int failed, int unanswered, RailAnswer.Kind answer,
                                      ClaimedPayout.State state, Integer nextSeconds) {
        Decision decision = rules.afterSend(row(Due, failed, unanswered), RailReply.of(reply), NOW);

        assertThat(decision.answer() == null ? null : decision.answer().kind()).isEqualTo(answer);
        assertThat(decision.update().state()).isEqualTo(state);
        if (nextSeconds != null) {
            assertThat(decision.update().nextAttemptAt()).isEqualTo(NOW.plusSeconds(nextSeconds));
        }
    }

    @Test
    void shouldRefuseWithTheRailsReason() {
        assertThat(rules.afterSend(row(Due, 0, 0), RailReply.of(RailReply.Kind.DestinationClosed), NOW).answer())
                .isEqualTo(RailAnswer.refused(TX, 1, ErrorCode.DESTINATION_CLOSED));
        assertThat(rules.afterSend(row(Due, 4, 0), RailReply.of(RailReply.Kind.Unavailable), NOW).answer())
                .isEqualTo(RailAnswer.refused(TX, 1, ErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void shouldNotCountAThrottleAsACall() {
        Decision decision = rules.afterSend(row(Due, 0, 0), new RailReply(RailReply.Kind.Throttled, Duration.ofSeconds(9),
                "429"), NOW);

        assertThat(decision.update().calls()).isZero();
        assertThat(decision.update().nextAttemptAt()).isEqualTo(NOW.plusSeconds(9));
    }

    @ParameterizedTest(name = "{0} payout asked, {1} -> answer {2}, state {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Pending    | Paid        | Paid    | Paid
            Pending    | Declined    | Refused | Failed
            Pending    | Pending     | -       | -
            Pending    | Unanswered  | -       | -
            Pending    | UnknownKey  | -       | Due
            Unresolved | Paid        | Paid    | Paid
            Unresolved | Declined    | -       | Failed
            Unresolved | UnknownKey  | -       | Failed
            Unresolved | Pending     | -       | -
            """)
    void shouldDecideWhatAStatusQuestionLeadsTo(ClaimedPayout.State asked, RailReply.Kind reply, RailAnswer.Kind answer,
                                                ClaimedPayout.State state) {
        Decision decision = rules.afterStatus(row(asked, 0, 0), RailReply.of(reply), NOW);

        assertThat(decision.answer() == null ? null : decision.answer().kind()).isEqualTo(answer);
        assertThat(decision.update().state()).isEqualTo(state);
    }

    @Test
    void shouldPollAPendingPayoutLessAndLessOften() {
        ClaimedPayout polledThrice = new ClaimedPayout(order(), "WAL-1", Pending, 1, 0, 0, 3, 7L, NOW, null);

        assertThat(rules.afterStatus(polledThrice, RailReply.of(RailReply.Kind.Pending), NOW).update().nextAttemptAt())
                .isEqualTo(NOW.plusSeconds(32));
    }

    @Test
    void shouldStopAskingAboutATimedOutKeyOnceItsReconcileWindowIsOver() {
        ClaimedPayout old = new ClaimedPayout(order(), "WAL-1", Unresolved, 1, 0, 0, 40, 7L,
                NOW.minus(Duration.ofHours(73)), null);

        assertThat(rules.afterStatus(old, RailReply.of(RailReply.Kind.Pending), NOW).update().nextAttemptAt())
                .isAfter(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void shouldSettleANewAttemptByAnEarlierKeyFoundPaid() {
        Decision decision = rules.afterPrecheck(attemptTwo(), 1, RailReply.of(RailReply.Kind.Paid), NOW);

        assertThat(decision.answer()).isEqualTo(new RailAnswer(TX, 2, RailAnswer.Kind.Paid, null, 1, null));
        assertThat(decision.sendNow()).isFalse();
    }

    @Test
    void shouldSendANewAttemptOnceTheEarlierKeyIsKnownUnpaid() {
        Decision decision = rules.afterPrecheck(attemptTwo(), 1, RailReply.of(RailReply.Kind.UnknownKey), NOW);

        assertThat(decision.sendNow()).isTrue();
        assertThat(decision.unpaidKey()).isEqualTo("tx_1:1");
        assertThat(decision.answer()).isNull();
    }

    @Test
    void shouldHoldANewAttemptWhileTheEarlierKeyIsStillOpen() {
        Decision decision = rules.afterPrecheck(attemptTwo(), 1, RailReply.of(RailReply.Kind.Pending), NOW);

        assertThat(decision.sendNow()).isFalse();
        assertThat(decision.answer().kind()).isEqualTo(RailAnswer.Kind.Pending);
        assertThat(decision.update().state()).isEqualTo(Due);
        assertThat(decision.update().calls()).as("nothing was sent").isZero();
    }

    private static ClaimedPayout row(ClaimedPayout.State state, int failed, int unanswered) {
        return new ClaimedPayout(order(), "WAL-1", state, 1, failed, unanswered, 0, 7L, NOW, null);
    }

    private static ClaimedPayout attemptTwo() {
        PayoutOrder second = new PayoutOrder(TX, 2, SendMethod.BANK_TRANSFER, Money.of("1.00", CurrencyCode.USD), Map.of());
        return new ClaimedPayout(second, "WAL-1", Due, 1, 0, 0, 0, 7L, NOW, "tx_1:1");
    }

    private static PayoutOrder order() {
        return new PayoutOrder(TX, 1, SendMethod.BANK_TRANSFER, Money.of("1.00", CurrencyCode.USD), Map.of());
    }
}
