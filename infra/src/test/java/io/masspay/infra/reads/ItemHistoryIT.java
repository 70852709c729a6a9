package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Item history (API.md section 4): every attempt, its steps in event-store order, issuer-scoped. */
class ItemHistoryIT extends ReadsTestBase {

    private static final String ISO_MS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final Set<String> STEPS = Set.of("IssuerDebited", "IssuerDebitRejected", "WalletCredited",
            "PayoutRequested", "PayoutRefused", "PayoutSucceeded", "PayoutFailed", "FundsReturnedToWallet",
            "RetainedInWallet", "ItemSucceeded", "ItemFailed");

    @Test
    void shouldShowARetainedAttemptAndTheSuccessfulRetryStepByStep() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        List<Map<String, Object>> items = List.of(item("T-1", "PAT-1", "XTR94500", "10.00", Map.of()));
        api.railMode("XTR94500", "Down");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "HIST-1", items)).get("BatchId");
        reads.awaitHistory(issuer, batchId, "T-1", "RetainedInWallet");
        ReadsApi.awaitBatchCompleted(jdbc, batchId, 1);
        api.railMode("XTR94500", "Up");
        api.submitAccepted(issuer, batch(issuer, "HIST-1", items));

        Map<String, Object> history = reads.awaitHistory(issuer, batchId, "T-1", "Success");

        assertThat(history).containsEntry("CustomerTransactionId", "T-1").containsKey("TransactionId");
        List<Map<String, Object>> attempts = attempts(history);
        assertThat(attempts).extracting(a -> a.get("AttemptNo") + ":" + a.get("Status") + ":" + a.get("ErrorCode"))
                .containsExactly("1:RetainedInWallet:PROVIDER_UNAVAILABLE", "2:Success:null");
        assertThat(steps(attempts.get(0))).containsExactly("IssuerDebited", "WalletCredited", "PayoutRequested",
                "PayoutFailed", "FundsReturnedToWallet", "RetainedInWallet");
        assertThat(steps(attempts.get(1))).as("paid from the wallet: no second issuer debit")
                .containsExactly("PayoutRequested", "PayoutSucceeded", "ItemSucceeded");
        for (Map<String, Object> attempt : attempts) {
            assertThat((String) attempt.get("StartedAt")).matches(ISO_MS);
            assertThat((String) attempt.get("FinishedAt")).matches(ISO_MS);
            assertThat((String) attempt.get("FinishedAt")).isGreaterThanOrEqualTo((String) attempt.get("StartedAt"));
            assertThat(stepList(attempt)).allSatisfy(s -> assertThat((String) s.get("At")).matches(ISO_MS));
        }
        assertThat((String) attempts.get(1).get("StartedAt"))
                .isGreaterThanOrEqualTo((String) attempts.get(0).get("FinishedAt"));
    }

    @Test
    void shouldListTheStepsOfEachAttemptInTheOrderOfTheAuditEvents() {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        api.fullRecipient(issuer, "PAT-2");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "HIST-2", List.of(
                walletItem("W", "PAT-2", "XTR94502", "4.00"),
                item("DECLINED", "PAT-2", "XTR94508", "3.91", Map.of()),
                item("NO-FUNDS", "PAT-2", "XTR94500", "9.00", Map.of())))).get("BatchId");

        Map<String, Map<String, Object>> histories = Map.of(
                "W", reads.awaitHistory(issuer, batchId, "W", "Success"),
                "DECLINED", reads.awaitHistory(issuer, batchId, "DECLINED", "RetainedInWallet"),
                "NO-FUNDS", reads.awaitHistory(issuer, batchId, "NO-FUNDS", "Failed"));

        assertThat(steps(attempts(histories.get("W")).get(0)))
                .containsExactly("IssuerDebited", "WalletCredited", "ItemSucceeded");
        assertThat(attempts(histories.get("DECLINED")).get(0)).containsEntry("ErrorCode", "PROVIDER_DECLINED");
        assertThat(steps(attempts(histories.get("NO-FUNDS")).get(0))).containsExactly("IssuerDebitRejected", "ItemFailed");
        assertThat(attempts(histories.get("NO-FUNDS")).get(0)).containsEntry("ErrorCode", "INSUFFICIENT_FUNDS_RUNTIME");
        // the audit index is a read model of its own: it may be a moment behind the history
        histories.values().forEach(history -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> audit = reads.events(issuer,
                    "/API/v4/Audit/Transactions/" + history.get("TransactionId") + "/Events");
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> event : audit) {
                if (STEPS.contains(event.get("Type"))) {
                    expected.add(event.get("Type") + "@" + event.get("Timestamp"));
                }
            }
            List<String> actual = new ArrayList<>();
            attempts(history).forEach(a -> stepList(a).forEach(s -> actual.add(s.get("Step") + "@" + s.get("At"))));
            assertThat(actual).as("steps and times of %s", history.get("CustomerTransactionId")).isEqualTo(expected);
        }));
    }

    @Test
    void shouldNotFindAnotherIssuersItemNorAnUnknownOne() {
        Issuer owner = api.onboardIssuer("USD", "10.00");
        api.recipient(owner, "PAT-3", "Individual");
        String batchId = (String) api.submitAccepted(owner, batch(owner, "HIST-3",
                List.of(walletItem("MINE", "PAT-3", "XTR94502", "1.00")))).get("BatchId");
        reads.awaitHistory(owner, batchId, "MINE", "Success");
        Issuer stranger = api.onboardIssuer("USD", "10.00");

        for (var answer : List.of(reads.get(stranger, ReadsApi.historyPath(batchId, "MINE")),
                reads.get(owner, ReadsApi.historyPath(batchId, "NOT-THERE")),
                reads.get(owner, ReadsApi.historyPath("bt_unknown", "MINE")))) {
            answer.expectStatus().isNotFound().expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> history) {
        return (List<Map<String, Object>>) history.get("Attempts");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stepList(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("Steps");
    }

    private static List<Object> steps(Map<String, Object> attempt) {
        return stepList(attempt).stream().map(s -> s.get("Step")).toList();
    }
}
