package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reads the dashboard adds where the contract is silent: an issuer's batches, newest first
 * ({@code GET /API/v4/Fund/BatchTransfer} without CustomerBatchId), its own wallets ({@code GET /API/v4/Wallets}),
 * and the {@code SendMethodId} filter of a batch's items. Each only ever shows the caller's own data.
 */
class BatchListIT extends ReadsTestBase {

    private static final String LIST = "/API/v4/Fund/BatchTransfer";

    @Test
    @SuppressWarnings("unchecked")
    void shouldListOnlyTheIssuersOwnBatchesNewestFirstWithTheirProgress() {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.fullRecipient(issuer, "PAT-2");
        String first = submit(issuer, "LIST-1", List.of(walletItem("L1-1", "PAT-1", "XTR94502", "1.00"),
                walletItem("L1-2", "PAT-1", "XTR94502", "2.00")));
        String second = submit(issuer, "LIST-2", List.of(walletItem("L2-1", "PAT-1", "XTR94502", "3.00"),
                item("L2-2", "PAT-2", "XTR94500", "4.91", Map.of())));
        String third = submit(issuer, "LIST-3", List.of(walletItem("L3-1", "PAT-1", "XTR94502", "5.00")));
        Issuer stranger = api.onboardIssuer("USD", "100.00");
        api.recipient(stranger, "PAT-1", "Individual");
        String strangers = submit(stranger, "LIST-1", List.of(walletItem("S-1", "PAT-1", "XTR94502", "9.00")));
        for (String batchId : List.of(first, second, third)) {
            api.awaitFinal(issuer, batchId);
        }
        api.awaitFinal(stranger, strangers);

        Map<String, Object> page = reads.json(issuer, LIST);
        assertThat(page).containsEntry("Page", 1).containsEntry("PageSize", 20).containsEntry("TotalItems", 3);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("Items");
        assertThat(items).extracting(b -> b.get("BatchId")).containsExactly(third, second, first);
        assertThat(items.get(1)).containsEntry("CustomerBatchId", "LIST-2").containsEntry("Status", "CompletedWithErrors")
                .containsEntry("Currency", "USD").containsEntry("SourceWalletId", issuer.walletId())
                .containsEntry("ReceivedCount", 2).containsEntry("AcceptedCount", 2).containsEntry("RejectedCount", 0)
                .containsEntry("TotalAmount", "7.91").containsEntry("SuccessAmount", "3.00")
                .containsEntry("Counts", Map.of("Processing", 0, "Success", 1, "Failed", 0, "RetainedInWallet", 1))
                .doesNotContainKey("Items");
        assertThat(items.get(2)).containsEntry("Status", "Completed").containsEntry("TotalAmount", "3.00");
        assertThat(items).allSatisfy(b -> assertThat(b.get("CreatedAt")).asString().matches("\\d{4}-.*T.*Z"))
                .allSatisfy(b -> assertThat(b.get("CompletedAt")).isNotNull());
        assertThat((String) items.get(0).get("CreatedAt")).isGreaterThanOrEqualTo((String) items.get(2).get("CreatedAt"));

        Map<String, Object> second2 = reads.json(issuer, LIST + "?Page=2&PageSize=2");
        assertThat(second2).containsEntry("Page", 2).containsEntry("PageSize", 2).containsEntry("TotalItems", 3);
        assertThat((List<Map<String, Object>>) second2.get("Items")).extracting(b -> b.get("BatchId"))
                .containsExactly(first);
        assertThat((List<?>) reads.json(issuer, LIST + "?Page=3&PageSize=2").get("Items")).isEmpty();

        Map<String, Object> theirs = reads.json(stranger, LIST);
        assertThat(theirs).containsEntry("TotalItems", 1);
        assertThat((List<Map<String, Object>>) theirs.get("Items")).extracting(b -> b.get("BatchId"))
                .containsExactly(strangers);
        assertThat(reads.json(issuer, LIST + "?CustomerBatchId=LIST-1")).containsEntry("BatchId", first);
    }

    @Test
    void shouldRefuseBadPagingWithFieldErrorsAndOtherTokens() {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        reads.get(issuer, LIST + "?Page=0").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.Errors[0].Field").isEqualTo("Page")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
        reads.get(issuer, LIST + "?Page=abc&PageSize=101").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.Errors.length()").isEqualTo(2)
                .jsonPath("$.Errors[0].Field").isEqualTo("Page")
                .jsonPath("$.Errors[1].Field").isEqualTo("PageSize");
        reads.get(issuer, LIST + "?PageSize=0").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.Errors[0].Field").isEqualTo("PageSize");
        reads.get(issuer, LIST + "?Status=Success").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.Errors[0].Field").isEqualTo("Status");
        reads.get(issuer, LIST + "?SendMethodId=XTR94502").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.Errors[0].Field").isEqualTo("SendMethodId")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
        reads.get(issuer, LIST + "?CustomerBatchId=").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.Errors[0].Field").isEqualTo("CustomerBatchId")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("MISSING_FIELD");
        assertThat(reads.json(issuer, LIST + "?PageSize=100")).containsEntry("TotalItems", 0)
                .containsEntry("Items", List.of());
        http.get().uri(LIST).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("UNAUTHORIZED");
        reads.admin(LIST).expectStatus().isForbidden().expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFilterABatchsItemsBySendMethodWhileCountsCoverTheWholeBatch() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.fullRecipient(issuer, "PAT-2");
        String batchId = submit(issuer, "BY-METHOD", List.of(walletItem("M-1", "PAT-1", "XTR94502", "1.00"),
                item("M-2", "PAT-2", "XTR94500", "2.00", Map.of()), item("M-3", "PAT-2", "XTR94500", "3.91", Map.of()),
                item("M-4", "PAT-2", "XTR94508", "4.00", Map.of())));
        api.awaitFinal(issuer, batchId);
        String path = "/API/v4/Fund/BatchTransfer/" + batchId;

        Map<String, Object> banks = reads.json(issuer, path + "?SendMethodId=XTR94500");
        assertThat(banks).containsEntry("TotalItems", 2)
                .containsEntry("Counts", Map.of("Processing", 0, "Success", 3, "Failed", 0, "RetainedInWallet", 1));
        assertThat((List<Map<String, Object>>) banks.get("Items")).extracting(i -> i.get("CustomerTransactionId"))
                .containsExactly("M-2", "M-3");
        Map<String, Object> declinedBanks = reads.json(issuer, path + "?SendMethodId=XTR94500&Status=RetainedInWallet");
        assertThat(declinedBanks).containsEntry("TotalItems", 1);
        assertThat((List<Map<String, Object>>) declinedBanks.get("Items")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("CustomerTransactionId", "M-3"));
        assertThat(reads.json(issuer, "/API/v4/Fund/BatchTransfer?CustomerBatchId=BY-METHOD&SendMethodId=XTR94508"))
                .containsEntry("TotalItems", 1);
        assertThat(reads.json(issuer, path + "?SendMethodId=XTR94505")).containsEntry("TotalItems", 0)
                .containsEntry("Items", List.of());
        reads.get(issuer, path + "?SendMethodId=XTR00000").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.Errors[0].Field").isEqualTo("SendMethodId")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_SEND_METHOD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListTheIssuersOwnWalletsWithTheirBalances() {
        Issuer issuer = api.onboardIssuer("USD", "250.00");
        String euros = api.issuerWallet(issuer, "EUR", "75.50");
        Issuer stranger = api.onboardIssuer("USD", "1.00");

        List<Map<String, Object>> wallets = await().atMost(Duration.ofSeconds(10)).until(
                () -> (List<Map<String, Object>>) reads.json(issuer, "/API/v4/Wallets").get("Items"),
                list -> list.size() == 2 && list.stream().noneMatch(w -> w.get("Balance").toString().startsWith("0")));
        assertThat(wallets).containsExactly(
                Map.of("WalletId", euros, "OwnerId", issuer.account(), "Currency", "EUR", "Balance", "75.50"),
                Map.of("WalletId", issuer.walletId(), "OwnerId", issuer.account(), "Currency", "USD", "Balance", "250.00"));
        assertThat((List<Map<String, Object>>) reads.json(stranger, "/API/v4/Wallets").get("Items"))
                .extracting(w -> w.get("WalletId")).containsExactly(stranger.walletId());
        reads.admin("/API/v4/Wallets").expectStatus().isForbidden();
    }

    private String submit(Issuer issuer, String customerBatchId, List<Map<String, Object>> items) {
        return (String) api.submitAccepted(issuer, batch(issuer, customerBatchId, items)).get("BatchId");
    }
}
