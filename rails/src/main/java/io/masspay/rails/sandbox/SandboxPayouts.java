package io.masspay.rails.sandbox;

import io.masspay.kernel.processing.Blocking;
import io.masspay.rails.PayoutOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the sandbox rails received, one row per idempotency key, kept like a real provider keeps it: in its
 * own transactions, whatever happens to the caller's. Calls arriving together are written together, one
 * statement for all of them (a real provider's throughput is not ours to spend); a key that was paid stays
 * paid, and the database refuses a second paid key for one transaction (the "paid twice" alarm).
 */
@Repository
public class SandboxPayouts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxPayouts.class);
    private static final int MAX_BATCH = 500;
    /** An outcome a later call cannot change: the provider has the payout (or gave it back). */
    private static final String KEPT = "p.outcome in ('Paid', 'Pending', 'Returned')";
    private static final String RECORD = """
            insert into sandbox_payout as p (idempotency_key, transaction_id, attempt_no, send_method_id, amount_minor,
                currency, calls, outcome, callback_status, callback_due_at)
            select c.key, c.tx, c.attempt, c.method, c.amount, c.currency, 1,
                case when m.down then 'Unavailable' else c.outcome end,
                case when m.down then null else c.callback end,
                case when m.down or c.callback is null then null else now() + c.after_ms * interval '1 millisecond' end
            from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                as c(key, tx, attempt, method, amount, currency, outcome, callback, after_ms)
            cross join lateral (select coalesce((select down from sandbox_rail_mode r where r.send_method_id = c.method),
                false) as down) m
            on conflict (idempotency_key) do update set
                outcome = case when %1$s then p.outcome else excluded.outcome end,
                callback_status = case when %1$s then p.callback_status else excluded.callback_status end,
                callback_due_at = case when %1$s then p.callback_due_at else excluded.callback_due_at end,
                calls = p.calls + 1, last_called_at = now()
            returning idempotency_key, outcome""".formatted(KEPT);

    private record Call(PayoutOrder order, SandboxScript script, CompletableFuture<SandboxOutcome> answer) {
    }

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    SandboxPayouts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::write, "sandbox-rail-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    Mono<SandboxOutcome> call(PayoutOrder order, SandboxScript script) {
        CompletableFuture<SandboxOutcome> answer = new CompletableFuture<>();
        calls.add(new Call(order, script, answer));
        return Mono.fromFuture(answer);
    }

    /** What the rail says now about a key; a pending payout is paid once its time has come. */
    Mono<SandboxOutcome> status(String idempotencyKey) {
        return Blocking.call(() -> jdbc.queryForList("""
                        update sandbox_payout set last_called_at = now(), outcome = case when outcome = 'Pending'
                            and callback_status = 'Paid' and callback_due_at <= now() then 'Paid' else outcome end
                        where idempotency_key = ? returning outcome""", String.class, idempotencyKey))
                .flatMap(outcome -> Mono.justOrEmpty(outcome.stream().findFirst().map(SandboxOutcome::valueOf)));
    }

    private void write() {
        while (open) {
            try {
                List<Call> batch = new ArrayList<>();
                Call first = calls.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                calls.drainTo(batch, MAX_BATCH - 1);
                record(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Sandbox rail could not record calls", e);
            }
        }
    }

    /** One statement per batch; a key twice in a batch goes to the next one (a statement updates a row once). */
    private void record(List<Call> batch) {
        Set<String> keys = new HashSet<>();
        List<Call> now = new ArrayList<>();
        for (Call call : batch) {
            if (keys.add(call.order().idempotencyKey())) {
                now.add(call);
            } else {
                calls.add(call);
            }
        }
        try {
            answer(now, insert(now));
        } catch (DataAccessException refused) {
            // one of them would be a second paid key of a transaction: find which, pay the others
            for (Call call : now) {
                try {
                    answer(List.of(call), insert(List.of(call)));
                } catch (DataAccessException e) {
                    log.error("Sandbox rail refused payout {}: {}", call.order().idempotencyKey(), e.getMessage());
                    call.answer().completeExceptionally(e);
                }
            }
        }
    }

    private Map<String, String> insert(List<Call> batch) {
        Map<String, String> stored = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(RECORD);
            statement.setArray(1, connection.createArrayOf("text", batch.stream().map(c -> c.order().idempotencyKey()).toArray()));
            statement.setArray(2, connection.createArrayOf("text", batch.stream().map(c -> c.order().transactionId().value()).toArray()));
            statement.setArray(3, connection.createArrayOf("int4", batch.stream().map(c -> c.order().attemptNo()).toArray()));
            statement.setArray(4, connection.createArrayOf("text", batch.stream().map(c -> c.order().method().id()).toArray()));
            statement.setArray(5, connection.createArrayOf("int8", batch.stream().map(c -> c.order().amount().minorUnits()).toArray()));
            statement.setArray(6, connection.createArrayOf("text", batch.stream().map(c -> c.order().amount().currency().name()).toArray()));
            statement.setArray(7, connection.createArrayOf("text", batch.stream().map(c -> c.script().outcome().name()).toArray()));
            statement.setArray(8, connection.createArrayOf("text", batch.stream().map(c -> c.script().callback()).toArray()));
            statement.setArray(9, connection.createArrayOf("int8", batch.stream().map(c -> c.script().callbackAfter() == null
                    ? null : c.script().callbackAfter().toMillis()).toArray()));
            return statement;
        }, rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        return stored;
    }

    private static void answer(List<Call> batch, Map<String, String> stored) {
        batch.forEach(call -> call.answer().complete(SandboxOutcome.valueOf(stored.get(call.order().idempotencyKey()))));
    }

    @Override
    public void destroy() {
        open = false;
        writer.interrupt();
    }
}
