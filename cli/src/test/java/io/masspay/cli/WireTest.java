package io.masspay.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI puts on the wire and how it reads the answers, against a stand-in service. */
class WireTest extends AgainstFakeService {

    private static final String ACCEPTED = """
            {"BatchId":"bt_1","CustomerBatchId":"C-1","Status":"Processing","ReceivedCount":2,"AcceptedCount":2,
             "Accepted":[],"Rejected":[]}""";

    @Test
    void shouldSendACsvFileAsItIsWithTheEnvelopeAsQueryParameters() throws IOException {
        String csv = "CustomerTransactionId,RecipientId,SendMethodId,Amount,Destination.BeneficiaryBankID\n"
                + "T-1,PAT-1,XTR94500,10.00,BNK-1\n";
        Path file = Files.writeString(dir.resolve("batch.CSV"), csv);
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, ACCEPTED);

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--issuer-account", "SPN100001",
                "--source-wallet", "WAL-DEMO-USD", "--customer-batch-id", "C-1", "--email-notification");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        FakeService.Request sent = service.requests.get(0);
        assertThat(sent.header("Content-Type")).isEqualTo("text/csv");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer mpk_test");
        assertThat(sent.query()).isEqualTo(
                "IssuerAccountNumber=SPN100001&SourceWalletId=WAL-DEMO-USD&CustomerBatchId=C-1&EmailNotification=true");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(run.out()).contains("Batch bt_1 (CustomerBatchId C-1): 2 received, 2 accepted, 0 rejected");
    }

    @Test
    void shouldSendAJsonFileByteForByte() throws IOException {
        String json = "{\"IssuerAccountNumber\":\"SPN1\",\"Items\":[{\"Amount\":\"10.50\"}]}";
        Path file = Files.writeString(dir.resolve("batch.json"), json);
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, ACCEPTED);

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--token", "flag-token");

        FakeService.Request sent = service.requests.get(0);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer flag-token");
        assertThat(sent.query()).isNull();
        assertThat(sent.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldListRejectedItemsAndExitOne() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, """
                {"BatchId":"bt_2","CustomerBatchId":"C-2","Status":"Processing","ReceivedCount":2,"AcceptedCount":1,
                 "Accepted":[],"Rejected":[{"CustomerTransactionId":"T-2","ErrorCode":"INVALID_FIELD",
                 "Field":"Items[1].Destination.SKU","Message":"SKU is required"}]}""");

        CapturedRun run = CapturedRun.of(env, "submit", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
        assertThat(run.out()).contains("1 rejected").contains("Rejected items:")
                .containsPattern("T-2 +Items\\[1]\\.Destination\\.SKU +INVALID_FIELD +SKU is required");
    }

    @Test
    void shouldCountItemsPaidBeforeAsDoneOnARetry() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        service.json("POST", "/API/v4/Fund/BatchTransfer", 200, """
                {"BatchId":"bt_3","Status":"Completed","ReceivedCount":1,"AcceptedCount":0,"Accepted":[],
                 "Rejected":[{"CustomerTransactionId":"T-1","ErrorCode":"ALREADY_COMPLETED","Field":"Items[0]",
                 "Message":"already paid"}]}""");

        assertThat(CapturedRun.of(env, "submit", file.toString()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldFollowTheBatchUntilFinalThenSummarize() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        String path = "/API/v4/Fund/BatchTransfer/bt_1";
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, ACCEPTED)
                .json("GET", path, 200, status("Processing", 1, 0, 0, 0))
                .json("GET", path, 200, status("Processing", 1, 1, 0, 0))
                .json("GET", path, 200, status("CompletedWithErrors", 0, 1, 0, 1));

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--wait", "--poll-interval", "10ms");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
        assertThat(run.out()).as("the second accepted item counts before the read model lists it").contains("0/2 final").contains("2/2 final | Success 1  Failed 0  RetainedInWallet 1")
                .contains("Batch bt_1 CompletedWithErrors in ")
                .containsPattern("Success +1").containsPattern("RetainedInWallet +1").containsPattern("Total +2")
                .contains("Paid 10.00 of 20.91 USD")
                .containsPattern("T-2 +tx_2 +10.91 +RetainedInWallet +PROVIDER_DECLINED");
        assertThat(service.requests).filteredOn(r -> r.method().equals("GET") && "PageSize=1".equals(r.query()))
                .hasSize(3);
    }

    @Test
    void shouldGiveUpWaitingAfterTheTimeout() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, ACCEPTED)
                .json("GET", "/API/v4/Fund/BatchTransfer/bt_1", 200, status("Processing", 2, 0, 0, 0));

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--wait", "--poll-interval", "20ms", "--timeout", "100ms");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_ANSWER);
        assertThat(run.err()).contains("batch bt_1 is still Processing after PT0.1S (0/2 final)");
    }

    @Test
    void shouldStreamTheReportUnchanged() {
        String csv = "BatchId,CustomerTransactionId,Amount\nbt_1,T-1,10.00\nbt_1,\"T,2\",10.91\n";
        service.answer("GET", "/API/v4/Fund/BatchTransfer/bt_1/Report.csv", 200, "text/csv", csv);

        CapturedRun run = CapturedRun.of(env, "report", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(csv);
    }

    @Test
    void shouldPrintTheErrorBodyOfAnUnauthorizedCall() {
        service.json("GET", "/API/v4/Fund/BatchTransfer/bt_1", 401,
                "{\"ErrorCode\":\"UNAUTHORIZED\",\"Message\":\"Missing or invalid token\",\"Errors\":[]}");

        CapturedRun run = CapturedRun.of(env, "status", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(run.err()).startsWith("masspay: HTTP 401 UNAUTHORIZED: Missing or invalid token")
                .contains("MASSPAY_TOKEN");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldSayWhenTheServiceCannotBeReached() {
        String url = service.url();
        service.close();

        CapturedRun run = CapturedRun.of(Map.of("MASSPAY_URL", url, "MASSPAY_TOKEN", "t"), "status", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_ANSWER);
        assertThat(run.err()).startsWith("masspay: cannot reach " + url + "/API/v4/Fund/BatchTransfer/bt_1")
                .contains("connection refused");
    }

    private static String status(String status, int processing, int success, int failed, int retained) {
        return """
                {"BatchId":"bt_1","CustomerBatchId":"C-1","Status":"%s","Currency":"USD","RejectedCount":0,
                 "Counts":{"Processing":%d,"Success":%d,"Failed":%d,"RetainedInWallet":%d},
                 "TotalAmount":"20.91","SuccessAmount":"10.00","Page":1,"PageSize":1,"TotalItems":2,
                 "Items":[{"TransactionId":"tx_2","CustomerTransactionId":"T-2","Amount":"10.91",
                           "Status":"RetainedInWallet","ErrorCode":"PROVIDER_DECLINED"}]}"""
                .formatted(status, processing, success, failed, retained);
    }
}
