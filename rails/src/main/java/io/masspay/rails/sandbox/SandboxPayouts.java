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

    /** Counts the call; true when this key was paid before, so it must not be paid again. */
    boolean alreadyPaid(PayOut request) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            int paid = jdbc.update("""
                    update sandbox_payout set calls = calls + 1, last_called_at = now()
                    where idempotency_key = ? and outcome = 'Paid'""", request.idempotencyKey());
            return paid == 1;
        }));
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
