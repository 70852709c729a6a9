package io.masspay.infra.faults;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rail goes down in the middle of a batch (issue 7, "Rail outage"). The bank rail is switched Down as soon
 * as the sandbox has paid the first bank items of the batch, so some are paid and the rest meet the outage:
 * those must end {@code RetainedInWallet} {@code PROVIDER_UNAVAILABLE} with the money in the recipients'
 * wallets, while the other rail and the wallet items of the same batch are untouched. The rail comes back,
 * the same request is sent again (a retry, API.md section 2) and only the retained items are paid, once,
 * as attempt 2, out of the recipients' wallets: the issuer is not debited a second time.
 * The bank items are slow ({@code .93}, 0.2 s a call in tests) and the bank rail takes four calls at a time
 * here ({@code max-in-flight}), so the outage lands mid-batch for sure.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = "masspay.rails.XTR94500.max-in-flight=4")
class RailOutageIT {

    private static final String BANK = "XTR94500";
    private static final String PUSH = "XTR94508";
    private static final int BANK_ITEMS = 60;
    private static final int RECIPIENTS = 6;

    @Autowired
    WebTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void shouldRetainWhatTheDownRailCouldNotPayAndPayItOnceOnRetry() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "10000.00");
        for (int r = 0; r < RECIPIENTS; r++) {
            api.fullRecipient(issuer, "PAT-" + r);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < BANK_ITEMS; i++) {
            items.add(item("BANK-" + i, "PAT-" + (i % RECIPIENTS), BANK, (10 + i) + ".93", Map.of()));
        }
        for (int i = 0; i < 10; i++) {
            items.add(item("PUSH-" + i, "PAT-" + (i % RECIPIENTS), PUSH, (5 + i) + ".00", Map.of()));
            items.add(walletItem("WALLET-" + i, "PAT-" + (i % RECIPIENTS), "XTR94502", (1 + i) + ".00"));
        }
        BigDecimal total = items.stream().map(i -> new BigDecimal((String) i.get("Amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "OUTAGE-MID", items)).get("BatchId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> railRows(api, batchId, issuer).stream().anyMatch(p -> BANK.equals(p.get("SendMethodId"))
                        && "Paid".equals(p.get("Outcome"))));
        api.railMode(BANK, "Down");
        Map<String, Object> afterOutage;
        try {
            afterOutage = api.awaitFinal(issuer, batchId);
        } finally {
            api.railMode(BANK, "Up");
        }

        List<Map<String, Object>> first = (List<Map<String, Object>>) afterOutage.get("Items");
        List<Map<String, Object>> retained = first.stream().filter(i -> "RetainedInWallet".equals(i.get("Status")))
                .toList();
        List<Map<String, Object>> paidBank = first.stream().filter(i -> BANK.equals(i.get("SendMethodId"))
                && "Success".equals(i.get("Status"))).toList();
        System.out.printf("RailOutageIT: %d bank items paid before the outage, %d retained by it%n",
                paidBank.size(), retained.size());
        assertThat(afterOutage).containsEntry("Status", "CompletedWithErrors");
        assertThat(paidBank).as("bank items paid before the switch").isNotEmpty();
        assertThat(retained).as("bank items that met the outage").isNotEmpty()
                .allSatisfy(i -> assertThat(i).containsEntry("SendMethodId", BANK)
                        .containsEntry("ErrorCode", "PROVIDER_UNAVAILABLE").containsEntry("AttemptNo", 1));
        assertThat(paidBank.size() + retained.size()).isEqualTo(BANK_ITEMS);
        assertThat(first).filteredOn(i -> !BANK.equals(i.get("SendMethodId")))
                .as("the other rail and the wallet items are untouched by the outage")
                .hasSize(20).allSatisfy(i -> assertThat(i).containsEntry("Status", "Success"));
        Map<String, BigDecimal> retainedPerRecipient = retained.stream().collect(Collectors.groupingBy(
                i -> (String) i.get("RecipientId"), Collectors.reducing(BigDecimal.ZERO,
                        i -> new BigDecimal((String) i.get("Amount")), BigDecimal::add)));
        Map<String, BigDecimal> walletItemsPerRecipient = first.stream()
                .filter(i -> "XTR94502".equals(i.get("SendMethodId"))).collect(Collectors.groupingBy(
                        i -> (String) i.get("RecipientId"), Collectors.reducing(BigDecimal.ZERO,
                                i -> new BigDecimal((String) i.get("Amount")), BigDecimal::add)));
        String issuerBalance = (String) api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class)
                .get("Balance");
        assertThat(issuerBalance).isEqualTo(new BigDecimal("10000.00").subtract(total).toPlainString());
        for (int r = 0; r < RECIPIENTS; r++) {
            String recipient = "PAT-" + r;
            BigDecimal expected = retainedPerRecipient.getOrDefault(recipient, BigDecimal.ZERO)
                    .add(walletItemsPerRecipient.getOrDefault(recipient, BigDecimal.ZERO)).setScale(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(walletBalance(api, issuer, recipient))
                    .as("retained money sits in %s's wallet", recipient).isEqualTo(expected.toPlainString()));
        }
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");

        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "OUTAGE-MID", items));

        assertThat(retry).containsEntry("BatchId", batchId).containsEntry("AcceptedCount", retained.size());
        Set<Object> retainedIds = retained.stream().map(i -> i.get("CustomerTransactionId")).collect(Collectors.toSet());
        assertThat((List<Map<String, Object>>) retry.get("Accepted")).allSatisfy(a -> {
            assertThat(retainedIds).contains(a.get("CustomerTransactionId"));
            assertThat(a).containsEntry("AttemptNo", 2);
        });
        assertThat((List<Map<String, Object>>) retry.get("Rejected")).hasSize(items.size() - retained.size())
                .allSatisfy(r -> assertThat(r).containsEntry("ErrorCode", "ALREADY_COMPLETED"));
        Map<String, Object> afterRetry = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        Map<Object, Map<String, Object>> second = ((List<Map<String, Object>>) afterRetry.get("Items")).stream()
                .collect(Collectors.toMap(i -> i.get("CustomerTransactionId"), Function.identity()));
        assertThat(second).hasSize(items.size());
        retainedIds.forEach(id -> assertThat(second.get(id)).containsEntry("Status", "Success")
                .containsEntry("AttemptNo", 2).containsEntry("ErrorCode", null));
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"))
                .as("no second issuer debit").isEqualTo(issuerBalance);
        for (int r = 0; r < RECIPIENTS; r++) {
            String recipient = "PAT-" + r;
            String expected = walletItemsPerRecipient.getOrDefault(recipient, BigDecimal.ZERO).setScale(2)
                    .toPlainString();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(walletBalance(api, issuer, recipient))
                    .as("%s's retained money paid out of the wallet", recipient).isEqualTo(expected));
        }
        List<Map<String, Object>> rails = railRows(api, batchId, issuer);
        Map<Object, List<Map<String, Object>>> paidPerTransaction = rails.stream()
                .filter(p -> "Paid".equals(p.get("Outcome"))).collect(Collectors.groupingBy(p -> p.get("TransactionId")));
        assertThat(paidPerTransaction).as("every rail item paid, each exactly once").hasSize(BANK_ITEMS + 10)
                .allSatisfy((tx, paid) -> assertThat(paid).singleElement()
                        .satisfies(p -> assertThat(p).containsEntry("Calls", 1)));
        for (Object id : retainedIds) {
            String tx = (String) second.get(id).get("TransactionId");
            assertThat(rails).filteredOn(p -> tx.equals(p.get("TransactionId")))
                    .extracting(p -> p.get("IdempotencyKey") + ":" + p.get("Outcome"))
                    .containsExactlyInAnyOrder(tx + ":1:Unavailable", tx + ":2:Paid");
        }
        Map<String, Object> ledger = api.settledLedger("USD");
        BigDecimal walletTotal = walletItemsPerRecipient.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paidOut = total.subtract(walletTotal);
        assertThat(ledger).as("funded 10000.00 = issuer wallet + recipient wallets + paid out")
                .containsEntry("Total", "0.00").containsEntry("IssuerWallets", issuerBalance)
                .containsEntry("RecipientWallets", walletTotal.setScale(2).toPlainString())
                .containsEntry("External", paidOut.subtract(new BigDecimal("10000.00")).toPlainString());
    }

    @SuppressWarnings("unchecked")
    private static String walletBalance(MassPayApi api, Issuer issuer, String recipientId) {
        List<Map<String, Object>> wallets = api.issuerGet(issuer, "/API/v4/Recipients/" + recipientId + "/Wallets",
                List.class);
        return wallets.isEmpty() ? "0.00" : (String) wallets.get(0).get("Balance");
    }

    /** The sandbox's rows of this batch's transactions (the status read model names them). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> railRows(MassPayApi api, String batchId, Issuer issuer) {
        var status = api.status(issuer, batchId, "PageSize=1000").returnResult(Map.class);
        if (status.getStatus().value() != 200) {
            return List.of();
        }
        Map<Object, Object> ids = new HashMap<>();
        ((List<Map<String, Object>>) status.getResponseBody().blockFirst().get("Items"))
                .forEach(i -> ids.put(i.get("TransactionId"), i));
        return api.sandboxPayouts().stream().filter(p -> ids.containsKey(p.get("TransactionId"))).toList();
    }
}
