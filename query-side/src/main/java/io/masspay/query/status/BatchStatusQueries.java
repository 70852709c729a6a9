package io.masspay.query.status;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.query.support.Snapshot;
import io.masspay.query.support.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads the status model with three queries per request, whatever the batch size: the batch row,
 * the per-status totals, one page of items (and the filtered count when a SendMethodId filter is given),
 * all from one snapshot, so the totals always add up to the items listed.
 * Plain SQL behind a thin controller: a query bus would add a hop and no isolation here, since the read
 * model lives in the same database (ADR 0003).
 */
@Repository
class BatchStatusQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;

    BatchStatusQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    Optional<String> batchIdForCustomerBatchId(IssuerAccountNumber issuer, String customerBatchId) {
        return jdbc.queryForList("select batch_id from batch_view where issuer_account_number = ? and customer_batch_id = ?",
                String.class, issuer.value(), customerBatchId).stream().findFirst();
    }

    /** Another issuer's batch is indistinguishable from a missing one: both are empty. */
    Optional<BatchStatusView> find(IssuerAccountNumber issuer, String batchId, ItemFilter filter, int page,
                                   int pageSize) {
        return snapshot.read(() -> findIn(issuer, batchId, filter, page, pageSize));
    }

    private Optional<BatchStatusView> findIn(IssuerAccountNumber issuer, String batchId, ItemFilter filter, int page,
                                             int pageSize) {
        Optional<BatchRow> row = jdbc.query("select * from batch_view where batch_id = ? and issuer_account_number = ?",
                        (rs, i) -> new BatchRow(rs.getString("customer_batch_id"), rs.getString("source_wallet_id"),
                                CurrencyCode.valueOf(rs.getString("currency")), rs.getInt("received_count"),
                                rs.getInt("accepted_count"), rs.getInt("rejected_count"),
                                rs.getObject("created_at", OffsetDateTime.class), rs.getString("hold")),
                        batchId, issuer.value())
                .stream().findFirst();
        return row.map(batch -> view(batch, issuer, batchId, filter, page, pageSize));
    }

    private BatchStatusView view(BatchRow batch, IssuerAccountNumber issuer, String batchId, ItemFilter filter,
                                 int page, int pageSize) {
        CurrencyCode currency = batch.currency();
        ItemCounts counts = new ItemCounts();
        jdbc.query("""
                select status, count(*), coalesce(sum(amount_minor), 0), max(updated_at)
                from batch_item_view where batch_id = ? group by status""",
                rs -> {
                    counts.add(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class));
                }, batchId);

        String status = filter.status() == null ? null : filter.status().name();
        String method = filter.method() == null ? null : filter.method().id();
        long totalItems = method != null
                ? jdbc.queryForObject("""
                        select count(*) from batch_item_view where batch_id = ?
                        and (?::varchar is null or status = ?) and send_method_id = ?""",
                        Long.class, batchId, status, status, method)
                : status != null ? counts.count(filter.status()) : counts.items();
        List<BatchStatusView.ItemView> items = jdbc.query("""
                        select * from batch_item_view where batch_id = ? and (?::varchar is null or status = ?)
                        and (?::varchar is null or send_method_id = ?)
                        order by position limit ? offset ?""",
                (rs, i) -> item(rs), batchId, status, status, method, method, pageSize, (long) (page - 1) * pageSize);

        int accepted = batch.acceptedCount();
        return new BatchStatusView(batchId, batch.customerBatchId(), issuer.value(), batch.sourceWalletId(),
                currency.name(), counts.batchStatus(accepted, batch.hold()), Timestamps.iso(batch.createdAt()),
                counts.completedAt(accepted),
                batch.receivedCount(), accepted, batch.rejectedCount(), counts.asMap(),
                counts.totalAmount(currency), counts.successAmount(currency), page, pageSize, totalItems, items);
    }

    private record BatchRow(String customerBatchId, String sourceWalletId, CurrencyCode currency, int receivedCount,
                            int acceptedCount, int rejectedCount, OffsetDateTime createdAt, String hold) {
    }

    private static BatchStatusView.ItemView item(ResultSet rs) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new BatchStatusView.ItemView(rs.getString("transaction_id"), rs.getString("customer_transaction_id"),
                rs.getString("recipient_id"), rs.getString("send_method_id"),
                new Money(rs.getLong("amount_minor"), currency).toDecimalString(), currency.name(),
                rs.getString("status"), rs.getString("error_code"), rs.getInt("attempt_no"), rs.getString("wallet_id"),
                Timestamps.iso(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
