package io.masspay.query.report;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.masspay.query.support.Timestamps.iso;

/**
 * The report's rows, from the item history read model, with the ledger's posting ids of each attempt
 * (a posting id is the identifier of the event that moved the money, so finance can match every row to
 * the ledger). Keyset pages in submission order: each page is one indexed query, whatever the batch size.
 */
@Repository
class ReportRows {

    /** Where a page ends: the next one starts after this item attempt. */
    record Cursor(int position, String transactionId, int attemptNo) {
        static final Cursor START = new Cursor(-1, "", 0);
    }

    private final JdbcTemplate jdbc;

    ReportRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The batch's CustomerBatchId, or empty for another issuer's or an unknown batch. */
    Optional<String> customerBatchId(IssuerAccountNumber issuer, String batchId) {
        return jdbc.queryForList("""
                        select customer_batch_id from item_history_batch where batch_id = ? and issuer_account_number = ?""",
                String.class, batchId, issuer.value()).stream().findFirst();
    }

    List<ReportRow> page(String batchId, String customerBatchId, Cursor after, int size) {
        return jdbc.query("""
                        select i.transaction_id, i.customer_transaction_id, a.attempt_no, i.recipient_id,
                            i.send_method_id, i.amount_minor, i.currency, a.status, a.error_code, a.started_at,
                            a.finished_at, i.position,
                            (select string_agg(p.event_id || ':' || p.line, ';' order by p.occurred_at, p.event_id, p.line) from ledger_posting p
                             where p.transaction_id = a.transaction_id and p.attempt_no = a.attempt_no) as posting_ids
                        from item_history_item i join item_history_attempt a on a.transaction_id = i.transaction_id
                        where i.batch_id = ? and (i.position, i.transaction_id, a.attempt_no) > (?, ?, ?)
                        order by i.position, i.transaction_id, a.attempt_no
                        limit ?""",
                (rs, n) -> row(rs, batchId, customerBatchId),
                batchId, after.position(), after.transactionId(), after.attemptNo(), size);
    }

    private static ReportRow row(ResultSet rs, String batchId, String customerBatchId) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new ReportRow(batchId, customerBatchId, rs.getString("transaction_id"),
                rs.getString("customer_transaction_id"), rs.getInt("attempt_no"), rs.getString("recipient_id"),
                rs.getString("send_method_id"), new Money(rs.getLong("amount_minor"), currency).toDecimalString(),
                currency.name(), rs.getString("status"), rs.getString("error_code"),
                iso(rs.getObject("started_at", OffsetDateTime.class)),
                iso(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("posting_ids"),
                rs.getInt("position"));
    }
}
