package io.masspay.infra.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit event streams (API.md section 9): every stored event of a batch or a transaction, wallet postings
 * included, in store order, payload as stored, issuer-scoped. The oracle is the event store itself.
 */
class AuditEventsIT extends ReadsTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListEveryStoredEventOfABatchInStoreOrderWithItsPayloadAsStored() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "AUDIT-1", List.of(
                walletItem("W", "PAT-1", "XTR94502", "4.00"),
                item("RAIL", "PAT-1", "XTR94500", "5.00", Map.of()),
                item("DECLINED", "PAT-1", "XTR94503", "6.91", Map.of())))).get("BatchId");
        api.awaitFinal(issuer, batchId);
        List<Long> expected = awaitBatchCompletedAndListStoredEvents(batchId);

        List<Map<String, Object>> events = awaitEvents(issuer, "/API/v4/Audit/Batches/" + batchId + "/Events",
                expected.size());

        assertThat(events).extracting(e -> ((Number) e.get("GlobalIndex")).longValue()).isEqualTo(expected);
        assertThat(events).extracting(e -> e.get("Type")).contains("BatchSubmitted", "ItemSubmitted",
                "IssuerDebited", "WalletCredited", "PayoutRequested", "PayoutSucceeded", "PayoutFailed",
                "FundsReturnedToWallet", "RetainedInWallet", "ItemSucceeded", "BatchProgressed", "BatchCompleted");
        assertThat(events).extracting(e -> e.get("AggregateType")).containsOnly("Batch", "Transaction", "Wallet");
        assertThat(events.get(0)).containsEntry("Type", "BatchSubmitted").containsEntry("AggregateId", batchId)
                .containsEntry("AggregateType", "Batch").containsEntry("Sequence", 0).containsEntry("Revision", "1");
        for (Map<String, Object> event : events) {
            Map<String, Object> stored = jdbc.queryForMap("""
                    select convert_from(payload, 'UTF8') as payload, aggregate_identifier, sequence_number, time_stamp
                    from domain_event_entry where global_index = ?""", ((Number) event.get("GlobalIndex")).longValue());
            JsonNode asServed = JSON.valueToTree(event.get("Payload"));
            assertThat(asServed).isEqualTo(JSON.readTree((String) stored.get("payload")));
            assertThat(event.get("AggregateId")).isEqualTo(stored.get("aggregate_identifier"));
            assertThat(((Number) event.get("Sequence")).longValue()).isEqualTo(stored.get("sequence_number"));
            assertThat((String) event.get("Timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")
                    .startsWith(((String) stored.get("time_stamp")).substring(0, 19));
        }
    }

    @Test
    void shouldListATransactionsEventsWithItsWalletPostingsAndACashOutToo() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-2");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "AUDIT-2", List.of(
                item("KEEP", "PAT-2", "XTR94500", "20.91", Map.of())))).get("BatchId");
        Map<String, Object> item = ((List<Map<String, Object>>) api.awaitFinal(issuer, batchId).get("Items")).get(0);
        String transactionId = (String) item.get("TransactionId");

        List<Map<String, Object>> events = awaitEvents(issuer, "/API/v4/Audit/Transactions/" + transactionId + "/Events",
                7);
        assertThat(events).extracting(e -> e.get("Type") + "/" + e.get("AggregateType")).containsExactly(
                "ItemSubmitted/Transaction", "IssuerDebited/Wallet", "WalletCredited/Wallet", "PayoutRequested/Wallet",
                "PayoutFailed/Transaction", "FundsReturnedToWallet/Wallet", "RetainedInWallet/Transaction");
        assertThat(events).as("each names the transaction, a chunk's wallet posting in one of its lines")
                .allSatisfy(e -> assertThat(transactionsNamed((Map<?, ?>) e.get("Payload"))).contains(transactionId));

        String cashout = (String) api.issuerPost(issuer, "/API/v4/Recipients/PAT-2/Wallets/" + item.get("WalletId")
                        + "/Cashout", Map.of("SendMethodId", "XTR94508", "Amount", "20.00", "Destination", Map.of()),
                HttpStatus.ACCEPTED).get("TransactionId");
        assertThat(awaitEvents(issuer, "/API/v4/Audit/Transactions/" + cashout + "/Events", 4))
                .extracting(e -> e.get("Type"))
                .containsExactly("CashoutStarted", "PayoutRequested", "PayoutSucceeded", "ItemSucceeded");
    }

    @Test
    void shouldNotFindAnotherIssuersBatchOrTransactionNorUnknownOnes() {
        Issuer owner = api.onboardIssuer("USD", "10.00");
        api.recipient(owner, "PAT-3", "Individual");
        String batchId = (String) api.submitAccepted(owner, batch(owner, "AUDIT-3",
                List.of(walletItem("MINE", "PAT-3", "XTR94502", "1.00")))).get("BatchId");
        String transactionId = (String) ((List<Map<String, Object>>) api.awaitFinal(owner, batchId).get("Items"))
                .get(0).get("TransactionId");
        awaitEvents(owner, "/API/v4/Audit/Transactions/" + transactionId + "/Events", 4);
        Issuer stranger = api.onboardIssuer("USD", "10.00");

        for (String path : List.of("/API/v4/Audit/Batches/" + batchId + "/Events",
                "/API/v4/Audit/Transactions/" + transactionId + "/Events")) {
            reads.get(stranger, path).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        }
        reads.get(owner, "/API/v4/Audit/Batches/bt_unknown/Events").expectStatus().isNotFound();
        reads.get(owner, "/API/v4/Audit/Transactions/tx_unknown/Events").expectStatus().isNotFound();
    }

    /**
     * The store's own answer, independent of the index: the batch's events, its items' events, and every
     * wallet event whose payload names one of its items.
     */
    /** The payload's own transactionId, or those of its lines (IssuerDebited.debits, WalletCredited.credits). */
    private static List<Object> transactionsNamed(Map<?, ?> payload) {
        if (payload.containsKey("transactionId")) {
            return List.of(payload.get("transactionId"));
        }
        return payload.values().stream().filter(List.class::isInstance).flatMap(lines -> ((List<?>) lines).stream())
                .<Object>map(line -> ((Map<?, ?>) line).get("transactionId")).toList();
    }

    private List<Long> awaitBatchCompletedAndListStoredEvents(String batchId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.masspay.kernel.batch.BatchCompleted'""", Integer.class, batchId) == 1);
        return StoredBatchEvents.globalIndexes(jdbc, batchId);
    }

    private List<Map<String, Object>> awaitEvents(Issuer issuer, String path, int count) {
        Object[] last = new Object[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var result = reads.get(issuer, path).returnResult(Map.class);
            if (result.getStatus().value() != 200) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst().get("Events");
            return ((List<?>) last[0]).size() >= count;
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) last[0];
        return events;
    }
}
