package io.masspay.query.totals;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.attemptStarted;
import static io.masspay.infra.support.PayoutEvents.failed;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.retained;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily totals (API.md section 9): each item once, under its latest outcome, on the UTC day that outcome
 * happened; read back through the report's own grouped query.
 */
class DailyTotalsProjectionTest {

    private static final Instant DAY_1 = Instant.parse("2026-11-24T23:59:59Z");
    private static final Instant DAY_2 = Instant.parse("2026-11-25T00:00:00Z");
    private static final String ITEMS = """
            select transaction_id, status, attempt_no, outcome_date, last_sequence
            from daily_totals_item order by transaction_id""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final DailyTotalsProjection projection = new DailyTotalsProjection(harness.jdbc());
    private final DailyTotalsQueries queries = new DailyTotalsQueries(harness.jdbc());

    @Test
    void eachItemCountsOnceOnTheUtcDayItsOutcomeHappened() {
        harness.handle(projection, List.of(
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.50")),
                harness.stored("tx3", itemSubmitted(ISSUER, "B1", "tx3", 2, "30.00")),
                harness.stored("tx4", itemSubmitted(ISSUER, "B1", "tx4", 3, "40.00")),
                harness.stored("tx5", itemSubmitted(ISSUER, "B1", "tx5", 4, "99.99")),
                harness.stored("tx1", succeeded("B1", "tx1", 1), DAY_1),
                harness.stored("tx2", succeeded("B1", "tx2", 1), DAY_1),
                harness.stored("tx3", failed("B1", "tx3", 1, ErrorCode.PROVIDER_DECLINED), DAY_2),
                harness.stored("tx4", retained("B1", "tx4", 1, ErrorCode.PROVIDER_UNAVAILABLE), DAY_2)));

        assertThat(totals("2026-11-24", "2026-11-25")).as("tx5 has no outcome yet: on no day").containsExactly(
                "2026-11-24 USD XTR94500 Success 2 30.50",
                "2026-11-25 USD XTR94500 Failed 1 30.00",
                "2026-11-25 USD XTR94500 RetainedInWallet 1 40.00");
        assertThat(totals("2026-11-25", "2026-11-25")).hasSize(2);
    }

    @Test
    void aRetriedItemLeavesTheDayItFailedOnAndCountsOnTheDayItsNewAttemptEnds() {
        harness.handle(projection, harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_UNAVAILABLE), DAY_1));
        assertThat(totals("2026-11-24", "2026-11-25")).containsExactly("2026-11-24 USD XTR94500 Failed 1 10.00");

        harness.handle(projection, harness.stored("tx1", attemptStarted("B1", "tx1", 2), DAY_2));
        assertThat(totals("2026-11-24", "2026-11-25")).isEmpty();
        assertThat(harness.rows(ITEMS)).containsExactly("tx1 | Processing | 2 | null | 2");

        harness.handle(projection, harness.stored("tx1", succeeded("B1", "tx1", 2), DAY_2));
        assertThat(totals("2026-11-24", "2026-11-25")).containsExactly("2026-11-25 USD XTR94500 Success 1 10.00");
    }

    @Test
    void aCashOutIsNotCounted() {
        harness.handle(projection, harness.stored("co1", succeeded(null, "co1", 1), DAY_1));

        assertThat(harness.rows(ITEMS)).isEmpty();
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", failed("B1", "tx1", 1, ErrorCode.PROVIDER_UNAVAILABLE), DAY_1),
                harness.stored("tx1", attemptStarted("B1", "tx1", 2), DAY_2),
                harness.stored("tx1", succeeded("B1", "tx1", 2), DAY_2));
        harness.handle(projection, events);
        List<String> once = harness.rows(ITEMS);

        harness.handle(projection, events);
        // the failure redelivered alone after the success: older by sequence, ignored
        harness.handle(projection, events.get(1));

        assertThat(harness.rows(ITEMS)).isEqualTo(once).containsExactly("tx1 | Success | 2 | 2026-11-25 | 3");
    }

    @Test
    void theResetHandlerEmptiesTheTable() {
        harness.handle(projection, harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")));
        assertThat(harness.rows(ITEMS)).hasSize(1);

        harness.reset(projection);

        assertThat(harness.rows(ITEMS)).isEmpty();
    }

    private List<String> totals(String from, String to) {
        return queries.totals(IssuerAccountNumber.of(ISSUER), DateRange.of(from, to)).stream()
                .map(r -> String.join(" ", r.date(), r.currency(), r.sendMethodId(), r.status(),
                        String.valueOf(r.count()), r.amount()))
                .toList();
    }
}
