package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The finance report (API.md section 9): one CSV row per item attempt, with the attempt's ledger postings. */
class BatchReportIT extends ReadsTestBase {

    static final List<String> COLUMNS = List.of("BatchId", "CustomerBatchId", "TransactionId", "CustomerTransactionId",
            "AttemptNo", "RecipientId", "SendMethodId", "Amount", "Currency", "Status", "ErrorCode", "StartedAt",
            "FinishedAt", "PostingIds");

    @Test
    void shouldWriteOneRowPerItemAttemptWithItsAmountOutcomeAndPostings() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        List<Map<String, Object>> items = List.of(walletItem("W", "PAT-1", "XTR94502", "4.00"),
                item("RETRY", "PAT-1", "XTR94500", "10.00", Map.of()),
                item("DECLINED", "PAT-1", "XTR94508", "2.91", Map.of()));
        api.railMode("XTR94500", "Down");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "REPORT-1", items)).get("BatchId");
        reads.awaitHistory(issuer, batchId, "RETRY", "RetainedInWallet");
        reads.awaitHistory(issuer, batchId, "DECLINED", "RetainedInWallet");
        ReadsApi.awaitBatchCompleted(jdbc, batchId, 1);
        api.railMode("XTR94500", "Up");
        api.submitAccepted(issuer, batch(issuer, "REPORT-1", List.of(items.get(1))));
        reads.awaitHistory(issuer, batchId, "RETRY", "Success");
        reads.awaitHistory(issuer, batchId, "W", "Success");
        awaitPostings(batchId, 12);

        var answer = reads.get(issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv");
        List<CSVRecord> rows = parse(answer.expectBody(String.class).returnResult().getResponseBody());

        assertThat(rows).extracting(r -> r.get("CustomerTransactionId") + ":" + r.get("AttemptNo") + ":" + r.get("Status")
                        + ":" + r.get("ErrorCode") + ":" + r.get("Amount"))
                .containsExactly("W:1:Success::4.00", "RETRY:1:RetainedInWallet:PROVIDER_UNAVAILABLE:10.00",
                        "RETRY:2:Success::10.00", "DECLINED:1:RetainedInWallet:PROVIDER_DECLINED:2.91");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("BatchId")).isEqualTo(batchId);
            assertThat(r.get("CustomerBatchId")).isEqualTo("REPORT-1");
            assertThat(r.get("Currency")).isEqualTo("USD");
            assertThat(r.get("RecipientId")).isEqualTo("PAT-1");
            assertThat(r.get("StartedAt")).isNotEmpty();
            assertThat(r.get("FinishedAt")).isNotEmpty();
            assertThat(List.of(r.get("PostingIds").split(";"))).as("postings of %s attempt %s", r.get("TransactionId"),
                    r.get("AttemptNo")).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("""
                    select event_id || ':' || line from ledger_posting where transaction_id = ? and attempt_no = ?""",
                    String.class, r.get("TransactionId"), Integer.parseInt(r.get("AttemptNo"))));
        });
        assertThat(rows.get(2).get("PostingIds").split(";")).as("a wallet retry: payout and settlement only").hasSize(2);
        assertThat(rows.get(2).get("TransactionId")).isEqualTo(rows.get(1).get("TransactionId"));
    }

    @Test
    void shouldNotFindAnotherIssuersReport() {
        Issuer owner = api.onboardIssuer("USD", "10.00");
        api.recipient(owner, "PAT-2", "Individual");
        String batchId = (String) api.submitAccepted(owner, batch(owner, "REPORT-2",
                List.of(walletItem("MINE", "PAT-2", "XTR94502", "1.00")))).get("BatchId");
        reads.awaitHistory(owner, batchId, "MINE", "Success");
        Issuer stranger = api.onboardIssuer("USD", "10.00");

        reads.get(stranger, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv").expectStatus().isNotFound()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        reads.get(owner, "/API/v4/Fund/BatchTransfer/bt_unknown/Report.csv").expectStatus().isNotFound();
    }

    /**
     * Issue 16: ids are the client's, and may start with '-' (or a batch id with '-'), which a spreadsheet reads
     * as a formula. Such cells get a leading quote; amounts stay numbers; CSV quoting stays intact.
     */
    @Test
    void shouldNeutraliseCellsASpreadsheetWouldEvaluate() throws IOException {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        api.recipient(issuer, "-PAT", "Individual");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "-2-3",
                List.of(walletItem("-1-2:cmd", "-PAT", "XTR94502", "1.00")))).get("BatchId");
        reads.awaitHistory(issuer, batchId, "-1-2:cmd", "Success");

        String csv = reads.get(issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        CSVRecord row = parse(csv).get(0);

        assertThat(row.get("CustomerBatchId")).isEqualTo("'-2-3");
        assertThat(row.get("CustomerTransactionId")).isEqualTo("'-1-2:cmd");
        assertThat(row.get("RecipientId")).isEqualTo("'-PAT");
        assertThat(row.get("Amount")).isEqualTo("1.00");
        assertThat(csv).doesNotContain(",-");
    }

    /** Parses the report as a spreadsheet or a finance tool would, and checks the header first. */
    static List<CSVRecord> parse(String csv) throws IOException {
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv));
        assertThat(parser.getHeaderNames()).isEqualTo(COLUMNS);
        return parser.getRecords();
    }

    private void awaitPostings(String batchId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from ledger_posting where transaction_id in
                (select transaction_id from transaction_claim where batch_id = ?)""", Integer.class, batchId) == count);
    }
}
