package io.masspay.rails.dispatch;

import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.transaction.LatePayoutApplied;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the dispatch table in step with the payout events. Its processing group is subscribing, so it runs
 * in the transaction that stores the event: a {@link PayoutRequested} and the row that makes it a call
 * commit together, and a settled payout stops being sent in the same commit that settles it. Rows are
 * written once per unit of work (one JDBC batch per statement), and the dispatcher is woken after commit.
 */
@Component
@ProcessingGroup(RailPayoutRows.GROUP)
class RailPayoutRows {

    static final String GROUP = "rail-payouts";

    private static final String INSERT = """
            insert into rail_payout (idempotency_key, transaction_id, attempt_no, send_method_id, wallet_id,
                amount_minor, currency, destination) values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (idempotency_key) do nothing""";
    private static final String SETTLE = """
            update rail_payout set state = ?, lease_until = null, answered_at = now(),
                next_attempt_at = coalesce(?, next_attempt_at)
            where idempotency_key = ?""";

    private final JdbcTemplate jdbc;
    private final DispatchPolicy policy;
    /** Written just before the recording transaction commits; the dispatchers are woken once it has. */
    private final UnitOfWorkBuffer<List<Object[]>> inserts;
    private final UnitOfWorkBuffer<List<Object[]>> settlements;

    RailPayoutRows(JdbcTemplate jdbc, DispatchPolicy policy, DispatchSignal signal) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.inserts = new UnitOfWorkBuffer<>(RailPayoutRows.class.getName() + ".inserts", ArrayList::new,
                rows -> write(INSERT, rows), signal::wake);
        this.settlements = new UnitOfWorkBuffer<>(RailPayoutRows.class.getName() + ".settlements", ArrayList::new,
                rows -> write(SETTLE, rows));
    }

    @EventHandler
    void on(PayoutRequested event) {
        inserts.current().add(new Object[]{event.payoutKey(), event.transactionId().value(), event.attemptNo(),
                event.method().id(), event.walletId().value(), event.amount().minorUnits(),
                event.amount().currency().name(), RailPayoutStore.json(event.destination())});
    }

    @EventHandler
    void on(PayoutSucceeded event) {
        settle(event.payoutKey(), ClaimedPayout.State.Paid, null);
    }

    /** A timed-out attempt stays open to a late answer: it is polled, from the first poll interval on. */
    @EventHandler
    void on(PayoutFailed event) {
        if (event.outcomeUnknown()) {
            settle(event.payoutKey(), ClaimedPayout.State.Unresolved, Instant.now().plus(policy.pollAfter(0)));
        } else {
            settle(event.payoutKey(), ClaimedPayout.State.Failed, null);
        }
    }

    @EventHandler
    void on(PayoutSettledLate event) {
        settle(event.payoutKey(), ClaimedPayout.State.Paid, null);
    }

    @EventHandler
    void on(LatePayoutApplied event) {
        settle(event.payoutKey(), ClaimedPayout.State.Paid, null);
    }

    @EventHandler
    void on(PayoutReturned event) {
        settle(event.payoutKey(), ClaimedPayout.State.Returned, null);
    }

    private void settle(String key, ClaimedPayout.State state, Instant nextPoll) {
        settlements.current().add(new Object[]{state.name(), nextPoll == null ? null : Timestamp.from(nextPoll), key});
    }

    private void write(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
