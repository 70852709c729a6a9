package io.masspay.infra.batch;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/** The thin slice end to end over HTTP: onboard, submit a wallet batch, poll its status until final. */
@MassPayIntegrationTest
class WalletBatchHttpIT {

    @Autowired
    WebTestClient http;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    void shouldPayAWalletBatchUntilCompleted() {
        Issuer issuer = api.onboardIssuer("USD", "5000.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.recipient(issuer, "ORG-1", "Company");

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, List.of(
                walletItem("TRX-1", "PAT-1", "XTR94502", "150.00"),
                walletItem("TRX-2", "ORG-1", "XTR94504", "1200.50"),
                walletItem("TRX-3", "PAT-1", "XTR94502", "0.01"))));
        assertThat(receipt).containsEntry("Status", "Processing").containsEntry("ReceivedCount", 3)
                .containsEntry("AcceptedCount", 3);
        api.status(issuer, (String) receipt.get("BatchId"), "").expectStatus().isOk()
                .expectBody().jsonPath("$.BatchId").isEqualTo(receipt.get("BatchId"));

        Map<String, Object> status = api.awaitFinal(issuer, (String) receipt.get("BatchId"));

        assertThat(status).containsEntry("Status", "Completed")
                .containsEntry("TotalAmount", "1350.51")
                .containsEntry("SuccessAmount", "1350.51")
                .containsEntry("Counts", Map.of("Processing", 0, "Success", 3, "Failed", 0, "RetainedInWallet", 0));
        assertThat(status.get("CompletedAt")).isNotNull();
        List<Map<String, Object>> items = items(status);
        assertThat(items).extracting(i -> i.get("CustomerTransactionId")).containsExactly("TRX-1", "TRX-2", "TRX-3");
        assertThat(items).allSatisfy(i -> assertThat(i).containsEntry("Status", "Success").containsEntry("AttemptNo", 1));
        assertThat(items.get(0).get("WalletId")).isEqualTo(items.get(2).get("WalletId"))
                .as("one default wallet per recipient and currency");
    }

    @Test
    void shouldFailItemsThatNoLongerFitTheIssuerWalletInSubmissionOrder() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, List.of(
                walletItem("A", "PAT-1", "XTR94502", "40.00"),
                walletItem("B", "PAT-1", "XTR94502", "50.00"),
                walletItem("C", "PAT-1", "XTR94502", "40.00"),
                walletItem("D", "PAT-1", "XTR94502", "10.00"))));

        Map<String, Object> status = api.awaitFinal(issuer, (String) receipt.get("BatchId"));

        assertThat(status).containsEntry("Status", "CompletedWithErrors").containsEntry("SuccessAmount", "100.00");
        assertThat(items(status)).extracting(i -> i.get("CustomerTransactionId") + ":" + i.get("Status") + ":"
                + i.get("ErrorCode")).containsExactly("A:Success:null", "B:Success:null",
                "C:Failed:INSUFFICIENT_FUNDS_RUNTIME", "D:Success:null");
    }

    @Test
    void shouldPageThroughEveryItemExactlyOnceAndFilterByStatus() {
        Issuer issuer = api.onboardIssuer("JPY", "1000");
        api.recipient(issuer, "PAT-1", "Individual");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(walletItem("T" + i, "PAT-1", "XTR94502", i < 20 ? "50" : "7"));
        }
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, items)).get("BatchId");
        api.awaitFinal(issuer, batchId);

        List<Object> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Map<?, ?> body = api.status(issuer, batchId, "Page=" + page + "&PageSize=10").expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(body.get("TotalItems")).isEqualTo(25);
            ((List<?>) body.get("Items")).forEach(i -> seen.add(((Map<?, ?>) i).get("CustomerTransactionId")));
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();

        Map<?, ?> failed = api.status(issuer, batchId, "Status=Failed").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(failed.get("TotalItems")).isEqualTo(5);
        assertThat((List<?>) failed.get("Items")).allSatisfy(i -> assertThat(((Map<?, ?>) i).get("Status")).isEqualTo("Failed"));
        api.status(issuer, batchId, "PageSize=1001").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.Errors[0].Field").isEqualTo("PageSize");
    }

    @Test
    void shouldHideOneIssuersBatchFromAnother() {
        Issuer owner = api.onboardIssuer("USD", "10.00");
        Issuer other = api.onboardIssuer("USD", "10.00");
        api.recipient(owner, "PAT-1", "Individual");
        String batchId = (String) api.submitAccepted(owner, batch(owner,
                List.of(walletItem("T1", "PAT-1", "XTR94502", "1.00")))).get("BatchId");
        api.awaitFinal(owner, batchId);

        api.status(other, batchId, "").expectStatus().isNotFound()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        api.submit(other, batch(owner, List.of(walletItem("T2", "PAT-1", "XTR94502", "1.00"))))
                .expectStatus().isForbidden().expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
        http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.ErrorCode").isEqualTo("UNAUTHORIZED");
        http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId).headers(h -> h.setBearerAuth("mpk_nope")).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/API/v4/Admin/Issuers").headers(h -> h.setBearerAuth(owner.apiKey()))
                .bodyValue(Map.of("Name", "x")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldRejectInvalidItemsAloneAndAcceptTheRest() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.recipient(issuer, "ORG-1", "Company");

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, List.of(
                walletItem("OK", "PAT-1", "XTR94502", "1.00"),
                walletItem("BAD-AMOUNT", "PAT-1", "XTR94502", "1.005"),
                walletItem("NOBODY", "PAT-404", "XTR94502", "1.00"),
                walletItem("WRONG-KIND", "ORG-1", "XTR94502", "1.00"),
                walletItem("OK", "PAT-1", "XTR94502", "2.00"))));

        assertThat(receipt).containsEntry("AcceptedCount", 1).containsEntry("ReceivedCount", 5);
        assertThat((List<Map<String, Object>>) receipt.get("Rejected"))
                .extracting(r -> r.get("Field") + ":" + r.get("ErrorCode"))
                .containsExactly("Items[1].Amount:INVALID_AMOUNT", "Items[2].RecipientId:RECIPIENT_NOT_FOUND",
                        "Items[3].SendMethodId:INVALID_SEND_METHOD",
                        "Items[4].CustomerTransactionId:DUPLICATE_IN_BATCH");
    }

    @Test
    void shouldRefuseABatchWithNoValidItemWithEveryProblemListed() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.submit(issuer, batch(issuer, List.of(Map.of("RecipientId", "PAT-1", "SendMethodId", "XTR94502",
                        "Amount", 1.5, "Destination", Map.of()))))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.Errors[0].Field").isEqualTo("Items[0].Amount")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_AMOUNT");
        http.post().uri("/API/v4/Fund/BatchTransfer").headers(h -> h.setBearerAuth(issuer.apiKey()))
                .header("Content-Type", "application/json").bodyValue("{\"Items\": [")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.ErrorCode").isEqualTo("MALFORMED_JSON");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("Items");
    }
}
