package io.masspay.infra.webhook;

import io.masspay.infra.webhook.OutboxEvent.BatchDecided;
import io.masspay.infra.webhook.OutboxEvent.BatchFinished;
import io.masspay.infra.webhook.OutboxEvent.BatchStarted;
import io.masspay.infra.webhook.OutboxEvent.ItemFinished;
import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.transaction.ItemStatus;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of a webhook (API.md section 5), rendered once when the event enters the outbox; the
 * bytes are stored and every retry sends them unchanged. Field order is fixed by insertion, and the
 * mapper is our own, so the application's web settings cannot change what a receiver sees.
 */
final class WebhookBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookBodies() {
    }

    /** {@code item} is null for batch-level events. */
    static byte[] render(String eventId, OutboxEvent event, WebhookFacts.Batch batch, WebhookFacts.Item item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EventId", eventId);
        body.put("EventType", event.type());
        body.put("CreatedAt", WireFormats.timestamp(event.at()));
        body.put("BatchId", batch.batchId());
        body.put("CustomerBatchId", batch.customerBatchId());
        if (event instanceof ItemFinished finished) {
            body.put("Item", item(finished, item));
        } else if (event instanceof BatchStarted started) {
            body.put("Status", "Processing");
            body.put("Counts", counts(started.acceptedCount(), 0, 0, 0));
        } else if (event instanceof BatchDecided decided) {
            body.put("Status", decided.status());
            if (decided.reason() != null) {
                body.put("Reason", decided.reason());
            }
        } else if (event instanceof BatchFinished finished) {
            body.put("Status", finished.status().name());
            body.put("Counts", counts(0, finished.succeeded(), finished.failed(), finished.retainedInWallet()));
        }
        return JSON.writeValueAsBytes(body);
    }

    private static Map<String, Object> item(ItemFinished event, WebhookFacts.Item item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TransactionId", item.transactionId());
        fields.put("CustomerTransactionId", item.customerTransactionId());
        fields.put("RecipientId", item.recipientId());
        fields.put("Amount", item.amount().toDecimalString());
        fields.put("Currency", item.amount().currency().name());
        fields.put("Status", event.status().name());
        fields.put("ErrorCode", event.errorCode() == null ? null : event.errorCode().name());
        fields.put("AttemptNo", event.attemptNo());
        return fields;
    }

    /** The same shape as the status API's Counts (API.md section 4). */
    private static Map<String, Integer> counts(int processing, int success, int failed, int retained) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(ItemStatus.Processing.name(), processing);
        counts.put(ItemStatus.Success.name(), success);
        counts.put(ItemStatus.Failed.name(), failed);
        counts.put(ItemStatus.RetainedInWallet.name(), retained);
        return counts;
    }
}
