package io.masspay.infra.contract;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.contract.ContractBody.accepted;
import static io.masspay.infra.contract.ContractBody.fieldsAndCodes;
import static io.masspay.infra.contract.ContractBody.rejected;
import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /API/v4/Fund/BatchTransfer?DryRun=true} (API.md section 11): the answer of a real submission plus a
 * forecast per item and totals, with the same refusals; and nothing stored, claimed or moved, which the database
 * shows (the command side's tables and event store, and every table's row count, the same before and after).
 */
@MassPayIntegrationTest
class DryRunIT {

    private static final String DRY_RUN = "/API/v4/Fund/BatchTransfer?DryRun=true";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    DbFingerprint fingerprint;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        fingerprint = new DbFingerprint(jdbc);
        issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
    }

    /** The engine debits in request order and skips what it cannot cover; a later, smaller item is still paid. */
    private List<Map<String, Object>> mixedItems() {
        return List.of(walletItem("D-1", "PAT-1", "XTR94502", "60.00"),
                item("D-2", "PAT-1", "XTR94500", "50.00", Map.of()),
                item("D-3", "PAT-1", "XTR94500", "10.91", Map.of()),
                walletItem("D-4", "PAT-1", "XTR94502", "29.09"),
                walletItem("D-5", "PAT-1", "XTR94502", "0.01"),
                walletItem("D-6", "PAT-1", "XTR94502", "1.001"));
    }

    @Test
    void shouldForecastEachItemInOrderStoreNothingAndLeaveTheBatchFreeForTheRealSubmission() {
        Map<String, Object> batch = batch(issuer, "DRY-1", mixedItems());
        String before = fingerprint.awaitQuiet();
        String tablesBefore = everyTableCount();

        Map<String, Object> answer = dryRun(batch);

        assertThat(fingerprint.now()).as("events since: %s", fingerprint.eventsSince(before)).isEqualTo(before);
        assertThat(everyTableCount()).isEqualTo(tablesBefore);
        assertThat(answer).containsEntry("BatchId", null).containsEntry("CustomerBatchId", "DRY-1")
                .containsEntry("Status", "DryRun").containsEntry("ReceivedCount", 6).containsEntry("AcceptedCount", 5)
                .containsEntry("Note", null);
        assertThat(forecasts(answer)).containsExactly("D-1 Success", "D-2 Failed INSUFFICIENT_FUNDS_RUNTIME",
                "D-3 RetainedInWallet PROVIDER_DECLINED", "D-4 Success", "D-5 Failed INSUFFICIENT_FUNDS_RUNTIME");
        assertThat(accepted(answer)).allSatisfy(a -> assertThat(a).containsEntry("TransactionId", null)
                .containsEntry("Status", "DryRun").containsEntry("AttemptNo", 1));
        assertThat(fieldsAndCodes(rejected(answer))).containsExactly("Items[5].Amount INVALID_AMOUNT");
        assertThat(answer.get("ForecastTotals")).isEqualTo(Map.of("Currency", "USD", "Balance", "100.00",
                "Success", Map.of("Count", 2, "Amount", "89.09"),
                "RetainedInWallet", Map.of("Count", 1, "Amount", "10.91"),
                "Failed", Map.of("Count", 2, "Amount", "50.01"), "BalanceAfter", "0.00"));

        Map<String, Object> real = ContractBody.receipt(api.submit(issuer, batch).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(real).containsEntry("CustomerBatchId", "DRY-1").containsEntry("AcceptedCount", 5);
        assertThat(outcomes(api.awaitFinal(issuer, (String) real.get("BatchId")))).as("the forecast came true")
                .containsExactlyInAnyOrderElementsOf(forecasts(answer));
    }

    @Test
    void shouldForecastACsvUploadAsItsJson() {
        String csv = "CustomerTransactionId,RecipientId,SendMethodId,Amount\n"
                + "C-1,PAT-1,XTR94502,99.00\nC-2,PAT-1,XTR94508,2.00\nC-3,PAT-1,XTR94503,0.94\n";
        String before = fingerprint.awaitQuiet();

        Map<String, Object> answer = ContractBody.receipt(http.post()
                .uri(DRY_RUN + "&IssuerAccountNumber=" + issuer.account() + "&SourceWalletId=" + issuer.walletId()
                        + "&CustomerBatchId=CSV-DRY")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).header("Content-Type", "text/csv").bodyValue(csv)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(fingerprint.now()).isEqualTo(before);
        assertThat(forecasts(answer)).containsExactly("C-1 Success", "C-2 Failed INSUFFICIENT_FUNDS_RUNTIME",
                "C-3 RetainedInWallet DESTINATION_CLOSED");
    }

    @Test
    void shouldRefuseExactlyAsARealSubmissionDoes() {
        Issuer other = api.onboardIssuer("USD", "1.00");
        api.submitAccepted(issuer, batch(issuer, "TAKEN", List.of(walletItem("T-1", "PAT-1", "XTR94502", "1.00"))));
        Map<String, Object> noneValid = batch(issuer, List.of(walletItem("N-1", "PAT-1", "XTR94502", "0.00")));
        Map<String, Object> noWallet = new LinkedHashMap<>(noneValid);
        noWallet.remove("SourceWalletId");
        List<Object> bodies = List.of(noneValid, noWallet, batch(other, List.of(walletItem("O-1", "PAT-1", "XTR94502",
                "1.00"))), batch(issuer, "NEW", List.of(walletItem("T-1", "PAT-1", "XTR94502", "1.00"))), "{\"Items\": [".getBytes(StandardCharsets.UTF_8));
        String before = fingerprint.awaitQuiet();

        for (Object body : bodies) {
            var dry = post(DRY_RUN, body).expectBody(String.class).returnResult();
            var real = post("/API/v4/Fund/BatchTransfer", body).expectBody(String.class).returnResult();
            assertThat(dry.getStatus()).as("%s", body).isEqualTo(real.getStatus());
            assertThat(dry.getStatus().is4xxClientError()).as("%s", body).isTrue();
            assertThat(ContractBody.error(dry.getResponseBody())).isEqualTo(ContractBody.error(real.getResponseBody()));
        }
        Map<String, Object> typo = ContractBody.error(post("/API/v4/Fund/BatchTransfer?DryRun=yes", noneValid)
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody());
        assertThat(fieldsAndCodes(ContractBody.errors(typo))).containsExactly("DryRun INVALID_FIELD");
        assertThat(fingerprint.now()).isEqualTo(before);
    }

    @Test
    void shouldForecastARailSwitchedDownAsRetainedUnavailable() {
        api.railMode("XTR94508", "Down");
        try {
            Map<String, Object> answer = dryRun(batch(issuer, List.of(item("R-1", "PAT-1", "XTR94508", "5.00", Map.of()),
                    walletItem("R-2", "PAT-1", "XTR94502", "5.00"))));
            assertThat(forecasts(answer)).containsExactly("R-1 RetainedInWallet PROVIDER_UNAVAILABLE", "R-2 Success");
            assertThat(answer).containsEntry("CustomerBatchId", null);
        } finally {
            api.railMode("XTR94508", "Up");
        }
    }

    @Test
    void shouldAnswerADryRunOfAnExistingBatchAsItsRetryWithANote() {
        Map<String, Object> first = api.submitAccepted(issuer, batch(issuer, "AGAIN",
                List.of(walletItem("A-1", "PAT-1", "XTR94502", "10.00"))));
        api.awaitFinal(issuer, (String) first.get("BatchId"));
        String before = fingerprint.awaitQuiet();

        Map<String, Object> answer = dryRun(batch(issuer, "AGAIN", List.of(walletItem("A-1", "PAT-1", "XTR94502", "10.00"),
                walletItem("A-2", "PAT-1", "XTR94502", "95.00"), walletItem("A-3", "PAT-1", "XTR94502", "90.00"))));
        Map<String, Object> mismatch = dryRun(batch(issuer, "AGAIN", List.of(walletItem("A-1", "PAT-1", "XTR94502", "11.00"),
                walletItem("A-2", "PAT-1", "XTR94502", "1.00"))));

        assertThat(fingerprint.now()).isEqualTo(before);
        assertThat(answer).containsEntry("BatchId", first.get("BatchId")).containsEntry("AcceptedCount", 3);
        assertThat((String) answer.get("Note")).contains("retry").contains((String) first.get("BatchId"));
        assertThat(forecasts(answer)).containsExactly("A-1 null", "A-2 Failed INSUFFICIENT_FUNDS_RUNTIME", "A-3 Success");
        assertThat(accepted(answer).get(0).get("TransactionId")).isEqualTo(accepted(first).get(0).get("TransactionId"));
        assertThat(fieldsAndCodes(rejected(mismatch))).containsExactly("Items[0].CustomerTransactionId IDEMPOTENCY_MISMATCH");
    }

    private Map<String, Object> dryRun(Object body) {
        return ContractBody.receipt(post(DRY_RUN, body).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(issuer.apiKey()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static List<String> forecasts(Map<String, Object> answer) {
        return accepted(answer).stream().map(a -> a.get("CustomerTransactionId") + " " + a.get("Forecast")
                + (a.get("ForecastErrorCode") == null ? "" : " " + a.get("ForecastErrorCode"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> outcomes(Map<String, Object> status) {
        return ((List<Map<String, Object>>) status.get("Items")).stream().map(i -> i.get("CustomerTransactionId") + " "
                + i.get("Status") + (i.get("ErrorCode") == null ? "" : " " + i.get("ErrorCode"))).toList();
    }

    /** Every table of the schema with its row count: read models, outbox and token tables included. */
    private String everyTableCount() {
        return String.join(", ", jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""", String.class)
                .stream().map(t -> t + "=" + jdbc.queryForObject("select count(*) from \"" + t + "\"", Long.class))
                .toList());
    }
}
