package io.masspay.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masspay.cli.CapturedRun;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The masspay CLI against the running application: what a user types, what they see, what the shell gets
 * as the exit code. Onboarding goes through the API helpers; everything after it through the CLI.
 */
@MassPayIntegrationTest
class CliIT {

    private static final Pattern BATCH_ID = Pattern.compile("Batch (bt_\\S+)");

    @Autowired
    WebTestClient http;

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path dir;

    private MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    private CapturedRun cli(Issuer issuer, String... args) {
        return cli(issuer.apiKey(), args);
    }

    private CapturedRun cli(String token, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = "http://localhost:" + port;
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        return CapturedRun.of(Map.of(), all);
    }

    private Path jsonBatch(Issuer issuer, String customerBatchId, String items) throws IOException {
        return Files.writeString(dir.resolve(customerBatchId + ".json"), """
                {"IssuerAccountNumber": "%s", "SourceWalletId": "%s", "CustomerBatchId": "%s", "Items": [%s]}"""
                .formatted(issuer.account(), issuer.walletId(), customerBatchId, items));
    }

    private static String item(String customerTransactionId, String recipientId, String method, String amount) {
        return """
                {"CustomerTransactionId": "%s", "RecipientId": "%s", "SendMethodId": "%s", "Amount": "%s",
                 "Destination": {}}""".formatted(customerTransactionId, recipientId, method, amount);
    }

    private static String batchIdIn(CapturedRun run) {
        Matcher m = BATCH_ID.matcher(run.out());
        assertThat(m.find()).as("a BatchId in\n%s", run).isTrue();
        return m.group(1).replaceAll("[:,]$", "");
    }

    @Test
    void shouldSubmitAJsonBatchWaitWithProgressAndExitZeroWhenEveryItemSucceeded() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
        Path file = jsonBatch(issuer, "CLI-OK", String.join(",", item("T-1", "PAT-1", "XTR94502", "10.00"),
                item("T-2", "PAT-1", "XTR94502", "5.25"), item("T-3", "PAT-1", "XTR94500", "20.00")));

        // the environment instead of flags, as a user with MASSPAY_URL and MASSPAY_TOKEN exported
        CapturedRun run = CapturedRun.of(Map.of("MASSPAY_URL", "http://localhost:" + port, "MASSPAY_TOKEN", issuer.apiKey()),
                "submit", file.toString(), "--wait", "--poll-interval", "100ms", "--timeout", "60s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String batchId = batchIdIn(run);
        assertThat(run.out())
                .contains("Batch " + batchId + " (CustomerBatchId CLI-OK): 3 received, 3 accepted, 0 rejected")
                .contains("3/3 final | Success 3  Failed 0  RetainedInWallet 0 |")
                .contains("Batch " + batchId + " Completed in ")
                .containsPattern("Success +3\\n").containsPattern("Failed +0\\n").containsPattern("Total +3\\n")
                .contains("Paid 35.25 of 35.25 USD")
                .doesNotContain("Items that did not succeed");
        assertThat(run.err()).isEmpty();
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
    }

    @Test
    void shouldPrintADryRunsForecastPerOutcomeAndSubmitNothing() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "30.00");
        api.fullRecipient(issuer, "PAT-9");
        Path file = jsonBatch(issuer, "CLI-DRY", String.join(",", item("OK", "PAT-9", "XTR94502", "25.00"),
                item("SHORT", "PAT-9", "XTR94502", "10.00"), item("DECLINED", "PAT-9", "XTR94500", "4.91")));

        CapturedRun run = cli(issuer, "submit", file.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("Dry run, nothing was submitted: 3 received, 3 accepted, 0 rejected")
                .contains("Forecast from the source wallet's balance of 30.00 USD:")
                .containsPattern("Success +1 +25\\.00\\n").containsPattern("RetainedInWallet +1 +4\\.91\\n")
                .containsPattern("Failed +1 +10\\.00\\n").contains("Balance after: 0.09 USD")
                .containsPattern("SHORT +Failed +INSUFFICIENT_FUNDS_RUNTIME")
                .containsPattern("DECLINED +RetainedInWallet +PROVIDER_DECLINED");
        http.get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=CLI-DRY").headers(h -> h.setBearerAuth(issuer.apiKey()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldExitOneAndShowTheRetainedItemWhenTheRailDeclines() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-2");
        Path file = jsonBatch(issuer, "CLI-DECLINED", String.join(",", item("PAID", "PAT-2", "XTR94502", "10.00"),
                item("DECLINED", "PAT-2", "XTR94500", "10.91")));

        CapturedRun run = cli(issuer, "submit", file.toString(), "--wait", "--poll-interval", "100ms", "--timeout", "60s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        String batchId = batchIdIn(run);
        assertThat(run.out())
                .contains("2/2 final | Success 1  Failed 0  RetainedInWallet 1 |")
                .contains("Batch " + batchId + " CompletedWithErrors in ")
                .containsPattern("RetainedInWallet +1\\n")
                .contains("Paid 10.00 of 20.91 USD")
                .contains("Items that did not succeed:")
                .containsPattern("DECLINED +tx_\\S+ +10\\.91 +RetainedInWallet +PROVIDER_DECLINED");
    }

    @Test
    void shouldShowStatusHistoryAndTheSameReportAsTheApi() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-3");
        CapturedRun submitted = cli(issuer, "submit", jsonBatch(issuer, "CLI-READS", String.join(",",
                item("W-1", "PAT-3", "XTR94502", "7.00"), item("BANK-91", "PAT-3", "XTR94500", "3.91"))).toString());
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        String batchId = batchIdIn(submitted);
        api.awaitFinal(issuer, batchId);

        CapturedRun status = cli(issuer, "status", batchId);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Batch     " + batchId + "  (CustomerBatchId CLI-READS)")
                .contains("Status    CompletedWithErrors")
                .contains("Counts    Processing 0  Success 1  Failed 0  RetainedInWallet 1")
                .contains("Amount    paid 7.00 of 10.91 USD")
                .containsPattern("W-1 +tx_\\S+ +PAT-3 +XTR94502 +7\\.00 +Success")
                .containsPattern("BANK-91 +tx_\\S+ +PAT-3 +XTR94500 +3\\.91 +RetainedInWallet +PROVIDER_DECLINED +1")
                .contains("Page 1 of 1 (2 items)");

        CapturedRun filtered = cli(issuer, "status", batchId, "--item-status", "Success", "--json");
        JsonNode json = new ObjectMapper().readTree(filtered.out());
        assertThat(json.path("BatchId").asText()).isEqualTo(batchId);
        assertThat(json.path("Items")).hasSize(1);
        assertThat(json.path("Items").get(0).path("CustomerTransactionId").asText()).isEqualTo("W-1");

        // the history read model follows the status one; wait for it as a user would, by asking again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            CapturedRun history = cli(issuer, "history", batchId, "BANK-91");
            assertThat(history.exitCode()).as(history.toString()).isZero();
            assertThat(history.out()).contains("Item BANK-91 (tx_").contains("): RetainedInWallet")
                    .contains("Attempt 1: RetainedInWallet PROVIDER_DECLINED  started ")
                    .containsPattern("IssuerDebited +\\d{4}-")
                    .containsPattern("PayoutFailed +\\d{4}-")
                    .containsPattern("RetainedInWallet +\\d{4}-");
        });

        // the report carries ledger posting ids, another read model: compare once both answers agree on a moment
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            CapturedRun report = cli(issuer, "report", batchId);
            String apiReport = http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv")
                    .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(report.exitCode()).as(report.toString()).isZero();
            assertThat(report.out()).isEqualTo(apiReport);
        });
        CapturedRun report = cli(issuer, "report", batchId);
        assertThat(report.out()).startsWith("BatchId,CustomerBatchId,TransactionId,")
                .contains(",W-1,1,PAT-3,XTR94502,7.00,USD,Success,")
                .contains(",BANK-91,1,PAT-3,XTR94500,3.91,USD,RetainedInWallet,PROVIDER_DECLINED,");
        assertThat(report.out().lines()).hasSize(3);
    }

    @Test
    void shouldPrintTheErrorBodyReadablyAndExitNonZero() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-4");
        Issuer impostor = new Issuer(issuer.account(), issuer.walletId(), "mpk_not-a-real-key");

        CapturedRun badToken = cli(impostor, "status", "bt_whatever");
        assertThat(badToken.exitCode()).as(badToken.toString()).isEqualTo(3);
        assertThat(badToken.err()).startsWith("masspay: HTTP 401 UNAUTHORIZED: ").contains("MASSPAY_TOKEN");
        assertThat(badToken.out()).isEmpty();

        Path file = jsonBatch(issuer, "CLI-BAD", item("T-1", "PAT-4", "XTR94502", "10.00"));
        assertThat(cli(impostor, "submit", file.toString()).exitCode()).isEqualTo(3);

        CapturedRun unknown = cli(issuer, "status", "bt_does-not-exist");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(4);
        assertThat(unknown.err()).startsWith("masspay: HTTP 404 NOT_FOUND: ");

        CapturedRun invalid = cli(issuer, "submit", jsonBatch(issuer, "CLI-INVALID",
                item("T-9", "PAT-4", "XTR94502", "-1.00")).toString());
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(5);
        assertThat(invalid.err()).startsWith("masspay: HTTP 422 VALIDATION_FAILED: ")
                .containsPattern("Items\\[0]\\.Amount +INVALID_AMOUNT +\\S");
    }

    /** Maker-checker (API.md section 11): the submitter's key may not release its batch, an approver's key does. */
    @Test
    void shouldApproveAHeldBatchWithAnApproversKeyAndThenItIsPaid() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-6");
        api.approvalThreshold(issuer, "1.00");
        String approver = api.credential(issuer, "Approver");
        CapturedRun submitted = cli(issuer, "submit", jsonBatch(issuer, "CLI-HELD",
                item("H-1", "PAT-6", "XTR94502", "12.00")).toString());
        String batchId = batchIdIn(submitted);
        assertThat(cli(issuer, "status", batchId).out()).contains("Status    AwaitingApproval");

        CapturedRun own = cli(issuer, "approve", batchId);
        assertThat(own.exitCode()).as(own.toString()).isEqualTo(3);
        assertThat(own.err()).startsWith("masspay: HTTP 403 APPROVAL_NOT_ALLOWED: ");

        CapturedRun approved = cli(approver, "approve", batchId);
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).isEqualTo("Batch " + batchId + " approved: Processing\n");
        CapturedRun paid = cli(issuer, "status", batchId, "--wait", "--poll-interval", "100ms", "--timeout", "60s");
        assertThat(paid.exitCode()).as(paid.toString()).isZero();
        assertThat(paid.out()).contains("Batch " + batchId + " Completed in ").contains("Paid 12.00 of 12.00 USD");

        CapturedRun late = cli(issuer, "cancel", batchId);
        assertThat(late.exitCode()).as(late.toString()).isEqualTo(5);
        assertThat(late.err()).startsWith("masspay: HTTP 409 BATCH_NOT_CANCELLABLE: ");
    }

    @Test
    void shouldCancelABatchScheduledAnHourAheadAndPayNothing() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-7");
        String inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        CapturedRun submitted = cli(issuer, "submit", jsonBatch(issuer, "CLI-LATER",
                item("L-1", "PAT-7", "XTR94502", "30.00")).toString(), "--at", inAnHour);
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        String batchId = batchIdIn(submitted);
        assertThat(cli(issuer, "status", batchId).out()).contains("Status    Scheduled");

        CapturedRun cancelled = cli(issuer, "cancel", batchId);

        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        assertThat(cancelled.out()).isEqualTo("Batch " + batchId + " cancelled: CompletedWithErrors\n");
        assertThat(cli(issuer, "status", batchId).out()).contains("Status    CompletedWithErrors")
                .containsPattern("L-1 +tx_\\S+ +PAT-7 +XTR94502 +30\\.00 +Failed +CANCELLED");
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class))
                .containsEntry("Balance", "100.00");
    }

    /**
     * A CSV file goes up as {@code Content-Type: text/csv} with the envelope from the flags as query parameters
     * (README "CSV upload"); a quoted cell with a comma stays one cell.
     */
    @Test
    void shouldSubmitACsvBatchWithTheEnvelopeFromFlags() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-5");
        Path file = Files.writeString(dir.resolve("payouts.csv"), """
                CustomerTransactionId,RecipientId,SendMethodId,Amount,Description,Destination.BeneficiaryBankID
                C-1,PAT-5,XTR94500,12.00,November payout,BNK-PAT-5
                C-2,PAT-5,XTR94500,8.50,"Bonus, November",BNK-PAT-5
                C-3,PAT-5,XTR94500,1.25,Referral,BNK-PAT-5
                """);

        CapturedRun run = cli(issuer, "submit", file.toString(), "--issuer-account", issuer.account(),
                "--source-wallet", issuer.walletId(), "--customer-batch-id", "CLI-CSV", "--wait",
                "--poll-interval", "100ms", "--timeout", "60s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String batchId = batchIdIn(run);
        assertThat(run.out()).contains("(CustomerBatchId CLI-CSV): 3 received, 3 accepted, 0 rejected")
                .contains("3/3 final | Success 3  Failed 0  RetainedInWallet 0 |")
                .contains("Paid 21.75 of 21.75 USD");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);
        assertThat(status).containsEntry("CustomerBatchId", "CLI-CSV").containsEntry("SourceWalletId", issuer.walletId());
    }
}
