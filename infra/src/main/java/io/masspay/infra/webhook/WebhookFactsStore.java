package io.masspay.infra.webhook;

import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The outbox's own tables of batch and item facts, written and read in bulk (one statement per kind and
 * processor batch). Facts never change once written, so a redelivered event's insert does nothing.
 */
@Repository
class WebhookFactsStore {

    private final JdbcTemplate jdbc;

    WebhookFactsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(Collection<WebhookFacts.Batch> batches, Collection<WebhookFacts.Item> items) {
        jdbc.batchUpdate("""
                        insert into webhook_batch (batch_id, issuer_account_number, customer_batch_id) values (?, ?, ?)
                        on conflict (batch_id) do nothing""",
                batches.stream().map(b -> new Object[]{b.batchId(), b.issuer(), b.customerBatchId()}).toList());
        jdbc.batchUpdate("""
                        insert into webhook_item (transaction_id, batch_id, customer_transaction_id, recipient_id,
                            amount_minor, currency) values (?, ?, ?, ?, ?, ?)
                        on conflict (transaction_id) do nothing""",
                items.stream().map(i -> new Object[]{i.transactionId(), i.batchId(), i.customerTransactionId(),
                        i.recipientId(), i.amount().minorUnits(), i.amount().currency().name()}).toList());
    }

    Map<String, WebhookFacts.Batch> batches(Collection<String> batchIds) {
        Map<String, WebhookFacts.Batch> found = new HashMap<>();
        jdbc.query("select batch_id, issuer_account_number, customer_batch_id from webhook_batch where batch_id = any(?)",
                rs -> {
                    found.put(rs.getString(1), new WebhookFacts.Batch(rs.getString(1), rs.getString(2), rs.getString(3)));
                }, (Object) batchIds.toArray(String[]::new));
        return found;
    }

    Map<String, WebhookFacts.Item> items(Collection<String> transactionIds) {
        Map<String, WebhookFacts.Item> found = new HashMap<>();
        jdbc.query("""
                select transaction_id, batch_id, customer_transaction_id, recipient_id, amount_minor, currency
                from webhook_item where transaction_id = any(?)""", rs -> {
            found.put(rs.getString(1), new WebhookFacts.Item(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), new Money(rs.getLong(5), CurrencyCode.valueOf(rs.getString(6)))));
        }, (Object) transactionIds.toArray(String[]::new));
        return found;
    }

    /**
     * Issuers among {@code issuers} with a webhook URL right now. The endpoint table belongs to the admin
     * API (infra); reading it here couples the two only through the schema.
     */
    Set<String> subscribed(Collection<String> issuers) {
        return new HashSet<>(jdbc.queryForList(
                "select issuer_account_number from webhook_endpoint where issuer_account_number = any(?)",
                String.class, (Object) issuers.toArray(String[]::new)));
    }
}
