package io.masspay.infra.rails;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/** The reads the rail tests look at after each step: an item's status and history steps, wallet balances. */
final class RailReads {

    private final WebTestClient http;
    private final MassPayApi api;
    private final Issuer issuer;

    RailReads(WebTestClient http, Issuer issuer) {
        this.http = http;
        this.api = new MassPayApi(http);
        this.issuer = issuer;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> status, String customerTransactionId) {
        return ((List<Map<String, Object>>) status.get("Items")).stream()
                .filter(i -> customerTransactionId.equals(i.get("CustomerTransactionId"))).findFirst().orElseThrow();
    }

    /** The steps of every attempt, in order; empty while the history does not know the item yet. */
    @SuppressWarnings("unchecked")
    List<String> steps(String batchId, String customerTransactionId) {
        var result = http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId + "/Items/" + customerTransactionId + "/History")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange().returnResult(Map.class);
        if (result.getStatus().value() != 200) {
            return List.of();
        }
        Map<String, Object> history = result.getResponseBody().blockFirst();
        return ((List<Map<String, Object>>) history.get("Attempts")).stream()
                .flatMap(a -> ((List<Map<String, Object>>) a.get("Steps")).stream())
                .map(step -> (String) step.get("Step")).toList();
    }

    String recipientBalance(String recipientId) {
        List<?> wallets = api.issuerGet(issuer, "/API/v4/Recipients/" + recipientId + "/Wallets", List.class);
        return (String) ((Map<?, ?>) wallets.get(0)).get("Balance");
    }

    String issuerBalance() {
        return (String) api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance");
    }
}
