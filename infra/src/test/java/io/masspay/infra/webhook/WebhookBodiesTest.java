package io.masspay.infra.webhook;

import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.ItemStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes a receiver gets: field names and order of API.md section 5, amounts in the currency's scale. */
class WebhookBodiesTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final WebhookFacts.Batch BATCH = new WebhookFacts.Batch("bt_1", "SPN1", "B-1");

    @Test
    void shouldWriteAnItemEventWithTheItemsFactsAndOutcome() {
        WebhookFacts.Item item = new WebhookFacts.Item("tx_1", "bt_1", "T-1", "PAT-1", new Money(500, CurrencyCode.JPY));
        OutboxEvent event = new OutboxEvent.ItemFinished("e1", AT, "bt_1", "tx_1", 2, ItemStatus.RetainedInWallet,
                ErrorCode.DESTINATION_CLOSED);

        assertThat(text(WebhookBodies.render("evt_1", event, BATCH, item))).isEqualTo("""
                {"EventId":"evt_1","EventType":"Batch.Item.Failed","CreatedAt":"2026-11-24T10:00:00.123Z",\
                "BatchId":"bt_1","CustomerBatchId":"B-1","Item":{"TransactionId":"tx_1","CustomerTransactionId":"T-1",\
                "RecipientId":"PAT-1","Amount":"500","Currency":"JPY","Status":"RetainedInWallet",\
                "ErrorCode":"DESTINATION_CLOSED","AttemptNo":2}}""");
    }

    @Test
    void shouldWriteASuccessWithANullErrorCode() {
        WebhookFacts.Item item = new WebhookFacts.Item("tx_1", "bt_1", "T-1", "PAT-1", new Money(1050, CurrencyCode.USD));
        OutboxEvent event = new OutboxEvent.ItemFinished("e1", AT, "bt_1", "tx_1", 1, ItemStatus.Success, null);

        assertThat(text(WebhookBodies.render("evt_1", event, BATCH, item)))
                .startsWith("{\"EventId\":\"evt_1\",\"EventType\":\"Batch.Item.Completed\",")
                .endsWith("\"Amount\":\"10.50\",\"Currency\":\"USD\",\"Status\":\"Success\",\"ErrorCode\":null,\"AttemptNo\":1}}");
    }

    @Test
    void shouldWriteBatchEventsWithStatusAndCountsInsteadOfAnItem() {
        OutboxEvent completed = new OutboxEvent.BatchFinished("e2", AT, "bt_1", BatchStatus.CompletedWithErrors, 3, 1, 2);

        assertThat(text(WebhookBodies.render("evt_2", completed, BATCH, null))).isEqualTo("""
                {"EventId":"evt_2","EventType":"Batch.Completed","CreatedAt":"2026-11-24T10:00:00.123Z",\
                "BatchId":"bt_1","CustomerBatchId":"B-1","Status":"CompletedWithErrors",\
                "Counts":{"Processing":0,"Success":3,"Failed":1,"RetainedInWallet":2}}""");
        assertThat(text(WebhookBodies.render("evt_3", new OutboxEvent.BatchStarted("e3", AT, "bt_1", 6), BATCH, null)))
                .contains("\"EventType\":\"Batch.Started\"")
                .endsWith("\"Status\":\"Processing\",\"Counts\":{\"Processing\":6,\"Success\":0,\"Failed\":0,\"RetainedInWallet\":0}}");
    }

    @Test
    void shouldDeriveTheSameEventIdFromTheSameDomainEventOnly() {
        String id = WebhookEventIds.of("6f1c0d2e-0b7a-4a57-9a53-3c1f0c7e9d10");

        assertThat(id).matches("evt_[A-Za-z0-9_-]{22}")
                .isEqualTo(WebhookEventIds.of("6f1c0d2e-0b7a-4a57-9a53-3c1f0c7e9d10"))
                .isNotEqualTo(WebhookEventIds.of("6f1c0d2e-0b7a-4a57-9a53-3c1f0c7e9d11"));
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
