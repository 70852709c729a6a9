package io.masspay.rails.dispatch;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.PayoutOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The dispatch table's claims and bookkeeping. A claim is one statement for every rail at once: it locks due
 * rows with {@code for update skip locked} (nodes claiming together get different rows and never wait for
 * each other), gives them a lease and returns them; the locks end with the statement, so no connection or
 * transaction is held while the rails answer.
 */
@Repository
class RailPayoutStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DESTINATION = new TypeReference<>() {
    };

    private static final String CLAIM = """
            with wanted as (
                select * from unnest(?::text[], ?::int[], ?::bigint[]) as w(method, free, lease_ms)
            ), due as (
                select p.idempotency_key, w.lease_ms
                from wanted w cross join lateral (
                    select idempotency_key from rail_payout
                    where send_method_id = w.method and state in ('Due', 'Pending', 'Unresolved')
                      and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                    order by next_attempt_at
                    limit w.free
                    for update skip locked) p
            )
            update rail_payout r set lease_until = now() + due.lease_ms * interval '1 millisecond', claim = ?,
                calls = r.calls + case when r.state = 'Due' then 1 else 0 end
            from due where r.idempotency_key = due.idempotency_key
            returning r.*, (select o.idempotency_key from rail_payout o where o.transaction_id = r.transaction_id
                and o.attempt_no < r.attempt_no and o.state = 'Unresolved' order by o.attempt_no desc limit 1)
                as unresolved_key""";

    private final JdbcTemplate jdbc;

    RailPayoutStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code free} due rows per rail, leased for that rail's lease. */
    List<ClaimedPayout> claim(List<SendMethod> methods, List<Integer> free, List<Duration> leases, long claim) {
        return jdbc.execute((java.sql.Connection connection) -> {
            Array names = connection.createArrayOf("text", methods.stream().map(SendMethod::id).toArray());
            Array counts = connection.createArrayOf("int4", free.toArray());
            Array leaseMs = connection.createArrayOf("int8", leases.stream().map(Duration::toMillis).toArray());
            try (var statement = connection.prepareStatement(CLAIM)) {
                statement.setArray(1, names);
                statement.setArray(2, counts);
                statement.setArray(3, leaseMs);
                statement.setLong(4, claim);
                try (var rows = statement.executeQuery()) {
                    List<ClaimedPayout> claimed = new java.util.ArrayList<>();
                    while (rows.next()) {
                        claimed.add(ROW.mapRow(rows, claimed.size()));
                    }
                    return claimed;
                }
            }
        });
    }

    Optional<ClaimedPayout> find(String idempotencyKey) {
        return jdbc.query("select r.*, null as unresolved_key from rail_payout r where idempotency_key = ?", ROW,
                idempotencyKey).stream().findFirst();
    }

    /**
     * Rows' bookkeeping after their calls, as long as each claim still holds its row; a settled state is never
     * undone. One statement for all of them (columns joined by key): a statement per row cost PostgreSQL a
     * round trip each, two per payout with the settlement. A key twice in one batch (two answers recorded
     * together) would be updated once by a join, so such a batch is written row by row, in order.
     */
    void update(List<RowUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        if (updates.stream().map(RowUpdate::key).distinct().count() < updates.size()) {
            updates.forEach(u -> updateSetBased(List.of(u)));
            return;
        }
        updateSetBased(updates);
    }

    private void updateSetBased(List<RowUpdate> updates) {
        jdbc.update("""
                        update rail_payout r set
                            state = case when r.state in ('Paid', 'Failed', 'Returned') then r.state
                                else coalesce(u.state, r.state) end,
                            calls = u.calls, failed_calls = u.failed_calls, unanswered_calls = u.unanswered_calls,
                            polls = u.polls, next_attempt_at = u.next_attempt_at, lease_until = null,
                            answered_at = coalesce(u.answered_at, r.answered_at)
                        from unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::int[], ?::int[], ?::int[], ?::int[],
                            ?::timestamptz[], ?::timestamptz[])
                            as u(key, claim, state, calls, failed_calls, unanswered_calls, polls, next_attempt_at,
                                answered_at)
                        where r.idempotency_key = u.key and r.claim = u.claim""",
                column(updates, RowUpdate::key, String[]::new),
                column(updates, RowUpdate::claim, Long[]::new),
                column(updates, u -> u.state() == null ? null : u.state().name(), String[]::new),
                column(updates, RowUpdate::calls, Integer[]::new),
                column(updates, RowUpdate::failedCalls, Integer[]::new),
                column(updates, RowUpdate::unansweredCalls, Integer[]::new),
                column(updates, RowUpdate::polls, Integer[]::new),
                column(updates, u -> u.nextAttemptAt().toString(), String[]::new),
                column(updates, u -> u.answeredAt() == null ? null : u.answeredAt().toString(), String[]::new));
    }

    private static <T> T[] column(List<RowUpdate> updates, Function<RowUpdate, T> value,
                                  IntFunction<T[]> array) {
        return updates.stream().map(value).toArray(array);
    }

    /** A timed-out key the rail says it never paid: nothing more to ask it. */
    void settleUnpaid(List<String> keys) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate("""
                    update rail_payout set state = 'Failed', lease_until = null, answered_at = now()
                    where idempotency_key = ? and state = 'Unresolved'""", keys.stream().map(k -> new Object[]{k}).toList());
        }
    }

    /** Late payments whose item had to wait: still open, asked about again soon. */
    void retrySoon(List<String> keys, Duration after) {
        if (!keys.isEmpty()) {
            Timestamp next = Timestamp.from(Instant.now().plus(after));
            jdbc.batchUpdate("""
                            update rail_payout set state = 'Unresolved', next_attempt_at = ?, lease_until = null
                            where idempotency_key = ?""",
                    keys.stream().map(k -> new Object[]{next, k}).toList());
        }
    }

    record RowUpdate(String key, long claim, ClaimedPayout.State state, int calls, int failedCalls,
                     int unansweredCalls, int polls, Instant nextAttemptAt, Instant answeredAt) {
    }

    private static final RowMapper<ClaimedPayout> ROW = (rs, i) -> new ClaimedPayout(
            new PayoutOrder(new TransactionId(rs.getString("transaction_id")), rs.getInt("attempt_no"),
                    SendMethod.fromId(rs.getString("send_method_id")),
                    new Money(rs.getLong("amount_minor"), CurrencyCode.valueOf(rs.getString("currency"))),
                    JSON.readValue(rs.getString("destination"), DESTINATION)),
            rs.getString("wallet_id"), ClaimedPayout.State.valueOf(rs.getString("state")), rs.getInt("calls"),
            rs.getInt("failed_calls"), rs.getInt("unanswered_calls"), rs.getInt("polls"), rs.getLong("claim"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("unresolved_key"));

    static String json(Map<String, String> destination) {
        return JSON.writeValueAsString(destination);
    }
}
