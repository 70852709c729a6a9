package io.masspay.infra.contract;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.masspay.infra.contract.ContractBody.accepted;
import static io.masspay.infra.contract.ContractBody.errors;
import static io.masspay.infra.contract.ContractBody.fieldsAndCodes;
import static io.masspay.infra.contract.ContractBody.rejected;
import static io.masspay.infra.support.MassPayApi.batch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /API/v4/Fund/BatchTransfer} with {@code Content-Type: text/csv}: the envelope in the query
 * string, one payout per row. It must be the JSON submission in another spelling: same rules, same
 * answer, same retries, with rejections at {@code Row[n].Column} (n counts data rows from 1). A body
 * that is not a readable table is a 400 catalog error, never a 500.
 */
@MassPayIntegrationTest
class CsvUploadIT {

    static final String HEADER = "CustomerTransactionId,RecipientId,SendMethodId,Amount,Description,"
            + "Destination.BeneficiaryBankID,Destination.WalletId,Destination.CardId,Destination.Email,Destination.SKU,"
            + "Destination.Address.Line1,Destination.Address.City,Destination.Address.State,"
            + "Destination.Address.PostalCode,Destination.Address.Country";

    @Autowired
    WebTestClient http;

    MassPayApi api;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = onboardWithRecipients();
    }

    /** An issuer with a full individual (address, default bank account and card) and a company. */
    private Issuer onboardWithRecipients() {
        Issuer onboarded = api.onboardIssuer("USD", "100000.00");
        api.fullRecipient(onboarded, "PAT-1");
        api.recipient(onboarded, "ORG-1", "Company");
        return onboarded;
    }

    @Test
    void shouldPayARowOfEverySendMethodAndKeepQuotedCommasQuotesAndLineBreaks() {
        String csv = HEADER + "\r\n"
                + "C-1,PAT-1,XTR94500,10.00,\"Bank, with comma\",BNK-PAT-1,,,,,,,,,\r\n"
                + "C-2,PAT-1,XTR94502,11.00,\"Two\nlines\",,,,,,,,,,\r\n"
                + "C-3,ORG-1,XTR94504,12.00,Company wallet,,,,,,,,,,\r\n"
                + "C-4,PAT-1,XTR94503,13.00,New virtual card,,,,,,,,,,\r\n"
                + "C-5,PAT-1,XTR94505,14.00,\"A \"\"gift\"\"\",,,,pat@example.com,SKU-25,,,,,\r\n"
                + "C-6,PAT-1,XTR94508,15.00,Push to default card,,,CRD-PAT-1,,,,,,,\r\n"
                + "C-7,PAT-1,XTR94507,16.00,Check,,,,,,500 Oak Avenue,Portland,OR,97201,US\r\n";
        Map<String, Object> receipt = ContractBody.receipt(csv(issuer, envelope(issuer, "CSV-ALL"), csv)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());

        assertThat(receipt).containsEntry("CustomerBatchId", "CSV-ALL").containsEntry("ReceivedCount", 7)
                .containsEntry("AcceptedCount", 7);
        assertThat(rejected(receipt)).isEmpty();
        Map<String, Object> status = api.awaitFinal(issuer, (String) receipt.get("BatchId"));
        assertThat(status).containsEntry("Status", "Completed").containsEntry("TotalAmount", "91.00");
        assertThat(items(status)).extracting(i -> i.get("CustomerTransactionId") + " " + i.get("SendMethodId") + " "
                + i.get("Amount") + " " + i.get("Status")).containsExactlyInAnyOrder(
                "C-1 XTR94500 10.00 Success", "C-2 XTR94502 11.00 Success", "C-3 XTR94504 12.00 Success",
                "C-4 XTR94503 13.00 Success", "C-5 XTR94505 14.00 Success", "C-6 XTR94508 15.00 Success",
                "C-7 XTR94507 16.00 Success");
    }

    @Test
    void shouldAcceptTheExampleFileOfTheRepository() throws Exception {
        Issuer demoLike = api.onboardIssuer("USD", "10000.00");
        for (String id : List.of("PAT-5510", "PAT-5511", "PAT-5512")) {
            api.recipient(demoLike, id, "Individual", Map.of("Line1", "1 Demo Street", "City", "Springfield",
                    "State", "IL", "PostalCode", "62701", "Country", "US"));
        }
        api.recipient(demoLike, "ORG-7001", "Company");
        String example = Files.readString(Path.of("..", "examples", "payouts.csv"));
        Map<String, Object> receipt = ContractBody.receipt(csv(demoLike, envelope(demoLike, "EXAMPLE"), example)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        assertThat(rejected(receipt)).isEmpty();
        assertThat(api.awaitFinal(demoLike, (String) receipt.get("BatchId"))).containsEntry("Status", "Completed");
    }

    @Test
    void shouldRejectEachBadRowAloneAtRowAndColumn() {
        String csv = HEADER + "\n"
                + "R-1,PAT-1,XTR94502,1.00,fine,,,,,,,,,,\n"
                + "R-2,PAT-1,XTR94502,1.001,too many decimals,,,,,,,,,,\n"
                + "R-3,PAT-1,XTR99999,1.00,unknown method,,,,,,,,,,\n"
                + "R-4,PAT-1,XTR94505,1.00,gift card without SKU,,,,pat@example.com,,,,,,\n"
                + "R-1,PAT-1,XTR94502,1.00,same id again,,,,,,,,,,\n"
                + "R-6,PAT-1,XTR94507,1.00,check abroad,,,,,,1 King St W,Toronto,ON,M5H 1A1,CA\n"
                + "R-7,,XTR94502,1.00,no recipient,,,,,,,,,,\n"
                + "R-8,PAT-9,XTR94502,1.00,unknown recipient,,,,,,,,,,\n";
        Map<String, Object> receipt = ContractBody.receipt(csv(issuer, envelope(issuer, "CSV-BAD"), csv)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());

        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("R-1");
        assertThat(fieldsAndCodes(rejected(receipt))).containsExactly(
                "Row[2].Amount INVALID_AMOUNT",
                "Row[3].SendMethodId INVALID_SEND_METHOD",
                "Row[4].Destination.SKU MISSING_FIELD",
                "Row[5].CustomerTransactionId DUPLICATE_IN_BATCH",
                "Row[6].Destination.Address.Country COUNTRY_NOT_SUPPORTED",
                "Row[7].RecipientId MISSING_FIELD",
                "Row[8].RecipientId RECIPIENT_NOT_FOUND");
    }

    @Test
    void shouldRefuseABatchWithNoValidRowWithEveryRowListed() {
        String csv = "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,0.00\nPAT-1,XTR94502,-1\n";
        Map<String, Object> body = refused(csv(issuer, envelope(issuer, "CSV-NONE"), csv), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("Row[1].Amount INVALID_AMOUNT",
                "Row[2].Amount INVALID_AMOUNT");
    }

    @Test
    void shouldNameMissingEnvelopeQueryParametersAndEmptyTables() {
        Map<String, Object> body = refused(csv(issuer, "", "RecipientId,SendMethodId,Amount\n"), 422,
                "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactlyInAnyOrder("IssuerAccountNumber MISSING_FIELD",
                "SourceWalletId MISSING_FIELD", "Rows MISSING_FIELD");
        Issuer other = api.onboardIssuer("USD", "1.00");
        refused(csv(issuer, envelope(other, "X"), "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,1.00\n"), 403,
                "FORBIDDEN");
        refused(http.post().uri("/API/v4/Fund/BatchTransfer?" + envelope(issuer, "X"))
                .header("Content-Type", "text/csv").bodyValue("RecipientId\nPAT-1\n").exchange(), 401, "UNAUTHORIZED");
    }

    @Test
    void shouldAnswerAnUnreadableTableWithA400NamingWhereItBreaks() {
        String q = envelope(issuer, "CSV-MALFORMED");
        assertMalformed(csv(issuer, q, ""), List.of());
        assertMalformed(csv(issuer, q, "\r\n\r\n"), List.of());
        assertMalformed(csv(issuer, q, "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,\"1.00\nPAT-1,XTR94502,2.00\n"),
                List.of("Row[1] INVALID_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,1.00\nPAT-1,\"XTR\"94502,2.00\n"),
                List.of("Row[2] INVALID_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId,SendMethodId,Amout,Destination.BeneficiaryBankId\nPAT-1,XTR94502,1,\n"),
                List.of("Header[3] INVALID_FIELD", "Header[4] INVALID_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId,Amount,SendMethodId,Amount\nPAT-1,1.00,XTR94502,2.00\n"),
                List.of("Header[4] INVALID_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId,,Amount\nPAT-1,,1.00\n"), List.of("Header[2] MISSING_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId;SendMethodId;Amount\nPAT-1;XTR94502;1.00\n"),
                List.of("Header[1] INVALID_FIELD"));
        assertMalformed(csv(issuer, q, "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,1.00,extra\nPAT-1,XTR94502\n"),
                List.of("Row[1] INVALID_FIELD", "Row[2] INVALID_FIELD"));
        byte[] latin1 = "RecipientId,SendMethodId,Amount,Description\nPAT-1,XTR94502,1.00,Caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> notUtf8 = assertMalformed(csvBytes(issuer, q, "text/csv", latin1), List.of());
        assertThat((String) notUtf8.get("Message")).contains("line 2");

        Map<String, Object> header = refused(csv(issuer, q, "RecipientId,Amout\nPAT-1,1\n"), 400, "MALFORMED_JSON");
        assertThat((String) errors(header).get(0).get("Message")).contains("did you mean \"Amount\"");
    }

    @Test
    void shouldTakeAByteOrderMarkAndRefuseACharsetOtherThanUtf8() {
        String csv = "\uFEFFRecipientId,SendMethodId,Amount,Description\nPAT-1,XTR94502,1.00,Caf\u00e9\n";
        Map<String, Object> receipt = ContractBody.receipt(csv(issuer, envelope(issuer, "CSV-BOM"), csv)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        assertThat(receipt).containsEntry("AcceptedCount", 1);
        Map<String, Object> latin1 = refused(csvBytes(issuer, envelope(issuer, "CSV-L1"), "text/csv;charset=ISO-8859-1",
                "RecipientId\nPAT-1\n".getBytes(StandardCharsets.ISO_8859_1)), 415, "INVALID_FIELD");
        assertThat(fieldsAndCodes(errors(latin1))).containsExactly("Content-Type INVALID_FIELD");
        csvBytes(issuer, envelope(issuer, "CSV-U8"), "text/csv; charset=utf-8",
                "RecipientId,SendMethodId,Amount\nPAT-1,XTR94502,1.00\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isAccepted();
    }

    @Test
    void shouldApplyTheItemLimitsAndTheBodyCapOfJson() {
        api.limits(issuer, 3).expectStatus().isOk();
        Map<String, Object> overLimit = refused(csv(issuer, envelope(issuer, "CSV-4"), rows(4)), 422, "BATCH_TOO_LARGE");
        assertThat((String) overLimit.get("Message")).contains("4 items").contains("limit is 3")
                .contains("PUT /API/v4/Admin/Issuers/" + issuer.account() + "/Limits");
        csv(issuer, envelope(issuer, "CSV-3"), rows(3)).expectStatus().isAccepted();
        Map<String, Object> hardMax = refused(csv(issuer, envelope(issuer, "CSV-5001"), rows(5_001)), 422,
                "BATCH_TOO_LARGE");
        assertThat((String) hardMax.get("Message")).contains("5000");
        String huge = "RecipientId,SendMethodId,Amount,Description\n"
                + ("PAT-1,XTR94502,1.00," + "x".repeat(1000) + "\n").repeat(10_500);
        refused(csv(issuer, envelope(issuer, "CSV-HUGE"), huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void shouldYieldTheSameItemsAsTheSameBatchInJson() {
        Issuer viaJson = onboardWithRecipients();
        Issuer viaCsv = onboardWithRecipients();
        List<Map<String, Object>> items = List.of(
                item("E-1", "PAT-1", "XTR94500", "10.00", Map.of()),
                item("E-2", "PAT-1", "XTR94502", "20.50", Map.of()),
                item("E-3", "ORG-1", "XTR94504", "30.00", Map.of()),
                item("E-4", "PAT-1", "XTR94508", "40.91", Map.of()),
                item("E-5", "PAT-1", "XTR94505", "5.00", Map.of("Email", "pat@example.com")),
                item("E-6", "ORG-1", "XTR94502", "6.00", Map.of()),
                item("E-7", "PAT-1", "XTR94507", "7.00", Map.of("Address", Map.of("Line1", "1 Main St",
                        "City", "Springfield", "PostalCode", "62701", "Country", "US"))));
        Map<String, Object> jsonReceipt = api.submitAccepted(viaJson, batch(viaJson, "SAME", items));
        Map<String, Object> csvReceipt = ContractBody.receipt(csv(viaCsv, envelope(viaCsv, "SAME"), toCsv(items))
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());

        assertThat(comparable(csvReceipt)).isEqualTo(asRows(comparable(jsonReceipt)));
        assertThat(rejected(csvReceipt)).extracting(r -> r.get("Field"))
                .containsExactly("Row[5].Destination.SKU", "Row[6].SendMethodId");
        assertThat(finalItems(viaCsv, csvReceipt, 5)).isEqualTo(finalItems(viaJson, jsonReceipt, 5));
    }

    @Test
    void shouldRetryAJsonBatchFromACsvExactlyAsFromJson() {
        Issuer viaJson = onboardWithRecipients();
        Issuer viaCsv = onboardWithRecipients();
        List<Map<String, Object>> first = List.of(
                item("T-OK", "PAT-1", "XTR94502", "10.00", Map.of()),
                item("T-DECLINED", "PAT-1", "XTR94500", "20.91", Map.of()));
        List<Map<String, Object>> retry = List.of(
                item("T-OK", "PAT-1", "XTR94502", "10.00", Map.of()),
                item("T-DECLINED", "PAT-1", "XTR94500", "20.91", Map.of()),
                item("T-CHANGED", "PAT-1", "XTR94502", "3.00", Map.of()),
                item("T-NEW", "PAT-1", "XTR94502", "4.00", Map.of()));
        List<Map<String, Object>> firstPlusChanged = new ArrayList<>(first);
        firstPlusChanged.add(item("T-CHANGED", "PAT-1", "XTR94502", "2.00", Map.of()));
        for (Issuer by : List.of(viaJson, viaCsv)) {
            String batchId = (String) api.submitAccepted(by, batch(by, "RETRIED", firstPlusChanged)).get("BatchId");
            api.awaitFinal(by, batchId);
        }
        Map<String, Object> jsonRetry = api.submitAccepted(viaJson, batch(viaJson, "RETRIED", retry));
        Map<String, Object> csvRetry = ContractBody.receipt(csv(viaCsv, envelope(viaCsv, "RETRIED"), toCsv(retry))
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());

        assertThat(fieldsAndCodes(rejected(csvRetry))).containsExactly("Row[1].CustomerTransactionId ALREADY_COMPLETED",
                "Row[3].CustomerTransactionId IDEMPOTENCY_MISMATCH");
        assertThat(accepted(csvRetry)).extracting(a -> a.get("CustomerTransactionId") + " #" + a.get("AttemptNo"))
                .containsExactly("T-DECLINED #2", "T-NEW #1");
        assertThat(comparable(csvRetry)).isEqualTo(asRows(comparable(jsonRetry)));
        assertThat(finalItems(viaCsv, csvRetry, 4)).isEqualTo(finalItems(viaJson, jsonRetry, 4));

        List<Map<String, Object>> done = List.of(item("T-OK", "PAT-1", "XTR94502", "10.00", Map.of()));
        csv(viaCsv, envelope(viaCsv, "RETRIED"), toCsv(done)).expectStatus().isOk();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec csv(Issuer by, String query, String body) {
        return csvBytes(by, query, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec csvBytes(Issuer by, String query, String contentType, byte[] body) {
        return http.post().uri("/API/v4/Fund/BatchTransfer" + (query.isEmpty() ? "" : "?" + query))
                .headers(h -> h.setBearerAuth(by.apiKey()))
                .header("Content-Type", contentType)
                .bodyValue(body)
                .exchange();
    }

    private static String envelope(Issuer by, String customerBatchId) {
        return "IssuerAccountNumber=" + by.account() + "&SourceWalletId=" + by.walletId()
                + "&CustomerBatchId=" + customerBatchId;
    }

    private static String rows(int count) {
        return "CustomerTransactionId,RecipientId,SendMethodId,Amount\n" + IntStream.rangeClosed(1, count)
                .mapToObj(i -> "L-" + i + ",PAT-1,XTR94502,1.00\n").collect(Collectors.joining());
    }

    private static Map<String, Object> item(String id, String recipient, String method, String amount,
                                            Map<String, Object> destination) {
        return Map.of("CustomerTransactionId", id, "RecipientId", recipient, "SendMethodId", method,
                "Amount", amount, "Destination", destination);
    }

    /** The same items as a CSV table: Destination fields as Destination.X, the address as Destination.Address.X. */
    @SuppressWarnings("unchecked")
    private static String toCsv(List<Map<String, Object>> items) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Map<String, Object> item : items) {
            Map<String, Object> destination = (Map<String, Object>) item.get("Destination");
            Map<String, String> address = (Map<String, String>) destination.getOrDefault("Address", Map.of());
            List<Object> cells = new ArrayList<>(List.of(item.get("CustomerTransactionId"), item.get("RecipientId"),
                    item.get("SendMethodId"), item.get("Amount"), ""));
            for (String field : List.of("BeneficiaryBankID", "WalletId", "CardId", "Email", "SKU")) {
                cells.add(destination.getOrDefault(field, ""));
            }
            for (String field : List.of("Line1", "City", "State", "PostalCode", "Country")) {
                cells.add(address.getOrDefault(field, ""));
            }
            csv.append(cells.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** JSON's {@code Items[i]} as the CSV's {@code Row[i+1]}. */
    private static String asRows(String jsonPaths) {
        return Pattern.compile("Items\\[(\\d+)]").matcher(jsonPaths)
                .replaceAll(m -> "Row[" + (Integer.parseInt(m.group(1)) + 1) + "]");
    }

    /** A receipt without its server-generated ids, as one line to compare. */
    private static String comparable(Map<String, Object> receipt) {
        return receipt.get("Status") + " received=" + receipt.get("ReceivedCount") + " accepted="
                + accepted(receipt).stream().map(a -> a.get("CustomerTransactionId") + "/" + a.get("RecipientId") + "/"
                + a.get("Status") + "/" + a.get("AttemptNo")).toList() + " rejected="
                + rejected(receipt).stream().map(r -> r.get("CustomerTransactionId") + "/" + r.get("ErrorCode") + "/"
                + r.get("Field") + "/" + r.get("Message")).toList();
    }

    /** The batch once final and showing {@code itemCount} items (a retry's status lags its 202 a little). */
    private List<String> finalItems(Issuer by, Map<String, Object> receipt, int itemCount) {
        Map<String, Object> status = api.awaitStatus(by, (String) receipt.get("BatchId"),
                s -> !"Processing".equals(s.get("Status")) && items(s).size() == itemCount);
        List<String> rows = new ArrayList<>(items(status).stream().map(i -> i.get("CustomerTransactionId") + " "
                + i.get("RecipientId") + " " + i.get("SendMethodId") + " " + i.get("Amount") + " " + i.get("Currency")
                + " " + i.get("Status") + " " + i.get("ErrorCode") + " #" + i.get("AttemptNo")).sorted().toList());
        rows.add("batch " + status.get("Status") + " " + status.get("Counts") + " " + status.get("TotalAmount") + " "
                + status.get("SuccessAmount") + " received=" + status.get("ReceivedCount") + " rejected="
                + status.get("RejectedCount"));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("Items");
    }

    private static Map<String, Object> assertMalformed(WebTestClient.ResponseSpec response, List<String> errors) {
        Map<String, Object> body = refused(response, 400, "MALFORMED_JSON");
        assertThat(fieldsAndCodes(errors(body))).as(body.toString()).containsExactlyElementsOf(errors);
        return body;
    }

    private static Map<String, Object> refused(WebTestClient.ResponseSpec response, int status, String errorCode) {
        String raw = response.expectStatus().isEqualTo(HttpStatus.valueOf(status)).expectBody(String.class)
                .returnResult().getResponseBody();
        Map<String, Object> body = ContractBody.error(raw);
        assertThat(body.get("ErrorCode")).as(raw).isEqualTo(errorCode);
        return body;
    }
}
