package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-issuer daily totals by outcome date (API.md section 9), and the validation of From and To. */
class DailyTotalsIT extends ReadsTestBase {

    @Test
    void shouldTotalTheIssuersItemsByOutcomeDayCurrencyMethodAndStatus() {
        Issuer issuer = api.onboardIssuer("USD", "20.00");
        api.fullRecipient(issuer, "PAT-1");
        api.submitAccepted(issuer, batch(issuer, "TOTALS-1", List.of(
                walletItem("W1", "PAT-1", "XTR94502", "4.00"), walletItem("W2", "PAT-1", "XTR94502", "5.50"),
                item("DECLINED", "PAT-1", "XTR94500", "1.91", Map.of()),
                item("PAID", "PAT-1", "XTR94500", "3.00", Map.of()),
                walletItem("TOO-MUCH", "PAT-1", "XTR94502", "9.00"))));
        Issuer other = api.onboardIssuer("USD", "20.00");
        api.recipient(other, "PAT-9", "Individual");
        api.submitAccepted(other, batch(other, "TOTALS-9", List.of(walletItem("X", "PAT-9", "XTR94502", "1.00"))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // one day either side: an outcome just after midnight UTC still lands in the range
        String range = "/API/v4/Reports/DailyTotals?From=" + today.minusDays(1) + "&To=" + today.plusDays(1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(rows(issuer, range)).extracting(r -> r.get("Currency") + "/" + r.get("SendMethodId") + "/"
                        + r.get("Status") + "/" + r.get("Count") + "/" + r.get("Amount")).containsExactlyInAnyOrder(
                        "USD/XTR94500/RetainedInWallet/1/1.91", "USD/XTR94500/Success/1/3.00",
                        "USD/XTR94502/Failed/1/9.00", "USD/XTR94502/Success/2/9.50"));

        assertThat(rows(issuer, range)).allSatisfy(r -> assertThat(LocalDate.parse((String) r.get("Date")))
                .isBetween(today.minusDays(1), today.plusDays(1)));
        assertThat(rows(issuer, "/API/v4/Reports/DailyTotals?From=2020-01-01&To=2020-12-31")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(other, range))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("Count", 1).containsEntry("Amount", "1.00")));
    }

    @Test
    void shouldRefuseMissingMalformedReversedAndTooLongRanges() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        refused(issuer, "", "MISSING_FIELD", "From");
        refused(issuer, "?From=2026-11-01", "MISSING_FIELD", "To");
        refused(issuer, "?From=2026-13-01&To=2026-11-30", "INVALID_FIELD", "From");
        refused(issuer, "?From=2026-11-01&To=30.11.2026", "INVALID_FIELD", "To");
        refused(issuer, "?From=2026-11-30&To=2026-11-01", "INVALID_FIELD", "To");
        refused(issuer, "?From=2026-01-01&To=2027-01-02", "INVALID_FIELD", "To");
        assertThat(rows(issuer, "/API/v4/Reports/DailyTotals?From=2026-01-01&To=2027-01-01"))
                .as("366 days, the longest range").isEmpty();
        assertThat(rows(issuer, "/API/v4/Reports/DailyTotals?From=2026-11-01&To=2026-11-01")).isEmpty();
    }

    private void refused(Issuer issuer, String query, String errorCode, String field) {
        reads.get(issuer, "/API/v4/Reports/DailyTotals" + query).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.ErrorCode").isEqualTo(errorCode)
                .jsonPath("$.Errors[0].Field").isEqualTo(field)
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo(errorCode);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(Issuer issuer, String path) {
        return (List<Map<String, Object>>) reads.json(issuer, path).get("Rows");
    }
}
