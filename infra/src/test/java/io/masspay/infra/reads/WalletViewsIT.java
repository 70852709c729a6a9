package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Wallet reads of API.md section 6: balance, paged ledger entries, recipient wallets, issuer scope. */
@MassPayIntegrationTest
class WalletViewsIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldShowBalancesAndPageThroughLedgerEntriesOfTheIssuersOwnWalletsOnly() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(walletItem("W-" + i, "PAT-1", "XTR94502", "1.00"));
        }
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, items)).get("BatchId");
        String recipientWallet = (String) ((List<Map<String, Object>>) api.awaitFinal(issuer, batchId).get("Items"))
                .get(0).get("WalletId");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class))
                .containsEntry("Balance", "95.00").containsEntry("OwnerId", issuer.account())
                .containsEntry("Currency", "USD"));

        Map<?, ?> first = api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId() + "/Entries?Page=1&PageSize=4",
                Map.class);
        Map<?, ?> second = api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId() + "/Entries?Page=2&PageSize=4",
                Map.class);
        assertThat(first.get("TotalItems")).as("one funding, five debits").isEqualTo(6);
        List<Object> entries = new ArrayList<>((List<?>) first.get("Items"));
        entries.addAll((List<?>) second.get("Items"));
        assertThat(entries).hasSize(6).doesNotHaveDuplicates();
        assertThat(((Map<?, ?>) entries.get(0)).get("Direction")).isEqualTo("Credit");
        assertThat(entries.subList(1, 6)).allSatisfy(e -> assertThat(((Map<?, ?>) e).get("Direction")).isEqualTo("Debit"));

        List<?> wallets = api.issuerGet(issuer, "/API/v4/Recipients/PAT-1/Wallets", List.class);
        assertThat(wallets).singleElement().satisfies(w -> assertThat(((Map<?, ?>) w).get("WalletId"))
                .isEqualTo(recipientWallet));
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + recipientWallet, Map.class).get("Balance"))
                .isEqualTo("5.00");

        http.get().uri("/API/v4/Wallets/" + issuer.walletId() + "/Entries?PageSize=1001")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.Errors[0].Field").isEqualTo("PageSize");
        Issuer stranger = api.onboardIssuer("USD", "1.00");
        for (String path : List.of("/API/v4/Wallets/" + issuer.walletId(), "/API/v4/Wallets/" + recipientWallet,
                "/API/v4/Wallets/" + recipientWallet + "/Entries", "/API/v4/Wallets/WAL-unknown")) {
            http.get().uri(path).headers(h -> h.setBearerAuth(stranger.apiKey())).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        }
        byte[] someoneElses = http.get().uri("/API/v4/Recipients/PAT-1/Wallets")
                .headers(h -> h.setBearerAuth(stranger.apiKey())).exchange()
                .expectStatus().isNotFound().expectBody().returnResult().getResponseBody();
        byte[] nobodys = http.get().uri("/API/v4/Recipients/PAT-NOBODY/Wallets")
                .headers(h -> h.setBearerAuth(stranger.apiKey())).exchange()
                .expectStatus().isNotFound().expectBody().returnResult().getResponseBody();
        assertThat(someoneElses).as("another issuer's recipient is answered like one that does not exist")
                .isEqualTo(nobodys);
        api.recipient(stranger, "PAT-NEW", "Individual");
        assertThat(api.issuerGet(stranger, "/API/v4/Recipients/PAT-NEW/Wallets", List.class))
                .as("a recipient of one's own with no wallet yet").isEmpty();
    }
}
