package io.masspay.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI tells a user who got something wrong, or who has nothing left to do: enough to act on, no more. */
class GuidanceTest extends AgainstFakeService {

    @Test
    void shouldSayAHostThatDoesNotResolveIsUnknownNotRefused() {
        CapturedRun run = CapturedRun.of(Map.of("MASSPAY_URL", "http://no-such-host.invalid:8080", "MASSPAY_TOKEN", "t"),
                "status", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_ANSWER);
        assertThat(run.err()).contains("unknown host no-such-host.invalid").doesNotContain("refused");
    }

    @Test
    void shouldShowTheUrlCalledAndTheBaseUrlWhenTheConfiguredUrlHasAPath() {
        CapturedRun run = CapturedRun.of(Map.of("MASSPAY_URL", service.url() + "/API/v4/", "MASSPAY_TOKEN", "t"),
                "status", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("HTTP 404 NOT_FOUND")
                .contains("Called: GET " + service.url() + "/API/v4/API/v4/Fund/BatchTransfer/bt_1")
                .contains("this one ends in /API/v4: try " + service.url());
    }

    @Test
    void shouldNotBlameTheBaseUrlForABatchThatDoesNotExist() {
        CapturedRun run = CapturedRun.of(env, "status", "bt_nope");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("Called: GET " + service.url() + "/API/v4/Fund/BatchTransfer/bt_nope")
                .doesNotContain("base URL");
    }

    @Test
    void shouldPointAtTheLineAndColumnOfMalformedJsonAndSendNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{\n  \"IssuerAccountNumber\": \"SPN1\",\n  \"Items\": [}\n");

        CapturedRun run = CapturedRun.of(env, "submit", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is not valid JSON at line 3, column 13");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void shouldSummariseARetryThatMovedNothingInAFewLines() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        StringJoiner rejected = new StringJoiner(",");
        for (int i = 1; i <= 1000; i++) {
            rejected.add("{\"CustomerTransactionId\":\"T-" + i + "\",\"ErrorCode\":\"ALREADY_COMPLETED\",\"Field\":\"Items["
                    + (i - 1) + "]\",\"Message\":\"already completed\"}");
        }
        service.json("POST", "/API/v4/Fund/BatchTransfer", 200, """
                        {"BatchId":"bt_1","CustomerBatchId":"C-1","Status":"Completed","ReceivedCount":1000,
                         "AcceptedCount":0,"Accepted":[],"Rejected":[%s]}""".formatted(rejected))
                .json("GET", "/API/v4/Fund/BatchTransfer/bt_1", 200, """
                        {"BatchId":"bt_1","Status":"Completed","Currency":"USD","RejectedCount":0,
                         "Counts":{"Processing":0,"Success":1000,"Failed":0,"RetainedInWallet":0},
                         "TotalAmount":"54605.00","SuccessAmount":"54605.00","Items":[]}""");

        CapturedRun run = CapturedRun.of(env, "submit", file.toString(), "--wait", "--poll-interval", "10ms");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("1,000 received, 0 accepted, 1,000 already completed, 0 rejected")
                .contains("1,000 item(s), e.g. T-1, T-2, T-3, ...")
                .contains("Batch bt_1 Completed: nothing to do, all 1,000 items were already final")
                .doesNotContain("items/s").doesNotContain("T-4").doesNotContain("Rejected items");
        assertThat(run.out().lines()).hasSizeLessThan(20);
    }

    @Test
    void shouldCountRejectionsPerCodeAndListAScreenful() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        StringJoiner rejected = new StringJoiner(",");
        for (int i = 1; i <= 30; i++) {
            rejected.add("{\"CustomerTransactionId\":\"T-" + i + "\",\"ErrorCode\":\"" + (i % 3 == 0 ? "RECIPIENT_NOT_FOUND"
                    : "INVALID_AMOUNT") + "\",\"Field\":\"Items[" + (i - 1) + "]\",\"Message\":\"no\"}");
        }
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, """
                {"BatchId":"bt_1","Status":"Processing","ReceivedCount":31,"AcceptedCount":1,"Accepted":[],
                 "Rejected":[%s]}""".formatted(rejected));

        CapturedRun run = CapturedRun.of(env, "submit", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALL_SUCCEEDED);
        assertThat(run.out()).contains("31 received, 1 accepted, 30 rejected")
                .contains("Rejected items: INVALID_AMOUNT 20, RECIPIENT_NOT_FOUND 10")
                .contains("T-20 ").doesNotContain("T-21 ").contains("... and 10 more");
    }

    @Test
    void shouldSuggestCommandsAsTheUserRunsTheCli() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.json"), "{}");
        service.json("POST", "/API/v4/Fund/BatchTransfer", 202, """
                        {"BatchId":"bt_1","Status":"Processing","ReceivedCount":1,"AcceptedCount":1,"Accepted":[],"Rejected":[]}""")
                .json("GET", "/API/v4/Fund/BatchTransfer/bt_1", 200, """
                        {"BatchId":"bt_1","Status":"Completed","Currency":"USD","RejectedCount":0,
                         "Counts":{"Processing":0,"Success":1,"Failed":0,"RetainedInWallet":0},
                         "TotalAmount":"1.00","SuccessAmount":"1.00","Items":[]}""");
        Map<String, String> launcher = new HashMap<>(env);
        launcher.put("MASSPAY_CLI_NAME", "./masspay");

        assertThat(CapturedRun.of(launcher, "submit", file.toString(), "--wait").out())
                .contains("Report: ./masspay report bt_1 > report.csv");
        assertThat(CapturedRun.of(env, "submit", file.toString(), "--wait").out())
                .contains("Report: masspay report bt_1 > report.csv");
        assertThat(CapturedRun.of(launcher, "submit").err()).contains("Try './masspay submit --help'");
    }

    @Test
    void shouldNameTheJarWhenStartedWithJavaDashJar() {
        assertThat(MassPayCli.withInvocation(Map.of(), "cli/target/masspay-cli.jar report bt_1"))
                .containsEntry("MASSPAY_CLI_NAME", "java -jar cli/target/masspay-cli.jar");
        assertThat(MassPayCli.withInvocation(Map.of("MASSPAY_CLI_NAME", "./masspay"), "/x/masspay-cli.jar"))
                .containsEntry("MASSPAY_CLI_NAME", "./masspay");
        assertThat(MassPayCli.withInvocation(Map.of(), "io.masspay.cli.MassPayCli status")).isEmpty();
    }
}
