package io.masspay.infra.webhook;

import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.infra.webhook.OutboxEvent.ItemFinished;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes a processor batch's facts and webhook events just before the batch commits, in the processor's
 * transaction: the outbox rows and the token move together, so an event enters the outbox once or (after a
 * rollback) again under the same EventId, where {@code on conflict do nothing} keeps one row. Only issuers
 * with a webhook URL at that moment get rows; an issuer who configures one later gets events from then on.
 */
@Component
class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    private final JdbcTemplate jdbc;
    private final WebhookFactsStore facts;
    private final UnitOfWorkBuffer<Pending> pending = new UnitOfWorkBuffer<>(OutboxWriter.class.getName() + ".pending",
            () -> new Pending(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), new HashMap<>()),
            this::flush);

    OutboxWriter(JdbcTemplate jdbc, WebhookFactsStore facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    private record Pending(Map<String, WebhookFacts.Batch> batches, Map<String, WebhookFacts.Item> items,
                           List<OutboxEvent> events, Map<String, Long> positions) {
    }

    void batch(WebhookFacts.Batch batch) {
        pending.current().batches().put(batch.batchId(), batch);
    }

    void item(WebhookFacts.Item item) {
        pending.current().items().put(item.transactionId(), item);
    }

    void event(OutboxEvent event) {
        pending.current().events().add(event);
        pending.current().positions().put(event.sourceEventId(), sourcePosition());
    }

    /**
     * Where the event being handled stands in the store, as its tracking token says: at or after its own
     * global index (an event committed late into a gap carries the highest index seen before it). The delivery
     * worker sends the webhook only once every read model has passed it (API.md section 10).
     */
    private static Long sourcePosition() {
        if (CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null) {
            OptionalLong position = WrappedToken.unwrapUpperBound(tracked.trackingToken()).position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    private void flush(Pending pending) {
        facts.save(pending.batches().values(), pending.items().values());
        if (pending.events().isEmpty()) {
            return;
        }
        Map<String, WebhookFacts.Batch> batches = facts.batches(pending.events().stream()
                .map(OutboxEvent::batchId).distinct().toList());
        Set<String> subscribed = facts.subscribed(batches.values().stream()
                .map(WebhookFacts.Batch::issuer).distinct().toList());
        List<OutboxEvent> wanted = pending.events().stream()
                .filter(e -> batches.containsKey(e.batchId()) || unknown("batch", e.batchId()))
                .filter(e -> subscribed.contains(batches.get(e.batchId()).issuer())).toList();
        Map<String, WebhookFacts.Item> items = facts.items(wanted.stream()
                .filter(ItemFinished.class::isInstance).map(e -> ((ItemFinished) e).transactionId()).toList());
        List<Object[]> rows = new ArrayList<>();
        for (OutboxEvent event : wanted) {
            WebhookFacts.Item item = event instanceof ItemFinished f ? items.get(f.transactionId()) : null;
            if (event instanceof ItemFinished f && item == null) {
                unknown("item", f.transactionId());
                continue;
            }
            WebhookFacts.Batch batch = batches.get(event.batchId());
            String eventId = WebhookEventIds.of(event.sourceEventId());
            rows.add(new Object[]{eventId, batch.issuer(), event.type(),
                    WebhookBodies.render(eventId, event, batch, item), pending.positions().get(event.sourceEventId())});
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into webhook_outbox (event_id, issuer_account_number, event_type, body, source_position)
                values (?, ?, ?, ?, ?)
                on conflict (event_id) do nothing""", rows);
    }

    /**
     * Should not happen: the sequencing policy hands a batch's facts to the same segment before any outcome
     * that needs them. If it ever does, skipping one event beats halting every issuer's webhooks on it.
     */
    private static boolean unknown(String what, String id) {
        log.warn("Webhook skipped: no facts for {} {}", what, id);
        return false;
    }
}
