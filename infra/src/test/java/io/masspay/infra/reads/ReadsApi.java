package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The history, audit, report and projection reads as a client calls them, for the tests of this package. */
final class ReadsApi {

    private final WebTestClient http;

    ReadsApi(WebTestClient http) {
        this.http = http;
    }

    WebTestClient.ResponseSpec get(Issuer issuer, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(issuer.apiKey())).exchange();
    }

    WebTestClient.ResponseSpec admin(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(Issuer issuer, String path) {
        return get(issuer, path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    String text(Issuer issuer, String path) {
        return get(issuer, path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /**
     * Waits until the Batch aggregate itself has recorded every item as final: a retry decides per item
     * from the aggregate, which may be a moment behind the read models a test polls.
     */
    static void awaitBatchCompleted(JdbcTemplate jdbc, String batchId, int times) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.masspay.kernel.batch.BatchCompleted'""", Integer.class, batchId) >= times);
    }

    static String historyPath(String batchId, String customerTransactionId) {
        return "/API/v4/Fund/BatchTransfer/" + batchId + "/Items/" + customerTransactionId + "/History";
    }

    /** Waits until the item's history shows a final status (the history model lags the status model a little). */
    Map<String, Object> awaitHistory(Issuer issuer, String batchId, String customerTransactionId, String status) {
        Object[] last = new Object[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var result = get(issuer, historyPath(batchId, customerTransactionId)).returnResult(Map.class);
            if (result.getStatus().value() != 200) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst();
            return status.equals(((Map<?, ?>) last[0]).get("Status"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) last[0];
        return history;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(Issuer issuer, String path) {
        return (List<Map<String, Object>>) json(issuer, path).get("Events");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> projections() {
        return admin("/API/v4/Admin/Projections").expectStatus().isOk().expectBody(List.class).returnResult()
                .getResponseBody();
    }

    /** Waits until every read model has caught up with the head of the store. */
    List<Map<String, Object>> awaitProjectionsLive(Duration atMost) {
        Object[] last = new Object[1];
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<Map<String, Object>> projections = projections();
                last[0] = projections;
                return projections.stream().allMatch(p -> "Live".equals(p.get("Status"))
                        && ((Number) p.get("Lag")).longValue() == 0);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Read models still behind after " + atMost + ": " + last[0], e);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> projections = (List<Map<String, Object>>) last[0];
        return projections;
    }
}
