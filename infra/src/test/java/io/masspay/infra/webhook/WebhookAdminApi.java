package io.masspay.infra.webhook;

import io.masspay.infra.support.MassPayApi;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's webhook calls (API.md sections 7 and 9) as a test makes them: over HTTP, operator token. */
final class WebhookAdminApi {

    private final WebTestClient admin;

    WebhookAdminApi(WebTestClient http) {
        this.admin = http.mutate().defaultHeaders(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).build();
    }

    static String webhookPath(String issuer) {
        return "/API/v4/Admin/Issuers/" + issuer + "/Webhook";
    }

    static String deliveriesPath(String issuer) {
        return webhookPath(issuer) + "/Deliveries";
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> configure(String issuer, Map<String, ?> body, int expectedStatus) {
        return admin.put().uri(webhookPath(issuer)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expectedStatus).expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A refusal with one problem: 422, that problem's code at the top and in {@code Errors}, for {@code field}. */
    @SuppressWarnings("unchecked")
    void assertRefused(String issuer, Map<String, ?> body, String code, String field) {
        Map<String, Object> error = configure(issuer, body, 422);
        assertThat(error).as(body.toString()).containsEntry("ErrorCode", code);
        assertThat((List<Map<String, Object>>) error.get("Errors")).as(body.toString()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("Field", field).containsEntry("ErrorCode", code));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> deliveries(String issuer, String query) {
        return admin.get().uri(deliveriesPath(issuer) + (query.isEmpty() ? "" : "?" + query)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    long total(String issuer, String query) {
        return ((Number) deliveries(issuer, query).get("TotalItems")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("Items");
    }

    WebTestClient.ResponseSpec redeliver(String issuer, String eventId) {
        return admin.post().uri(deliveriesPath(issuer) + "/" + eventId + "/Redeliver").exchange();
    }

    WebTestClient.ResponseSpec get(String path) {
        return admin.get().uri(path).exchange();
    }
}
