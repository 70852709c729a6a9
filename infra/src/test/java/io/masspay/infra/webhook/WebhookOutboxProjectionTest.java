package io.masspay.infra.webhook;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.error.ErrorCode;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.batchCompleted;
import static io.masspay.infra.support.PayoutEvents.batchSubmitted;
import static io.masspay.infra.support.PayoutEvents.failed;
import static io.masspay.infra.support.PayoutEvents.itemSubmitted;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.ProjectionHarness.globalIndex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook outbox (API.md section 5): one row per webhook an issuer with a URL is owed, under an EventId
 * derived from the domain event, remembering where that event stands in the store.
 */
class WebhookOutboxProjectionTest {

    private static final String UNSUBSCRIBED = "SPN009";
    private static final String OUTBOX = """
            select event_id, issuer_account_number, event_type, b ->> 'Status', b -> 'Item' ->> 'CustomerTransactionId',
                b -> 'Item' ->> 'Amount', b -> 'Item' ->> 'ErrorCode', source_position
            from (select *, convert_from(body, 'UTF8')::jsonb as b from webhook_outbox) o order by seq""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final WebhookOutboxProjection projection = new WebhookOutboxProjection(
            new OutboxWriter(harness.jdbc(), new WebhookFactsStore(harness.jdbc())));

    WebhookOutboxProjectionTest() {
        harness.jdbc().update("insert into issuer (issuer_account_number, name) values (?, 'Subscribed'), (?, 'Silent')",
                ISSUER, UNSUBSCRIBED);
        harness.jdbc().update("insert into webhook_endpoint (issuer_account_number, url, secret) values (?, ?, ?)",
                ISSUER, "https://hooks.example.com/masspay", "a-long-enough-secret-for-signing");
    }

    @Test
    void aBatchOwesItsStartEachItemsEndAndItsCompletion() {
        TrackedEventMessage<?> started = harness.stored("B1", batchSubmitted(ISSUER, "B1", 2, 2));
        TrackedEventMessage<?> paid = harness.stored("tx1", succeeded("B1", "tx1", 1));
        TrackedEventMessage<?> declined = harness.stored("tx2", failed("B1", "tx2", 1, ErrorCode.PROVIDER_DECLINED));
        TrackedEventMessage<?> completed = harness.stored("B1", batchCompleted("B1", BatchStatus.CompletedWithErrors,
                1, 1, 0));

        harness.handle(projection, started, harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx2", itemSubmitted(ISSUER, "B1", "tx2", 1, "20.00")), paid, declined, completed);

        assertThat(harness.rows(OUTBOX)).containsExactly(
                row(started, "Batch.Started | Processing | null | null | null"),
                row(paid, "Batch.Item.Completed | null | C-tx1 | 10.00 | null"),
                row(declined, "Batch.Item.Failed | null | C-tx2 | 20.00 | PROVIDER_DECLINED"),
                row(completed, "Batch.Completed | CompletedWithErrors | null | null | null"));
    }

    @Test
    void anIssuerWithoutAWebhookUrlIsOwedNothing() {
        harness.handle(projection, harness.stored("B9", batchSubmitted(UNSUBSCRIBED, "B9", 1, 1)),
                harness.stored("tx9", itemSubmitted(UNSUBSCRIBED, "B9", "tx9", 0, "10.00")),
                harness.stored("tx9", succeeded("B9", "tx9", 1)));

        assertThat(harness.rows(OUTBOX)).isEmpty();
        assertThat(harness.rows("select batch_id, issuer_account_number, customer_batch_id from webhook_batch"))
                .as("the facts are kept all the same").containsExactly("B9 | SPN009 | C-B9");
    }

    @Test
    void aCashOutHasNoWebhook() {
        harness.handle(projection, harness.stored("co1", succeeded(null, "co1", 1)));

        assertThat(harness.rows(OUTBOX)).isEmpty();
    }

    @Test
    void anEventHandledAgainIsOwedOnceUnderTheSameEventId() {
        List<TrackedEventMessage<?>> events = List.of(
                harness.stored("B1", batchSubmitted(ISSUER, "B1", 1, 1)),
                harness.stored("tx1", itemSubmitted(ISSUER, "B1", "tx1", 0, "10.00")),
                harness.stored("tx1", succeeded("B1", "tx1", 1)));
        harness.handle(projection, events);
        List<String> once = harness.rows(OUTBOX);

        harness.handle(projection, events);

        assertThat(harness.rows(OUTBOX)).isEqualTo(once).hasSize(2);
    }

    @Test
    void itCannotBeResetSoARebuildNeverSendsOldWebhooksAgain() {
        assertThat(new AnnotationEventHandlerAdapter(projection).supportsReset()).isFalse();
    }

    private static String row(TrackedEventMessage<?> event, String columns) {
        return WebhookEventIds.of(event.getIdentifier()) + " | " + ISSUER + " | " + columns + " | " + globalIndex(event);
    }
}
