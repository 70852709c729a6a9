package io.masspay.infra.payout;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Wallet-first payouts on every rail, end to end over HTTP (API.md section 3). */
@MassPayIntegrationTest
class PayoutsIT {

    @Autowired
    WebTestClient http;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    void shouldPayABatchMixingAllSevenMethods() {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
        api.recipient(issuer, "ORG-1", "Company");

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, "MIXED-1", List.of(
                item("BANK", "PAT-1", "XTR94500", "10.00", Map.of()),
                item("WALLET", "PAT-1", "XTR94502", "11.00", Map.of()),
                item("VCARD", "PAT-1", "XTR94503", "12.00", Map.of()),
                item("COMPANY", "ORG-1", "XTR94504", "13.00", Map.of()),
                item("GIFT", "PAT-1", "XTR94505", "14.00", Map.of("Email", "pat@example.com", "SKU", "AMZ-25")),
                item("CHECK", "PAT-1", "XTR94507", "15.00", Map.of()),
                item("PUSH", "PAT-1", "XTR94508", "16.93", Map.of()))));
        assertThat(receipt).containsEntry("AcceptedCount", 7);

        Map<String, Object> status = api.awaitFinal(issuer, (String) receipt.get("BatchId"));

        assertThat(status).containsEntry("Status", "Completed").containsEntry("SuccessAmount", "91.93");
        List<Object> ids = items(status).stream().map(i -> i.get("TransactionId")).toList();
        List<Map<String, Object>> railCalls = api.sandboxPayouts().stream()
                .filter(p -> ids.contains(p.get("TransactionId"))).toList();
        assertThat(railCalls).extracting(p -> p.get("SendMethodId"))
                .containsExactlyInAnyOrder("XTR94500", "XTR94503", "XTR94505", "XTR94507", "XTR94508");
        assertThat(railCalls).allSatisfy(p -> assertThat(p).containsEntry("Calls", 1).containsEntry("Outcome", "Paid"));
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"))
                .isEqualTo("908.07");
    }

    @Test
    void shouldRetainWhatTheRailsRefuseInTheRecipientsWallet() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-2");

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "REFUSED-1", List.of(
                item("DECLINED", "PAT-2", "XTR94500", "1.91", Map.of()),
                item("UNAVAILABLE", "PAT-2", "XTR94508", "2.92", Map.of()),
                item("CLOSED", "PAT-2", "XTR94503", "3.94", Map.of()),
                item("PAID", "PAT-2", "XTR94507", "4.00", Map.of())))).get("BatchId");

        Map<String, Object> status = api.awaitFinal(issuer, batchId);

        assertThat(status).containsEntry("Status", "CompletedWithErrors")
                .containsEntry("Counts", Map.of("Processing", 0, "Success", 1, "Failed", 0, "RetainedInWallet", 3));
        assertThat(items(status)).extracting(i -> i.get("CustomerTransactionId") + ":" + i.get("Status") + ":"
                + i.get("ErrorCode")).containsExactly("DECLINED:RetainedInWallet:PROVIDER_DECLINED",
                "UNAVAILABLE:RetainedInWallet:PROVIDER_UNAVAILABLE", "CLOSED:RetainedInWallet:DESTINATION_CLOSED",
                "PAID:Success:null");
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        List<?> wallets = api.issuerGet(issuer, "/API/v4/Recipients/PAT-2/Wallets", List.class);
        assertThat(wallets).singleElement().satisfies(w -> {
            Map<?, ?> wallet = (Map<?, ?>) w;
            assertThat(wallet.get("Balance")).isEqualTo("8.77");
            assertThat(wallet.get("Currency")).isEqualTo("USD");
            assertThat(wallet.get("Default")).isEqualTo(true);
        });
        Map<String, Object> unavailable = api.sandboxPayouts().stream()
                .filter(p -> "2.92".equals(p.get("Amount"))).findFirst().orElseThrow();
        assertThat(unavailable).as("called until the retry budget ran out").containsEntry("Calls", 5)
                .containsEntry("Outcome", "Unavailable");
    }

    @Test
    void shouldPayARetainedItemOnRetryWithoutDebitingTheIssuerAgain() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-3");
        List<Map<String, Object>> items = List.of(item("T-1", "PAT-3", "XTR94500", "10.00", Map.of()));
        api.railMode("XTR94500", "Down");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "OUTAGE-1", items)).get("BatchId");
        assertThat(items(api.awaitFinal(issuer, batchId))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("Status", "RetainedInWallet")
                        .containsEntry("ErrorCode", "PROVIDER_UNAVAILABLE"));

        api.railMode("XTR94500", "Up");
        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "OUTAGE-1", items));

        assertThat(retry).containsEntry("BatchId", batchId);
        assertThat((List<Map<String, Object>>) retry.get("Accepted")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("AttemptNo", 2));
        Map<String, Object> status = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        assertThat(items(status)).singleElement().satisfies(i -> assertThat(i).containsEntry("Status", "Success")
                .containsEntry("AttemptNo", 2));
        Map<?, ?> issuerWallet = api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class);
        assertThat(issuerWallet.get("Balance")).as("debited once across both attempts").isEqualTo("90.00");
        String transactionId = (String) items(status).get(0).get("TransactionId");
        assertThat(api.sandboxPayouts()).filteredOn(p -> transactionId.equals(p.get("TransactionId")))
                .extracting(p -> p.get("IdempotencyKey") + ":" + p.get("Outcome"))
                .containsExactlyInAnyOrder(transactionId + ":1:Unavailable", transactionId + ":2:Paid");
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        List<?> wallets = api.issuerGet(issuer, "/API/v4/Recipients/PAT-3/Wallets", List.class);
        assertThat(((Map<?, ?>) wallets.get(0)).get("Balance")).as("paid out of the wallet").isEqualTo("0.00");
    }

    @Test
    void shouldCashOutARetainedBalanceAndRefuseMoreThanTheBalance() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-4");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "CASH-1", List.of(
                item("KEEP", "PAT-4", "XTR94500", "20.91", Map.of())))).get("BatchId");
        String walletId = (String) items(api.awaitFinal(issuer, batchId)).get(0).get("WalletId");
        String cashout = "/API/v4/Recipients/PAT-4/Wallets/" + walletId + "/Cashout";

        api.issuerPost(issuer, cashout, Map.of("SendMethodId", "XTR94508", "Amount", "20.92", "Destination", Map.of()),
                org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
        Map<String, Object> accepted = api.issuerPost(issuer, cashout, Map.of("SendMethodId", "XTR94508",
                "Amount", "20.00", "Destination", Map.of()), org.springframework.http.HttpStatus.ACCEPTED);

        assertThat(accepted).containsEntry("Status", "Processing").containsKey("TransactionId");
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.sandboxPayouts())
                .anySatisfy(p -> assertThat(p).containsEntry("TransactionId", accepted.get("TransactionId"))
                        .containsEntry("Outcome", "Paid").containsEntry("Amount", "20.00")));
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.issuerGet(issuer, "/API/v4/Wallets/" + walletId, Map.class).get("Balance")).isEqualTo("0.91"));
        Issuer stranger = api.onboardIssuer("USD", "1.00");
        api.issuerPost(stranger, cashout, Map.of("SendMethodId", "XTR94508", "Amount", "0.50", "Destination", Map.of()),
                org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("Items");
    }
}
