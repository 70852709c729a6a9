package io.masspay.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code approve}, {@code reject} and {@code cancel} (API.md section 11): the call on the wire, one line back. */
class BatchControlTest extends AgainstFakeService {

    private static final String BATCH = "/API/v4/Fund/BatchTransfer/bt_1";

    @Test
    void shouldApproveWithTheGivenTokenAndNoBodyAndPrintTheStatusAfter() {
        service.json("POST", BATCH + "/Approve", 200, "{\"BatchId\":\"bt_1\",\"Status\":\"Processing\"}");

        CapturedRun run = CapturedRun.of(env, "approve", "bt_1", "--token", "mpk_approver");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("Batch bt_1 approved: Processing\n");
        FakeService.Request sent = service.requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer mpk_approver");
        assertThat(sent.body()).isEmpty();
    }

    @Test
    void shouldSendTheReasonAsJsonWhenRejecting() {
        service.json("POST", BATCH + "/Reject", 200, "{\"BatchId\":\"bt_1\",\"Status\":\"CompletedWithErrors\"}");

        CapturedRun run = CapturedRun.of(env, "reject", "bt_1", "--reason", "Wrong \"November\" payroll");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("Batch bt_1 rejected: CompletedWithErrors\n");
        FakeService.Request sent = service.requests.get(0);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Reason\":\"Wrong \\\"November\\\" payroll\"}");
    }

    @Test
    void shouldCancelAndPrintTheStatusAfter() {
        service.json("POST", BATCH + "/Cancel", 200, "{\"BatchId\":\"bt_1\",\"Status\":\"CompletedWithErrors\"}");

        CapturedRun run = CapturedRun.of(env, "cancel", "bt_1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("Batch bt_1 cancelled: CompletedWithErrors\n");
        assertThat(service.requests.get(0).path()).isEqualTo(BATCH + "/Cancel");
    }

    @Test
    void shouldExitThreeAndSayWhichCredentialMayApproveWhenNotAllowed() {
        service.json("POST", BATCH + "/Approve", 403, """
                {"ErrorCode":"APPROVAL_NOT_ALLOWED","Message":"This credential may not approve this batch","Errors":[]}""");

        CapturedRun run = CapturedRun.of(env, "approve", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("masspay: HTTP 403 APPROVAL_NOT_ALLOWED: This credential may not approve")
                .contains("an approver credential of the batch's issuer, other than the one that submitted it");
    }

    @Test
    void shouldExitFiveWhenTheBatchCanNoLongerBeStoppedAndFourWhenItIsUnknown() {
        service.json("POST", BATCH + "/Cancel", 409, """
                {"ErrorCode":"BATCH_NOT_CANCELLABLE","Message":"The batch is already being processed","Errors":[]}""");

        CapturedRun started = CapturedRun.of(env, "cancel", "bt_1");
        CapturedRun unknown = CapturedRun.of(env, "cancel", "bt_2");

        assertThat(started.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(started.err()).startsWith("masspay: HTTP 409 BATCH_NOT_CANCELLABLE: The batch is already");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err()).startsWith("masspay: HTTP 404 NOT_FOUND: ");
    }

    @Test
    void cannotRejectWithoutAReason() {
        CapturedRun run = CapturedRun.of(env, "reject", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required option: '--reason=TEXT'");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void shouldPercentEncodeTheBatchIdInThePath() {
        CapturedRun.of(env, "approve", "bt 1/x");

        assertThat(service.requests.get(0).path()).isEqualTo("/API/v4/Fund/BatchTransfer/bt%201%2Fx/Approve");
    }
}
