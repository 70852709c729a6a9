package io.masspay.infra.treasury;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.OPERATOR_TOKEN;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Treasury controls over HTTP on PostgreSQL (API.md section 11): maker-checker approval with approver
 * credentials (API keys and OAuth tokens), rejection, scheduled batches, cancel, and every refusal with its
 * catalog code. Money is checked where a client sees it: the issuer wallet's balance.
 */
@MassPayIntegrationTest
class TreasuryControlsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    // ---- approval ---------------------------------------------------------------------------------------------

    @Test
    void aBatchReachingTheThresholdWaitsForAnApproverThenPays() {
        Issuer maker = issuerWithThreshold("10.00");
        String checker = api.credential(maker, "Approver");
        String batchId = submit(maker, "APPROVE-1", "6.00", "4.00");
        assertThat(lastReceipt).as("the 202 says the batch waits").containsEntry("Status", "AwaitingApproval");

        Map<String, Object> status = status(maker, batchId);
        assertThat(status).containsEntry("Status", "AwaitingApproval");
        assertThat(items(status)).allSatisfy(item -> assertThat(item).containsEntry("Status", "Processing"));
        assertThat(balance(maker)).as("a held batch moves no money").isEqualTo("100.00");

        control(maker.apiKey(), batchId, "Approve", null, HttpStatus.FORBIDDEN, "APPROVAL_NOT_ALLOWED");
        Map<String, Object> approved = control(checker, batchId, "Approve", null, HttpStatus.OK, null);
        assertThat(approved).containsEntry("BatchId", batchId).containsEntry("Status", "Processing");

        assertThat(api.awaitFinal(maker, batchId)).containsEntry("Status", "Completed");
        assertThat(balance(maker)).isEqualTo("90.00");
        control(checker, batchId, "Approve", null, HttpStatus.OK, null); // a repeat is harmless
        control(checker, batchId, "Reject", Map.of("Reason", "late"), HttpStatus.CONFLICT, "BATCH_NOT_CANCELLABLE");
        assertThat(balance(maker)).isEqualTo("90.00");
    }

    @Test
    void aBatchBelowTheThresholdIsPaidAtOnce() {
        Issuer issuer = issuerWithThreshold("10.00");
        String batchId = submit(issuer, "SMALL-1", "9.99");
        assertThat(lastReceipt).containsEntry("Status", "Processing");
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
        control(api.credential(issuer, "Approver"), batchId, "Approve", null, HttpStatus.CONFLICT,
                "BATCH_NOT_CANCELLABLE");
    }

    @Test
    void theCredentialThatSubmittedMayNotApproveEvenAsAnApprover() {
        Issuer issuer = issuerWithThreshold("1.00");
        String approver = api.credential(issuer, "Approver");
        Issuer asApprover = new Issuer(issuer.account(), issuer.walletId(), approver);
        String batchId = submit(asApprover, "SELF-1", "5.00");

        control(approver, batchId, "Approve", null, HttpStatus.FORBIDDEN, "APPROVAL_NOT_ALLOWED");
        assertThat(status(issuer, batchId)).containsEntry("Status", "AwaitingApproval");
        control(api.credential(issuer, "Approver"), batchId, "Approve", null, HttpStatus.OK, null);
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
    }

    @Test
    void anApproverOAuthTokenCarriesItsRole() {
        Issuer issuer = issuerWithThreshold("1.00");
        Map<String, Object> approver = api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Credentials",
                Map.of("Role", "Approver"), HttpStatus.CREATED);
        assertThat(approver).containsEntry("Role", "Approver");
        String token = (String) http.post().uri("/oAuth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", (String) approver.get("ClientId"))
                        .with("client_secret", (String) approver.get("ClientSecret")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("access_token");
        String batchId = submit(issuer, "OAUTH-1", "2.00");

        control(token, batchId, "Approve", null, HttpStatus.OK, null);
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");

        // the API key issued with that OAuth client is the same credential: it may not approve what the client sent
        Issuer viaClient = new Issuer(issuer.account(), issuer.walletId(), token);
        String own = submit(viaClient, "OAUTH-2", "2.00");
        control((String) approver.get("ApiKey"), own, "Approve", null, HttpStatus.FORBIDDEN, "APPROVAL_NOT_ALLOWED");
    }

    @Test
    void aRejectedBatchIsFinalAtOnceWithEveryItemCancelledAndCannotBeRetried() {
        Issuer issuer = issuerWithThreshold("5.00");
        webhookEndpoint(issuer);
        String checker = api.credential(issuer, "Approver");
        Map<String, Object> body = MassPayApi.batch(issuer, "REJECT-1", List.of(
                walletItem("R1", recipient(issuer), "XTR94502", "3.00"),
                walletItem("R2", recipient(issuer), "XTR94502", "4.00")));
        String batchId = (String) api.submitAccepted(issuer, body).get("BatchId");

        control(issuer.apiKey(), batchId, "Reject", Map.of("Reason", "no"), HttpStatus.FORBIDDEN,
                "APPROVAL_NOT_ALLOWED");
        control(checker, batchId, "Reject", Map.of(), HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED");
        Map<String, Object> rejected = control(checker, batchId, "Reject", Map.of("Reason", "Wrong month"),
                HttpStatus.OK, null);
        assertThat(rejected).containsEntry("Status", "CompletedWithErrors");

        // read right after the answer: already final, nothing debited
        Map<String, Object> status = status(issuer, batchId);
        assertThat(status).containsEntry("Status", "CompletedWithErrors");
        assertThat(items(status)).hasSize(2).allSatisfy(item -> assertThat(item)
                .containsEntry("Status", "Failed").containsEntry("ErrorCode", "CANCELLED"));
        assertThat(balance(issuer)).isEqualTo("100.00");

        control(checker, batchId, "Reject", Map.of("Reason", "again"), HttpStatus.OK, null);
        control(checker, batchId, "Approve", null, HttpStatus.CONFLICT, "BATCH_NOT_CANCELLABLE");
        control(issuer.apiKey(), batchId, "Cancel", null, HttpStatus.CONFLICT, "BATCH_NOT_CANCELLABLE");
        api.submit(issuer, body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("ALREADY_COMPLETED");
        assertThat(balance(issuer)).isEqualTo("100.00");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookTypes(issuer))
                .contains("Batch.AwaitingApproval", "Batch.Rejected", "Batch.Completed"));
        assertThat(auditTypes(issuer, batchId)).contains("BatchAwaitingApproval", "BatchRejected");
    }

    @Test
    void anotherIssuerCannotSeeOrTouchTheBatch() {
        Issuer issuer = issuerWithThreshold("1.00");
        Issuer other = issuerWithThreshold("1.00");
        String batchId = submit(issuer, "MINE-1", "2.00");
        control(api.credential(other, "Approver"), batchId, "Approve", null, HttpStatus.NOT_FOUND, "NOT_FOUND");
        control(other.apiKey(), batchId, "Cancel", null, HttpStatus.NOT_FOUND, "NOT_FOUND");
        control(other.apiKey(), "no-such-batch", "Cancel", null, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(status(issuer, batchId)).containsEntry("Status", "AwaitingApproval");
    }

    @Test
    void thresholdsAndRolesAreChecked() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        for (String bad : List.of("0", "-1", "1e3", "abc", "10.12345", "6000000000")) {
            api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Credentials", Map.of(), HttpStatus.CREATED);
            http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Approvals")
                    .headers(h -> h.setBearerAuth(OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("Threshold", bad)).exchange().expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.Errors[0].Field").isEqualTo("Threshold")
                    .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
        }
        api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Credentials", Map.of("Role", "Boss"),
                HttpStatus.UNPROCESSABLE_CONTENT);
        Map<String, Object> off = new HashMap<>();
        off.put("Threshold", null);
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Approvals")
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(off).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.Threshold").isEmpty();
        http.put().uri("/API/v4/Admin/Issuers/NOPE-1/Approvals")
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Threshold", "5.00")).exchange().expectStatus().isNotFound();
    }

    // ---- scheduling and cancel --------------------------------------------------------------------------------

    @Test
    void aScheduledBatchMovesMoneyOnlyWhenItsTimeComes() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        String batchId = submitAt(issuer, "LATER-1", at, "7.00");
        assertThat(lastReceipt).as("the 202 says the batch waits").containsEntry("Status", "Scheduled");

        assertThat(status(issuer, batchId)).containsEntry("Status", "Scheduled");
        assertThat(balance(issuer)).isEqualTo("100.00");
        Map<String, Object> done = api.awaitFinal(issuer, batchId);
        assertThat(done).containsEntry("Status", "Completed");
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        assertThat(balance(issuer)).isEqualTo("93.00");
        control(issuer.apiKey(), batchId, "Cancel", null, HttpStatus.CONFLICT, "BATCH_NOT_CANCELLABLE");
    }

    @Test
    void aScheduledBatchCanBeCancelledAndNeverPays() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        webhookEndpoint(issuer);
        Instant at = Instant.now().plusSeconds(3);
        String batchId = submitAt(issuer, "CANCEL-1", at, "7.00", "1.00");

        Map<String, Object> cancelled = control(issuer.apiKey(), batchId, "Cancel", null, HttpStatus.OK, null);
        assertThat(cancelled).containsEntry("Status", "CompletedWithErrors");
        assertThat(items(status(issuer, batchId))).allSatisfy(item -> assertThat(item)
                .containsEntry("Status", "Failed").containsEntry("ErrorCode", "CANCELLED"));
        control(issuer.apiKey(), batchId, "Cancel", null, HttpStatus.OK, null);

        // past its time: the release that was scheduled found the batch cancelled
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(at.plusSeconds(1))
                && jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time <= now()",
                Integer.class) == 0);
        assertThat(status(issuer, batchId)).containsEntry("Status", "CompletedWithErrors");
        assertThat(balance(issuer)).isEqualTo("100.00");
        assertThat(eventCount(batchId, "BatchReleased")).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookTypes(issuer))
                .contains("Batch.Cancelled"));
    }

    @Test
    void anApprovedBatchWithATimeWaitsForItsTime() {
        Issuer issuer = issuerWithThreshold("1.00");
        Instant at = Instant.now().plusSeconds(5);
        String batchId = submitAt(issuer, "BOTH-1", at, "3.00");
        assertThat(status(issuer, batchId)).containsEntry("Status", "AwaitingApproval");

        Map<String, Object> approved = control(api.credential(issuer, "Approver"), batchId, "Approve", null,
                HttpStatus.OK, null);
        assertThat(approved).containsEntry("Status", "Scheduled");
        assertThat(status(issuer, batchId)).containsEntry("Status", "Scheduled");
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        assertThat(balance(issuer)).isEqualTo("97.00");
    }

    @Test
    void aBatchThatStartedCannotBeCancelled() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        String now = submit(issuer, "NOW-1", "1.00");
        control(issuer.apiKey(), now, "Cancel", null, HttpStatus.CONFLICT, "BATCH_NOT_CANCELLABLE");
        String past = submitAt(issuer, "PAST-1", Instant.now().minusSeconds(60), "1.00");
        assertThat(api.awaitFinal(issuer, past)).containsEntry("Status", "Completed");
    }

    @Test
    void scheduledForIsChecked() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        for (String bad : List.of("tomorrow", "2026-13-01T00:00:00Z", "2026-12-01T00:00:00+01:00",
                Instant.now().plus(Duration.ofDays(91)).toString())) {
            Map<String, Object> body = new HashMap<>(MassPayApi.batch(issuer, List.of(
                    walletItem("S1", recipient(issuer), "XTR94502", "1.00"))));
            body.put("ScheduledFor", bad);
            api.submit(issuer, body).expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.Errors[0].Field").isEqualTo("ScheduledFor")
                    .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
        }
    }

    @Test
    void aCsvUploadCanBeScheduled() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        String recipient = recipient(issuer);
        String csv = "CustomerTransactionId,RecipientId,SendMethodId,Amount\nC1," + recipient + ",XTR94502,2.00\n";
        Map<?, ?> accepted = http.post().uri(u -> u.path("/API/v4/Fund/BatchTransfer")
                        .queryParam("IssuerAccountNumber", issuer.account())
                        .queryParam("SourceWalletId", issuer.walletId())
                        .queryParam("ScheduledFor", Instant.now().plus(Duration.ofHours(1)).toString()).build())
                .headers(h -> h.setBearerAuth(issuer.apiKey())).contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv).exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult()
                .getResponseBody();
        String batchId = (String) accepted.get("BatchId");
        assertThat(status(issuer, batchId)).containsEntry("Status", "Scheduled");
        control(issuer.apiKey(), batchId, "Cancel", null, HttpStatus.OK, null);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Issuer issuerWithThreshold(String threshold) {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.approvalThreshold(issuer, threshold);
        return issuer;
    }

    private int recipients;

    private String recipient(Issuer issuer) {
        return api.recipient(issuer, "TR-" + (++recipients), "Individual");
    }

    private String submit(Issuer issuer, String customerBatchId, String... amounts) {
        return submitAt(issuer, customerBatchId, null, amounts);
    }

    private String submitAt(Issuer issuer, String customerBatchId, Instant at, String... amounts) {
        String recipient = recipient(issuer);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            items.add(walletItem(customerBatchId + "-" + i, recipient, "XTR94502", amounts[i]));
        }
        Map<String, Object> body = new HashMap<>(MassPayApi.batch(issuer, customerBatchId, items));
        if (at != null) {
            body.put("ScheduledFor", at.toString());
        }
        lastReceipt = api.submitAccepted(issuer, body);
        return (String) lastReceipt.get("BatchId");
    }

    /** The 202 body of the last {@link #submitAt}. */
    private Map<String, Object> lastReceipt;

    private Map<String, Object> status(Issuer issuer, String batchId) {
        return api.issuerGet(issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "?PageSize=1000", Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("Items");
    }

    private String balance(Issuer issuer) {
        return (String) api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> control(String token, String batchId, String action, Map<String, ?> body,
                                        HttpStatus expected, String errorCode) {
        WebTestClient.RequestBodySpec request = http.post().uri("/API/v4/Fund/BatchTransfer/" + batchId + "/" + action)
                .headers(h -> h.setBearerAuth(token));
        Map<String, Object> answer = (body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
                .expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
        if (errorCode != null) {
            assertThat(answer).as(action + " " + batchId).containsEntry("ErrorCode", errorCode);
        }
        return answer;
    }

    private void webhookEndpoint(Issuer issuer) {
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Webhook")
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Url", "http://127.0.0.1:9/hook")).exchange().expectStatus().isOk();
    }

    private List<String> webhookTypes(Issuer issuer) {
        return jdbc.queryForList("select event_type from webhook_outbox where issuer_account_number = ? order by seq",
                String.class, issuer.account());
    }

    /** The batch's audit stream (API.md section 9), event types without their package. */
    @SuppressWarnings("unchecked")
    private List<String> auditTypes(Issuer issuer, String batchId) {
        Map<String, Object> stream = api.issuerGet(issuer, "/API/v4/Audit/Batches/" + batchId + "/Events", Map.class);
        return ((List<Map<String, Object>>) stream.get("Events")).stream()
                .map(e -> ((String) e.get("Type")).replaceAll(".*\\.", "")).toList();
    }

    private int eventCount(String batchId, String type) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.masspay.kernel.batch.' || ?""", Integer.class, batchId, type);
    }
}
