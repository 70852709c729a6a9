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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the dispatch table in step with the payout events. Its processing group is subscribing, so it runs
 * in the transaction that stores the event: a {@link PayoutRequested} and the row that makes it a call
 * commit together, and a settled payout stops being sent in the same commit that settles it. Rows are
 * written once per unit of work (a JDBC batch of inserts, one set-based settlement), and the dispatcher is
 * woken after commit.
 */
@Component
@ProcessingGroup(RailPayoutRows.GROUP)
class RailPayoutRows {

    static final String GROUP = "rail-payouts";

    private static final String INSERT = """
            insert into rail_payout (idempotency_key, transaction_id, attempt_no, send_method_id, wallet_id,
                amount_minor, currency, destination) values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (idempotency_key) do nothing""";
    /** One statement per unit of work: the settled rows as columns, joined by key. */
    private static final String SETTLE = """
            update rail_payout r set state = s.state, lease_until = null, answered_at = now(),
                next_attempt_at = coalesce(s.next_attempt_at, r.next_attempt_at)
            from unnest(?::varchar[], ?::timestamptz[], ?::varchar[]) as s(state, next_attempt_at, key)
            where r.idempotency_key = s.key""";

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
                this::settleAll);
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
        settlements.current().add(new Object[]{state.name(), nextPoll == null ? null : nextPoll.toString(), key});
    }

    /**
     * A key settled twice in one unit of work (a timeout, then its late answer) keeps its last settlement, as
     * row-by-row statements in event order would leave it: a join would update the row once, with either.
     */
    private void settleAll(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object[]> last = new LinkedHashMap<>();
        rows.forEach(row -> last.put((String) row[2], row));
        List<Object[]> settled = List.copyOf(last.values());
        jdbc.update(SETTLE, column(settled, 0), column(settled, 1), column(settled, 2));
    }

    private static String[] column(List<Object[]> rows, int index) {
        return rows.stream().map(row -> (String) row[index]).toArray(String[]::new);
    }

    private void write(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
