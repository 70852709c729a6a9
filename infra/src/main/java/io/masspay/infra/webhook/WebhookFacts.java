package io.masspay.infra.webhook;

import io.masspay.kernel.money.Money;

/** What a webhook body needs from earlier events: the final item events carry only ids and the outcome. */
final class WebhookFacts {

    private WebhookFacts() {
    }

    record Batch(String batchId, String issuer, String customerBatchId) {
    }

    record Item(String transactionId, String batchId, String customerTransactionId, String recipientId,
                Money amount) {
    }
}
