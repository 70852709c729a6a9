package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Balances as of an instant (API.md section 11, ADR 0018): a wallet's balance and the operator's ledger as
 * they stood before and after a funding and a batch, {@code Total} 0.00 at each instant. The instants are
 * taken from the store's own event timestamps (what the ledger's postings are dated by), a millisecond
 * either side.
 */
class BalancesAsOfIT extends ReadsTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerTheBalancesAsTheyStoodBeforeAndAfterAFundingAndABatch() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        Instant firstFunding = eventTime(issuer.walletId(), "WalletFunded", 0);
        fund(issuer, "50.00");
        Instant secondFunding = eventTime(issuer.walletId(), "WalletFunded", 1);
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "ASOF-1", List.of(
                walletItem("A", "PAT-1", "XTR94502", "10.00"), walletItem("B", "PAT-1", "XTR94502", "5.00"))))
                .get("BatchId");
        String recipientWallet = (String) ((List<Map<String, Object>>) api.awaitFinal(issuer, batchId).get("Items"))
                .get(0).get("WalletId");
        Instant debited = eventTime(issuer.walletId(), "IssuerDebited", 0);
        Instant credited = eventTime(recipientWallet, "WalletCredited", 0);
        api.settledLedger("USD");

        assertThat(balanceAsOf(issuer, issuer.walletId(), before(firstFunding))).isEqualTo("0.00");
        assertThat(balanceAsOf(issuer, issuer.walletId(), after(firstFunding))).isEqualTo("100.00");
        assertThat(balanceAsOf(issuer, issuer.walletId(), before(secondFunding))).isEqualTo("100.00");
        assertThat(balanceAsOf(issuer, issuer.walletId(), after(secondFunding))).isEqualTo("150.00");
        assertThat(balanceAsOf(issuer, issuer.walletId(), before(debited))).isEqualTo("150.00");
        assertThat(balanceAsOf(issuer, issuer.walletId(), after(debited))).isEqualTo("135.00");
        assertThat(balanceAsOf(issuer, recipientWallet, before(credited))).isEqualTo("0.00");
        assertThat(balanceAsOf(issuer, recipientWallet, after(credited))).isEqualTo("15.00");
        Map<String, Object> now = reads.json(issuer, "/API/v4/Wallets/" + issuer.walletId());
        assertThat(reads.json(issuer, "/API/v4/Wallets/" + issuer.walletId() + "?AsOf=2999-01-01T00:00:00Z"))
                .as("an instant still to come reads as now").isEqualTo(now);

        List<Instant> instants = List.of(before(firstFunding), after(firstFunding), after(secondFunding),
                before(debited), after(debited), after(credited), Instant.now());
        BigDecimal externalBefore = ledger(before(firstFunding), "External");
        assertThat(externalBefore.subtract(ledger(after(secondFunding), "External")))
                .as("150.00 came in from outside between the two instants").isEqualByComparingTo("150.00");
        assertThat(ledger(after(debited), "InTransit").add(ledger(after(debited), "RecipientWallets")))
                .isGreaterThanOrEqualTo(new BigDecimal("15.00"));
        for (Instant at : instants) {
            assertThat(ledgerRow(at).get("Total")).as("Total as of %s", at).isEqualTo("0.00");
        }
    }

    @Test
    void shouldRefuseAnAsOfThatIsNotAnIsoUtcInstantAndHideAnotherIssuersWallet() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        Issuer stranger = api.onboardIssuer("USD", "1.00");
        for (String bad : List.of("yesterday", "2026-11-24", "2026-11-24T10:00:00", "2026-11-24T10:00:00+01:00",
                "", "2026-13-01T00:00:00Z")) {
            refused(reads.get(issuer, "/API/v4/Wallets/" + issuer.walletId() + "?AsOf=" + bad));
            refused(reads.admin("/API/v4/Admin/Ledger/Balances?AsOf=" + bad));
        }
        reads.get(stranger, "/API/v4/Wallets/" + issuer.walletId() + "?AsOf=2026-11-24T10:00:00Z")
                .expectStatus().isNotFound().expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        assertThat(balanceAsOf(issuer, issuer.walletId(), Instant.parse("1000-01-01T00:00:00Z"))).isEqualTo("0.00");
    }

    private static void refused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.Errors[0].Field").isEqualTo("AsOf")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
    }

    private void fund(Issuer issuer, String amount) {
        api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                Map.of("Amount", amount, "Reference", "as-of test"), HttpStatus.OK);
    }

    /** When the store says the n-th such event of the wallet happened; later steps start a few ms after it. */
    private Instant eventTime(String walletId, String type, int n) {
        String stamp = jdbc.queryForObject("""
                        select time_stamp from domain_event_entry where aggregate_identifier = ?
                        and payload_type like ? order by sequence_number offset ? limit 1""", String.class,
                walletId, "%." + type, n);
        Instant at = Instant.parse(stamp);
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(at.plusMillis(3)));
        return at;
    }

    private static Instant before(Instant event) {
        return event.truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
    }

    private static Instant after(Instant event) {
        return event.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    private String balanceAsOf(Issuer issuer, String walletId, Instant at) {
        return (String) reads.json(issuer, "/API/v4/Wallets/" + walletId + "?AsOf=" + at).get("Balance");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ledgerRow(Instant at) {
        List<Map<String, Object>> currencies = (List<Map<String, Object>>) reads.admin(
                        "/API/v4/Admin/Ledger/Balances?AsOf=" + at).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("Currencies");
        return currencies.stream().filter(c -> "USD".equals(c.get("Currency"))).findFirst()
                .orElse(Map.of("Total", "0.00", "External", "0.00", "InTransit", "0.00", "RecipientWallets", "0.00"));
    }

    private BigDecimal ledger(Instant at, String column) {
        return new BigDecimal((String) ledgerRow(at).get(column));
    }
}
