package io.masspay.infra.reads;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * What the batch audit must list, read straight from the event store: the batch's own events, its items'
 * events, and every wallet posting that names one of its items, on its own or in a chunk's lines
 * (ADR 0012), each once, in store order. The express lane's work lists ({@code ExpressItems}, ADR 0014) repeat
 * their items' {@code ItemSubmitted} events and are no fact of the batch: no audit stream lists them.
 */
final class StoredBatchEvents {

    private StoredBatchEvents() {
    }

    static List<Long> globalIndexes(JdbcTemplate jdbc, String batchId) {
        return jdbc.queryForList("""
                with items as (select transaction_id from transaction_claim where batch_id = ?)
                select global_index from domain_event_entry
                where (aggregate_identifier = ? or aggregate_identifier in (select transaction_id from items)
                   or convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' in (select transaction_id from items)
                   or exists (select 1 from jsonb_path_query(convert_from(payload, 'UTF8')::jsonb,
                                  'lax $.*[*].transactionId') line
                              where line #>> '{}' in (select transaction_id from items)))
                   and payload_type <> 'io.masspay.kernel.transaction.ExpressItems'
                order by global_index""", Long.class, batchId, batchId);
    }
}
