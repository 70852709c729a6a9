package io.masspay.infra.ledger;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundWallet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md section 7: an operator tops up an issuer wallet with up to 1,000,000,000.00 per call, while items and
 * cash-outs keep their 1,000,000.00 ceiling; and the ledger's reads stay exact past what an int (and, summed over
 * accounts, a long) holds. Each test has a currency of its own, so the per-currency ledger figures are its alone.
 */
@MassPayIntegrationTest
class TreasuryFundingIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFundUpToOneBillionPerCallAndRefuseACentMoreChangingNothing() {
        Issuer issuer = api.onboardIssuer("USD", "0.01");

        assertThat(fund(issuer, "999999999.99", HttpStatus.OK)).containsEntry("Balance", "1000000000.00");
        assertThat(fund(issuer, "1000000000.00", HttpStatus.OK)).containsEntry("Balance", "2000000000.00");
        awaitWalletBalance(issuer, "2000000000.00");

        String before = new DbFingerprint(jdbc).now();
        Map<String, Object> refused = fund(issuer, "1000000000.01", HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(refused).containsEntry("ErrorCode", "INVALID_AMOUNT");
        assertThat((String) refused.get("Message")).contains("1000000000.00");
        assertThat((List<Map<String, Object>>) refused.get("Errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("Field", "Amount").containsEntry("ErrorCode", "INVALID_AMOUNT"));
        assertThat(new DbFingerprint(jdbc).now()).as("a refused top-up writes nothing").isEqualTo(before);
        assertThat(fund(issuer, "1000000000.001", HttpStatus.UNPROCESSABLE_CONTENT))
                .containsEntry("ErrorCode", "INVALID_AMOUNT");
        awaitWalletBalance(issuer, "2000000000.00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepTheItemAndCashoutCeilingOfOneMillion() {
        Issuer issuer = api.onboardIssuer("GBP", "1000000000.00");
        api.recipient(issuer, "PAT-BIG", "Individual");
        Map<String, Object> tooLarge = api.submit(issuer, batch(issuer, List.of(
                        walletItem("BIG-1", "PAT-BIG", "XTR94502", "1000000.01"))))
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(tooLarge).containsEntry("ErrorCode", "VALIDATION_FAILED");
        assertThat(tooLarge.get("Errors").toString()).contains("Items[0].Amount").contains("INVALID_AMOUNT");

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, List.of(
                walletItem("MAX-1", "PAT-BIG", "XTR94502", "1000000.00"),
                walletItem("MAX-2", "PAT-BIG", "XTR94502", "1000000.00")))).get("BatchId");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);
        assertThat(status).containsEntry("Status", "Completed").containsEntry("SuccessAmount", "2000000.00");
        String recipientWallet = (String) ((List<Map<String, Object>>) status.get("Items")).get(0).get("WalletId");
        await().atMost(Duration.ofSeconds(30)).until(() -> "2000000.00".equals(
                api.issuerGet(issuer, "/API/v4/Wallets/" + recipientWallet, Map.class).get("Balance")));

        Map<String, Object> cashout = http.post().uri("/API/v4/Recipients/PAT-BIG/Wallets/" + recipientWallet + "/Cashout")
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .bodyValue(Map.of("SendMethodId", "XTR94508", "Amount", "1000000.01", "Destination", Map.of()))
                .exchange().expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(cashout.toString()).as("refused for its amount, though the balance covers it")
                .contains("INVALID_AMOUNT").doesNotContain("INSUFFICIENT_FUNDS");
    }

    /** JPY has no minor unit: three top-ups of 1e9 are 3e9 minor units, past an int, in every read. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepEveryReadExactForRepeatedOneBillionTopUpsInYen() {
        Issuer issuer = api.onboardIssuer("JPY", "1000000000");
        fund(issuer, "1000000000", HttpStatus.OK);
        assertThat(fund(issuer, "1000000000", HttpStatus.OK)).containsEntry("Balance", "3000000000");
        api.recipient(issuer, "PAT-YEN", "Individual");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, List.of(
                walletItem("YEN-1", "PAT-YEN", "XTR94502", "1000000")))).get("BatchId");
        api.awaitFinal(issuer, batchId);

        awaitWalletBalance(issuer, "2999000000");
        Map<?, ?> entries = api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId() + "/Entries", Map.class);
        assertThat((List<Map<String, Object>>) entries.get("Items")).extracting(e -> (String) e.get("Amount"))
                .containsExactlyInAnyOrder("1000000000", "1000000000", "1000000000", "1000000");
        Map<String, Object> ledger = api.settledLedger("JPY");
        assertThat(ledger).containsEntry("IssuerWallets", "2999000000").containsEntry("RecipientWallets", "1000000")
                .containsEntry("External", "-3000000000").containsEntry("Total", "0");
    }

    /**
     * The External account sums the top-ups of every wallet of a currency: two wallets near the largest balance a
     * wallet may hold take it past a long, and the ledger read model still adds up exactly.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldSumTheLedgerExactlyPastWhatALongHolds() {
        Issuer first = api.onboardIssuer("EUR", "0.01");
        Issuer second = api.onboardIssuer("EUR", "0.01");
        Money nearlyFull = new Money(Long.MAX_VALUE - 1, CurrencyCode.EUR);
        commands.sendAndWait(new FundWallet(new WalletId(first.walletId()), nearlyFull, "test: a full wallet"));
        commands.sendAndWait(new FundWallet(new WalletId(second.walletId()), nearlyFull, "test: a full wallet"));

        Map<String, Object>[] eur = new Map[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            eur[0] = api.settledLedger("EUR");
            return "-184467440737095516.14".equals(eur[0].get("External"));
        });
        assertThat(eur[0]).containsEntry("IssuerWallets", "184467440737095516.14").containsEntry("Total", "0.00");
        awaitWalletBalance(first, "92233720368547758.07");
    }

    private Map<String, Object> fund(Issuer issuer, String amount, HttpStatus expected) {
        return api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                Map.of("Amount", amount, "Reference", "treasury " + amount), expected);
    }

    private void awaitWalletBalance(Issuer issuer, String balance) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"))
                .isEqualTo(balance));
    }
}
