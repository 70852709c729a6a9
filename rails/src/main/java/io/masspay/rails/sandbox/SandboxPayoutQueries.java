package io.masspay.rails.sandbox;

import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the sandbox's record of the payouts it was asked to make (API.md section 9): two queries per page. */
@Component
class SandboxPayoutQueries {

    record Payouts(long totalItems, List<PayoutRow> items) {
    }

    record PayoutRow(String idempotencyKey, String transactionId, int attemptNo, String sendMethodId, String amount,
                     String currency, int calls, String outcome) {
    }

    private final JdbcTemplate jdbc;

    SandboxPayoutQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocking: call it off the event loop. Oldest first, as the payouts were first called. */
    Payouts page(int page, int pageSize) {
        return new Payouts(
                jdbc.queryForObject("select count(*) from sandbox_payout", Long.class),
                jdbc.query("""
                                select idempotency_key, transaction_id, attempt_no, send_method_id, amount_minor, currency,
                                       calls, outcome
                                from sandbox_payout order by first_called_at, idempotency_key limit ? offset ?""",
                        (rs, i) -> new PayoutRow(rs.getString("idempotency_key"), rs.getString("transaction_id"),
                                rs.getInt("attempt_no"), rs.getString("send_method_id"),
                                new Money(rs.getLong("amount_minor"), CurrencyCode.valueOf(rs.getString("currency")))
                                        .toDecimalString(),
                                rs.getString("currency"), rs.getInt("calls"), rs.getString("outcome")),
                        pageSize, (long) (page - 1) * pageSize));
    }
}
