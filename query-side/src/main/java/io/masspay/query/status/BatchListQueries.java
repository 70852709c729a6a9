package io.masspay.query.status;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.query.support.Snapshot;
import io.masspay.query.support.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of an issuer's batches from the status model, in three queries whatever the page holds: the
 * count, the page of batch rows, and the per-status totals of those batches' items in one grouped scan; one snapshot for the three.
 */
@Repository
class BatchListQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;

    BatchListQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    BatchListView page(IssuerAccountNumber issuer, int page, int pageSize) {
        return snapshot.read(() -> pageIn(issuer, page, pageSize));
    }

    private BatchListView pageIn(IssuerAccountNumber issuer, int page, int pageSize) {
        long total = jdbc.queryForObject("select count(*) from batch_view where issuer_account_number = ?",
                Long.class, issuer.value());
        List<BatchRow> rows = jdbc.query("""
                        select * from batch_view where issuer_account_number = ?
                        order by created_at desc, batch_id desc limit ? offset ?""",
                (rs, i) -> new BatchRow(rs.getString("batch_id"), rs.getString("customer_batch_id"),
                        rs.getString("source_wallet_id"), CurrencyCode.valueOf(rs.getString("currency")),
                        rs.getInt("received_count"), rs.getInt("accepted_count"), rs.getInt("rejected_count"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("hold")),
                issuer.value(), pageSize, (long) (page - 1) * pageSize);

        Map<String, ItemCounts> counts = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.query("""
                            select batch_id, status, count(*), coalesce(sum(amount_minor), 0), max(updated_at)
                            from batch_item_view where batch_id = any(?) group by batch_id, status""",
                    rs -> {
                        counts.computeIfAbsent(rs.getString(1), id -> new ItemCounts()).add(rs.getString(2),
                                rs.getLong(3), rs.getLong(4), rs.getObject(5, OffsetDateTime.class));
                    }, (Object) rows.stream().map(BatchRow::batchId).toArray(String[]::new));
        }
        return new BatchListView(page, pageSize, total, rows.stream()
                .map(row -> row.summary(counts.getOrDefault(row.batchId(), new ItemCounts()))).toList());
    }

    private record BatchRow(String batchId, String customerBatchId, String sourceWalletId, CurrencyCode currency,
                            int receivedCount, int acceptedCount, int rejectedCount, OffsetDateTime createdAt,
                            String hold) {

        BatchListView.BatchSummary summary(ItemCounts counts) {
            return new BatchListView.BatchSummary(batchId, customerBatchId, sourceWalletId, currency.name(),
                    counts.batchStatus(acceptedCount, hold), Timestamps.iso(createdAt),
                    counts.completedAt(acceptedCount), receivedCount, acceptedCount, rejectedCount, counts.asMap(),
                    counts.totalAmount(currency), counts.successAmount(currency));
        }
    }
}
