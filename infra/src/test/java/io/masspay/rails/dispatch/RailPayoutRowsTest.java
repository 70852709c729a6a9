package io.masspay.rails.dispatch;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masspay.infra.support.PayoutEvents.payoutRequested;
import static io.masspay.infra.support.PayoutEvents.payoutSucceeded;
import static io.masspay.infra.support.PayoutEvents.recipientWallet;
import static io.masspay.infra.support.PayoutEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The dispatch table: a requested payout becomes a call to make, its settlement stops it being made. */
class RailPayoutRowsTest {

    private static final String ROWS = """
            select idempotency_key, transaction_id, attempt_no, send_method_id, wallet_id, amount_minor, currency,
                destination, state
            from rail_payout order by idempotency_key""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final AtomicInteger wakes = new AtomicInteger();
    private final RailPayoutRows rows;

    RailPayoutRowsTest() {
        DispatchSignal signal = new DispatchSignal();
        signal.onWake(wakes::incrementAndGet);
        rows = new RailPayoutRows(harness.jdbc(), new DispatchPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofHours(72)), signal);
    }

    @Test
    void aRequestedPayoutIsDueAndTheDispatcherIsWokenOnceItsCommitted() {
        harness.handle(rows, harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 1, "10.00")),
                harness.stored(recipientWallet("tx2"), payoutRequested("tx2", 1, "20.00")));

        assertThat(harness.rows(ROWS)).containsExactly(
                "tx1:1 | tx1 | 1 | XTR94500 | WAL-PAT-tx1 | 1000 | USD | {\"BankAccountId\":\"BNK-tx1\"} | Due",
                "tx2:1 | tx2 | 1 | XTR94500 | WAL-PAT-tx2 | 2000 | USD | {\"BankAccountId\":\"BNK-tx2\"} | Due");
        assertThat(wakes).as("one wake per unit of work, not per row").hasValue(1);
    }

    @Test
    void eachSettlementSetsItsKeysState() {
        harness.handle(rows, harness.stored("w1", payoutRequested("tx1", 1, "10.00")),
                harness.stored("w2", payoutRequested("tx2", 1, "10.00")),
                harness.stored("w3", payoutRequested("tx3", 1, "10.00")),
                harness.stored("w4", payoutRequested("tx4", 1, "10.00")));

        harness.handle(rows, harness.stored("w1", payoutSucceeded("tx1", 1, "10.00")),
                harness.stored("w2", new PayoutFailed(TransactionId.of("tx2"), 1, ErrorCode.PROVIDER_DECLINED,
                        WalletId.of("w2"), SendMethod.BANK_TRANSFER, usd("10.00"), false)),
                harness.stored("w3", new PayoutFailed(TransactionId.of("tx3"), 1, ErrorCode.PROVIDER_UNAVAILABLE,
                        WalletId.of("w3"), SendMethod.BANK_TRANSFER, usd("10.00"), true)),
                harness.stored("w4", new PayoutReturned(TransactionId.of("tx4"), BatchId.of("B1"), 1, WalletId.of("w4"),
                        SendMethod.BANK_TRANSFER, usd("10.00"), "R01")));

        assertThat(harness.rows("""
                select idempotency_key, state, answered_at is not null, lease_until,
                    next_attempt_at > now() + interval '1 second'
                from rail_payout order by idempotency_key""")).containsExactly(
                "tx1:1 | Paid | true | null | false",
                "tx2:1 | Failed | true | null | false",
                // its outcome unknown: polled for a late answer, from the first poll interval (2 s) on
                "tx3:1 | Unresolved | true | null | true",
                "tx4:1 | Returned | true | null | false");
    }

    @Test
    void aRequestHandledAgainKeepsItsOneRowAndItsState() {
        TrackedEventMessage<?> requested = harness.stored("w1", payoutRequested("tx1", 1, "10.00"));
        harness.handle(rows, requested, harness.stored("w1", payoutSucceeded("tx1", 1, "10.00")));

        harness.handle(rows, requested);

        assertThat(harness.rows("select idempotency_key, state from rail_payout")).containsExactly("tx1:1 | Paid");
    }

    @Test
    void aKeySettledTwiceInOneUnitOfWorkEndsInItsLastState() {
        harness.handle(rows, harness.stored("w1", payoutRequested("tx1", 1, "10.00")),
                harness.stored("w2", payoutRequested("tx2", 1, "10.00")));

        // a timeout, then the late answer, recorded together; tx2 settles in the same statement batch
        harness.handle(rows, harness.stored("w1", new PayoutFailed(TransactionId.of("tx1"), 1,
                        ErrorCode.PROVIDER_UNAVAILABLE, WalletId.of("w1"), SendMethod.BANK_TRANSFER, usd("10.00"), true)),
                harness.stored("w2", payoutSucceeded("tx2", 1, "10.00")),
                harness.stored("w1", payoutSucceeded("tx1", 1, "10.00")));

        assertThat(harness.rows("select idempotency_key, state from rail_payout order by idempotency_key"))
                .containsExactly("tx1:1 | Paid", "tx2:1 | Paid");
    }

    @Test
    void aCallsBookkeepingIsWrittenOnlyWhileItsClaimHoldsTheRowAndNeverUndoesASettlement() {
        harness.handle(rows, harness.stored("w1", payoutRequested("tx1", 1, "10.00")),
                harness.stored("w2", payoutRequested("tx2", 1, "10.00")),
                harness.stored("w3", payoutRequested("tx3", 1, "10.00")));
        RailPayoutStore store = new RailPayoutStore(harness.jdbc());
        List<ClaimedPayout> claimed = store.claim(List.of(SendMethod.BANK_TRANSFER), List.of(10),
                List.of(Duration.ofMinutes(1)), 42);
        assertThat(claimed).hasSize(3);
        harness.handle(rows, harness.stored("w3", payoutSucceeded("tx3", 1, "10.00")));
        Instant next = Instant.parse("2030-01-01T00:00:00Z");
        Instant answered = Instant.parse("2026-12-06T00:00:01Z");

        store.update(List.of(
                new RailPayoutStore.RowUpdate("tx1:1", 42, ClaimedPayout.State.Pending, 1, 0, 0, 0, next, answered),
                new RailPayoutStore.RowUpdate("tx2:1", 41, ClaimedPayout.State.Failed, 1, 1, 0, 0, next, answered),
                new RailPayoutStore.RowUpdate("tx3:1", 42, ClaimedPayout.State.Failed, 1, 1, 0, 0, next, null)));

        assertThat(harness.rows("""
                select idempotency_key, state, calls, failed_calls, lease_until is null, next_attempt_at = '%s',
                    answered_at = '%s'
                from rail_payout order by idempotency_key""".formatted(next, answered))).containsExactly(
                "tx1:1 | Pending | 1 | 0 | true | true | true",
                // another claim's answer: this claim's bookkeeping is not written
                "tx2:1 | Due | 1 | 0 | false | false | null",
                // settled while the call was out: stays paid, its answer time kept
                "tx3:1 | Paid | 1 | 1 | true | true | false");

        // two answers of one key recorded together are written in order: the second's counts, the first's
        // settlement (a join would write one of the two whole)
        store.update(List.of(
                new RailPayoutStore.RowUpdate("tx1:1", 42, ClaimedPayout.State.Paid, 2, 0, 0, 2, next, answered),
                new RailPayoutStore.RowUpdate("tx1:1", 42, ClaimedPayout.State.Pending, 2, 0, 0, 1, next, null)));
        assertThat(harness.rows("select state, polls from rail_payout where idempotency_key = 'tx1:1'"))
                .containsExactly("Paid | 1");
    }
}
