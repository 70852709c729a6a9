package io.masspay.query.history;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.query.support.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.masspay.query.support.Timestamps.iso;

/**
 * Three queries per history, however many attempts: the item, its attempts, their steps (ADR 0003), from one
 * snapshot, so an attempt never shows up without the steps that finished it.
 */
@Repository
class ItemHistoryQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;

    ItemHistoryQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    /** Another issuer's item is indistinguishable from a missing one: both are empty. */
    Optional<ItemHistoryView> find(IssuerAccountNumber issuer, String batchId, String customerTransactionId) {
        return snapshot.read(() -> findIn(issuer, batchId, customerTransactionId));
    }

    private Optional<ItemHistoryView> findIn(IssuerAccountNumber issuer, String batchId, String customerTransactionId) {
        return jdbc.queryForList("""
                        select transaction_id from item_history_item
                        where batch_id = ? and customer_transaction_id = ? and issuer_account_number = ?""",
                        String.class, batchId, customerTransactionId, issuer.value())
                .stream().findFirst()
                .map(transactionId -> history(customerTransactionId, transactionId));
    }

    private ItemHistoryView history(String customerTransactionId, String transactionId) {
        Map<Integer, List<ItemHistoryView.Step>> steps = new LinkedHashMap<>();
        jdbc.query("""
                select attempt_no, step, occurred_at from item_history_step where transaction_id = ?
                order by global_index""", rs -> {
            steps.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new ItemHistoryView.Step(rs.getString(2), iso(rs.getObject(3, OffsetDateTime.class))));
        }, transactionId);
        List<ItemHistoryView.Attempt> attempts = jdbc.query("""
                        select * from item_history_attempt where transaction_id = ? order by attempt_no""",
                (rs, i) -> new ItemHistoryView.Attempt(rs.getInt("attempt_no"), rs.getString("status"),
                        rs.getString("error_code"), iso(rs.getObject("started_at", OffsetDateTime.class)),
                        iso(rs.getObject("finished_at", OffsetDateTime.class)),
                        steps.getOrDefault(rs.getInt("attempt_no"), List.of())),
                transactionId);
        String status = attempts.isEmpty() ? "Processing" : attempts.get(attempts.size() - 1).status();
        return new ItemHistoryView(customerTransactionId, transactionId, status, attempts);
    }
}
