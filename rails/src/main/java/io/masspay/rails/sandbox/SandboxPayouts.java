package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.PayOut;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sandbox rails received, one row per idempotency key. Each call is written in a transaction
 * of its own: a real provider keeps what it was told even when the caller's transaction rolls back,
 * and so must the simulation, or a "paid twice" could hide.
 */
@Repository
public class SandboxPayouts {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    SandboxPayouts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records one call in one statement and one transaction of its own (a call used to cost a read of
     * the switch and two transactions: "was it paid?", then "record"). The call is answered
     * {@code outcome}, or Unavailable while the operator has the rail down; a key that was paid stays
     * paid. Returns what is stored after the call: Paid for a key paid before, whatever this call says.
     */
    SandboxOutcome call(PayOut request, SandboxOutcome outcome) {
        String stored = ownTransaction.execute(status -> jdbc.queryForObject("""
                        insert into sandbox_payout (idempotency_key, transaction_id, attempt_no, send_method_id,
                            amount_minor, currency, calls, outcome)
                        values (?, ?, ?, ?, ?, ?, 1, case when coalesce((select down from sandbox_rail_mode
                            where send_method_id = ?), false) then 'Unavailable' else ? end)
                        on conflict (idempotency_key) do update
                            set outcome = case when sandbox_payout.outcome = 'Paid' then 'Paid' else excluded.outcome end,
                                calls = sandbox_payout.calls + case when sandbox_payout.outcome = 'Pending' then 0 else 1 end,
                                last_called_at = now()
                        returning outcome""", String.class,
                request.idempotencyKey(), request.transactionId().value(), request.attemptNo(),
                request.method().name(), request.amount().minorUnits(), request.amount().currency().name(),
                request.method().name(), outcome.name()));
        return SandboxOutcome.valueOf(stored);
    }

    void record(PayOut request, SandboxOutcome outcome) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                        insert into sandbox_payout (idempotency_key, transaction_id, attempt_no, send_method_id,
                            amount_minor, currency, calls, outcome)
                        values (?, ?, ?, ?, ?, ?, 1, ?)
                        on conflict (idempotency_key) do update set outcome = excluded.outcome,
                            calls = sandbox_payout.calls + case when sandbox_payout.outcome = 'Pending' then 0 else 1 end,
                            last_called_at = now()""",
                request.idempotencyKey(), request.transactionId().value(), request.attemptNo(), request.method().name(),
                request.amount().minorUnits(), request.amount().currency().name(), outcome.name()));
    }
}
