package io.masspay.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code submit --dry-run} and {@code submit --at} (API.md section 11): what goes on the wire, what is printed. */
class DryRunAndScheduleTest extends AgainstFakeService {

    private static final String PATH = "/API/v4/Fund/BatchTransfer";
    private static final String CSV = "CustomerTransactionId,RecipientId,SendMethodId,Amount\nT-1,PAT-1,XTR94502,1.00\n";
    private static final String ACCEPTED = """
            {"BatchId":"bt_1","CustomerBatchId":"C-1","Status":"Processing","ReceivedCount":1,"AcceptedCount":1,
             "Accepted":[],"Rejected":[]}""";

    private static String forecast(String failedCount) {
        return """
                {"BatchId":null,"CustomerBatchId":"C-1","Status":"DryRun","ReceivedCount":3,"AcceptedCount":2,
                 "Accepted":[{"CustomerTransactionId":"T-1","TransactionId":null,"RecipientId":"PAT-1","Status":"DryRun",
                              "AttemptNo":1,"Forecast":"Success","ForecastErrorCode":null},
                             {"CustomerTransactionId":"T-2","TransactionId":null,"RecipientId":"PAT-1","Status":"DryRun",
                              "AttemptNo":1,"Forecast":"Failed","ForecastErrorCode":"INSUFFICIENT_FUNDS_RUNTIME"}],
                 "Rejected":[{"CustomerTransactionId":"T-3","ErrorCode":"INVALID_AMOUNT","Field":"Items[2].Amount",
                              "Message":"bad amount"}],
                 "ForecastTotals":{"Currency":"USD","Balance":"100.00","Success":{"Count":1,"Amount":"60.00"},
                   "RetainedInWallet":{"Count":0,"Amount":"0.00"},"Failed":{"Count":%s,"Amount":"50.00"},
                   "BalanceAfter":"40.00"},"Note":null}""".formatted(failedCount);
    }

    @Test
    void shouldAskForADryRunAndPrintOneLinePerForecastOutcome() throws IOException {
        String json = "{\"IssuerAccountNumber\":\"SPN1\",\"Items\":[]}";
        Path file = Files.writeString(dir.resolve("batch.json"), json);
        service.json("POST", PATH, 200, forecast("1"));

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--dry-run");

        FakeService.Request sent = service.requests.get(0);
        assertThat(sent.query()).isEqualTo("DryRun=true");
        assertThat(sent.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
        assertThat(run.out()).contains("Dry run, nothing was submitted: 3 received, 2 accepted, 1 rejected")
                .contains("Forecast from the source wallet's balance of 100.00 USD:")
                .containsPattern("Success +1 +60\\.00\\n").containsPattern("RetainedInWallet +0 +0\\.00\\n")
                .containsPattern("Failed +1 +50\\.00\\n").contains("Balance after: 40.00 USD")
                .containsPattern("T-3 +Items\\[2]\\.Amount +INVALID_AMOUNT")
                .containsPattern("T-2 +Failed +INSUFFICIENT_FUNDS_RUNTIME")
                .doesNotContain("T-1 ").doesNotContain("Batch null");
    }

    @Test
    void shouldExitZeroWhenEveryItemIsForecastToSucceed() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        service.json("POST", PATH, 200, """
                {"BatchId":null,"Status":"DryRun","ReceivedCount":1,"AcceptedCount":1,"Rejected":[],
                 "Accepted":[{"CustomerTransactionId":"T-1","Forecast":"Success"}],
                 "ForecastTotals":{"Currency":"USD","Balance":"1.00","Success":{"Count":1,"Amount":"1.00"},
                   "RetainedInWallet":{"Count":0,"Amount":"0.00"},"Failed":{"Count":0,"Amount":"0.00"},
                   "BalanceAfter":"0.00"}}""");

        assertThat(CapturedRun.of(env, "submit", file.toString(), "--dry-run").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldSendADryRunOfACsvUploadWithItsEnvelope() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.csv"), CSV);
        service.json("POST", PATH, 200, forecast("1"));

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--issuer-account", "SPN1",
                "--source-wallet", "WAL-1", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
        assertThat(service.requests.get(0).query()).isEqualTo("IssuerAccountNumber=SPN1&SourceWalletId=WAL-1&DryRun=true");
        assertThat(new String(service.requests.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(CSV);
    }

    @Test
    void shouldWriteScheduledForIntoTheJsonEnvelopeLeavingEveryOtherByte() throws IOException {
        String json = "  {\n  \"IssuerAccountNumber\": \"SPN1\", \"Items\": [{\"Amount\": \"1.50\"}]\n}\n";
        Path file = Files.writeString(dir.resolve("batch.json"), json);
        service.json("POST", PATH, 202, ACCEPTED);

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--at", "2026-12-01T09:00:00Z");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(service.requests.get(0).query()).isNull();
        assertThat(new String(service.requests.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(
                "  {\"ScheduledFor\":\"2026-12-01T09:00:00Z\",\n  \"IssuerAccountNumber\": \"SPN1\", \"Items\": [{\"Amount\": \"1.50\"}]\n}\n");
    }

    @Test
    void shouldWriteAnOffsetInUtcIntoAnEmptyObjectAndSendItAsACsvQueryParameter() throws IOException {
        Path json = Files.writeString(dir.resolve("empty.json"), "{ }");
        Path csv = Files.writeString(dir.resolve("batch.csv"), CSV);
        service.json("POST", PATH, 202, ACCEPTED).json("POST", PATH, 200, forecast("1"));

        CapturedRun.of(env, "submit", json.toString(), "--at", "2026-12-01T10:00:00.5+01:00");
        CapturedRun run = CapturedRun.of(env, "submit", csv.toString(), "--issuer-account", "SPN1", "--source-wallet",
                "WAL-1", "--at", "2026-12-01T09:00:00Z", "--dry-run");

        assertThat(new String(service.requests.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ScheduledFor\":\"2026-12-01T09:00:00.500Z\" }");
        assertThat(service.requests.get(1).query())
                .isEqualTo("IssuerAccountNumber=SPN1&SourceWalletId=WAL-1&ScheduledFor=2026-12-01T09%3A00%3A00Z&DryRun=true");
        assertThat(new String(service.requests.get(1).body(), StandardCharsets.UTF_8)).isEqualTo(CSV);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
    }

    @Test
    void shouldRefuseWhatCannotBeSentBeforeSendingAnything() throws IOException {
        Path json = Files.writeString(dir.resolve("batch.json"), "{\"ScheduledFor\": \"2026-12-02T00:00:00Z\"}");
        Path array = Files.writeString(dir.resolve("array.json"), "[]");

        CapturedRun local = CapturedRun.of(env, "submit", json.toString(), "--at", "2026-12-01T09:00:00");
        CapturedRun twice = CapturedRun.of(env, "submit", json.toString(), "--at", "2026-12-01T09:00:00Z");
        CapturedRun notObject = CapturedRun.of(env, "submit", array.toString(), "--at", "2026-12-01T09:00:00Z");
        CapturedRun waitForNothing = CapturedRun.of(env, "submit", json.toString(), "--dry-run", "--wait");

        assertThat(local.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(local.err()).contains("ISO-8601 instant in UTC");
        assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("already has ScheduledFor");
        assertThat(notObject.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(waitForNothing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(waitForNothing.err()).contains("nothing to --wait for");
        assertThat(service.requests).isEmpty();
    }
}
