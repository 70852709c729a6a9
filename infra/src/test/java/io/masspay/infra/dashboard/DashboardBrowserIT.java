package io.masspay.infra.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard end to end in headless Chromium: an issuer pastes its API key, submits batches in the
 * page (JSON and CSV), watches them complete, reads the chart and filters the items; the operator reads the
 * ledger.
 * Skipped where no browser is installed, unless {@code MASSPAY_REQUIRE_BROWSER=1} (CI) requires one.
 */
@MassPayIntegrationTest
class DashboardBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Test
    void theDashboardIsServedWithoutATokenWhileTheApiStillRequiresOne() {
        http.get().uri("/dashboard/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").contains("connect-src 'self'").doesNotContain("unsafe-inline"))
                .expectBody(String.class).value(html -> assertThat(html).contains("<script type=\"module\" src=\"js/main.js\">"));
        http.get().uri("/dashboard").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().location("/dashboard/");
        for (String asset : List.of("/dashboard/js/main.js", "/dashboard/js/chart.js", "/dashboard/dashboard.css")) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
        http.get().uri("/dashboard/js/main.js").exchange()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"));
        http.get().uri("/API/v4/Fund/BatchTransfer").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.ErrorCode").isEqualTo("UNAUTHORIZED");
        http.get().uri("/API/v4/Wallets").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anIssuerSubmitsABatchInTheDashboardAndWatchesItComplete() throws Exception {
        HeadlessChromium.assumeInstalled();
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "10000.00");
        api.recipient(issuer, "PAT-100", "Individual");
        api.recipient(issuer, "ORG-200", "Company");
        api.fullRecipient(issuer, "PAT-300");

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium.driver(), "http://localhost:" + port);
            page.open();
            page.enterToken("mpk_not-a-key");
            assertThat(page.notice()).contains("UNAUTHORIZED");
            page.enterToken(issuer.apiKey());
            assertThat(page.signedInAs()).isEqualTo("Issuer " + issuer.account());

            // 1. twenty wallet payouts, pasted as a JSON Items array: the envelope comes from the form
            List<Map<String, Object>> payroll = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                payroll.add(walletItem("PAY-" + i, i % 2 == 0 ? "PAT-100" : "ORG-200",
                        i % 2 == 0 ? "XTR94502" : "XTR94504", "12.50"));
            }
            page.submit(json(payroll), "PAYROLL-NOV");
            assertThat(page.awaitBatchStatus("Completed")).isEqualTo("PAYROLL-NOV");
            String payrollBatchId = page.batchIdInUrl();
            assertThat(page.chartLegend()).containsEntry("Success", "20").containsEntry("Processing", "0")
                    .containsEntry("Failed", "0").containsEntry("RetainedInWallet", "0");
            assertThat(page.chartArcs()).containsExactly("Success");
            assertThat(page.itemRows()).hasSize(20)
                    .allSatisfy(row -> assertThat(row).containsEntry("Status", "Success").containsEntry("Amount", "12.50 USD"));
            chromium.screenshot("batch-completed");

            // 2. a full envelope with rail payouts, one of them declined by the sandbox (.91)
            List<Map<String, Object>> mixed = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                mixed.add(walletItem("MIX-W" + i, "PAT-100", "XTR94502", "5.00"));
            }
            for (int i = 1; i <= 4; i++) {
                mixed.add(item("MIX-B" + i, "PAT-300", "XTR94500", i == 3 ? "7.91" : "7.00", Map.of()));
            }
            page.submit(json(Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", issuer.walletId(),
                    "Items", mixed)), "VENDORS-NOV");
            page.awaitBatchStatus("CompletedWithErrors");
            assertThat(page.chartLegend()).containsEntry("Success", "11").containsEntry("RetainedInWallet", "1");
            assertThat(page.chartArcs()).containsExactly("Success", "RetainedInWallet");

            page.filterItems("RetainedInWallet", "");
            assertThat(page.itemRows()).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("CustomerTransactionId", "MIX-B3").containsEntry("ErrorCode", "PROVIDER_DECLINED")
                    .containsEntry("Amount", "7.91 USD"));
            assertThat(page.itemsSummary()).isEqualTo("1–1 of 1 item");
            chromium.screenshot("batch-filtered");
            page.filterItems("", "XTR94500");
            assertThat(page.itemRows()).hasSize(4).extracting(row -> row.get("CustomerTransactionId"))
                    .containsExactly("MIX-B1", "MIX-B2", "MIX-B3", "MIX-B4");
            assertThat(page.itemsSummary()).isEqualTo("1–4 of 4 items");

            // 3. a CSV pasted as a spreadsheet export: the page sends it as text/csv with the envelope from the
            //    form as query parameters; rejections come back at Row[n].Column, which only the CSV reader names
            page.submit("""
                    CustomerTransactionId,RecipientId,SendMethodId,Amount,Description
                    CSV-1,PAT-100,XTR94502,3.00,from a spreadsheet
                    CSV-2,ORG-200,XTR94504,4.00,
                    CSV-3,PAT-100,XTR94502,-1,
                    """, "CSV-NOV");
            assertThat(page.submitOutcome()).startsWith("2 of 3 items accepted.");
            assertThat(page.rejectedItems()).containsExactly("Row[3].Amount INVALID_AMOUNT");
            page.openSubmittedBatch();
            assertThat(page.awaitBatchStatus("Completed")).isEqualTo("CSV-NOV");
            assertThat(page.itemRows()).extracting(row -> row.get("CustomerTransactionId") + " " + row.get("Amount"))
                    .containsExactlyInAnyOrder("CSV-1 3.00 USD", "CSV-2 4.00 USD");

            // 4. the list: newest first, all final, with their progress and totals
            page.go("Batches");
            List<Map<String, String>> batches = page.batchRows();
            assertThat(batches).hasSize(3);
            assertThat(batches.get(0).get("Batch")).startsWith("CSV-NOV");
            assertThat(batches.get(0)).containsEntry("Status", "Completed").containsEntry("Amount", "7.00 USD");
            assertThat(batches.get(1).get("Batch")).startsWith("VENDORS-NOV");
            assertThat(batches.get(1)).containsEntry("Status", "Completed with errors").containsEntry("Amount", "68.91 USD");
            assertThat(batches.get(1).get("Progress")).contains("12 / 12 final · 100%");
            assertThat(batches.get(2).get("Batch")).isEqualTo("PAYROLL-NOV\n" + payrollBatchId);
            assertThat(batches.get(2)).containsEntry("Status", "Completed").containsEntry("Amount", "250.00 USD");
            chromium.screenshot("batches");

            // 5. the issuer's wallet paid 250.00 + 68.91 + 7.00; the declined 7.91 stays in the recipient's wallet
            page.go("Wallets");
            assertThat(page.walletBalances()).singleElement().asString()
                    .contains("9,674.09 USD").contains(issuer.walletId());

            // 6. the operator sees the ledger, summing to zero
            page.signOut();
            page.enterToken(MassPayApi.OPERATOR_TOKEN);
            assertThat(page.signedInAs()).isEqualTo("Operator");
            Map<String, String> usd = page.await(driver -> {
                Map<String, String> row = page.ledgerRow("USD");
                return row.get("RecipientWallets").equals("304.91") ? row : null;
            });
            assertThat(usd).containsEntry("IssuerWallets", "9,674.09").containsEntry("External", "-9,979.00")
                    .containsEntry("Total", "0.00");
            chromium.screenshot("ledger");
        }
    }

    /**
     * Treasury controls in the page (API.md section 11): held batches stand out in the list; an approver's token
     * typed on a batch's page releases one and rejects another (the issuer's own key is refused without signing
     * the issuer out); the issuer cancels a scheduled batch.
     */
    @Test
    void anApproverReleasesOrRejectsHeldBatchesAndTheIssuerCancelsAScheduledOne() {
        HeadlessChromium.assumeInstalled();
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-500", "Individual");
        api.approvalThreshold(issuer, "10.00");
        String approver = api.credential(issuer, "Approver");
        String payroll = submit(api, issuer, "HELD-PAYROLL", "12.00", null);
        String wrong = submit(api, issuer, "HELD-WRONG", "15.00", null);
        String later = submit(api, issuer, "LATER-SMALL", "2.00", Instant.now().plus(Duration.ofHours(1)));

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium.driver(), "http://localhost:" + port);
            page.open();
            page.enterToken(issuer.apiKey());
            assertThat(page.signedInAs()).isEqualTo("Issuer " + issuer.account());
            assertThat(page.batchRows()).extracting(row -> row.get("Status"))
                    .containsExactly("Scheduled", "Awaiting approval", "Awaiting approval");
            chromium.screenshot("batches-held");

            page.openBatch(payroll);
            page.awaitBatchStatus("AwaitingApproval");
            page.approve(issuer.apiKey());
            assertThat(page.controlOutcome()).startsWith("APPROVAL_NOT_ALLOWED: ");
            assertThat(page.signedInAs()).isEqualTo("Issuer " + issuer.account());
            chromium.screenshot("batch-awaiting-approval");
            page.approve(approver);
            assertThat(page.controlOutcome()).isEqualTo("Approved: the batch is now Processing.");
            page.awaitBatchStatus("Completed");
            assertThat(page.showsApprovalControls()).isFalse();

            // the approver token typed before is kept for this tab: the next decision needs only the reason
            page.openBatch(wrong);
            page.awaitBatchStatus("AwaitingApproval");
            page.reject(null, " ");
            assertThat(page.controlOutcome()).isEqualTo("Give a reason to reject the batch.");
            page.reject(null, "Wrong month");
            assertThat(page.controlOutcome()).isEqualTo("Rejected: the batch is now Completed with errors.");
            page.awaitBatchStatus("CompletedWithErrors");
            assertThat(page.itemRows()).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("Status", "Failed").containsEntry("ErrorCode", "CANCELLED"));

            page.openBatch(later);
            page.awaitBatchStatus("Scheduled");
            assertThat(page.showsApprovalControls()).as("nothing to approve below the threshold").isFalse();
            page.cancelBatch();
            assertThat(page.controlOutcome()).isEqualTo("Cancelled: the batch is now Completed with errors.");
            page.awaitBatchStatus("CompletedWithErrors");
        }
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class))
                .as("only the approved batch was paid").containsEntry("Balance", "88.00");
    }

    private static String submit(MassPayApi api, Issuer issuer, String customerBatchId, String amount, Instant at) {
        Map<String, Object> body = new HashMap<>(MassPayApi.batch(issuer, customerBatchId,
                List.of(walletItem(customerBatchId + "-1", "PAT-500", "XTR94502", amount))));
        if (at != null) {
            body.put("ScheduledFor", at.toString());
        }
        return (String) api.submitAccepted(issuer, body).get("BatchId");
    }

    private static String json(Object value) throws JsonProcessingException {
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
